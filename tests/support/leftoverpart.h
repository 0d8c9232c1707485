#pragma once

// Leaves a .part as an interrupted download of a link would: its first bytes and its recorded origin.

#include "disk/partfile.h"
#include "faultserver.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Quiver::Test {

// False when the file could not be written or its folder keeps no extended attributes (the caller skips).
inline bool leaveAPart(const QString &path, const QUrl &url, const QByteArray &content, qint64 size)
{
    PartFile part;
    const ThreadTurn::Scope turn(part.turn());
    PartOrigin origin;
    origin.url = url;
    origin.etag = FaultServer::defaultEtag(content);
    origin.total = content.size();
    if (!part.open(path, 0, origin) || !part.write(content.constData(), size))
        return false;
    part.close();
    return PartOrigin::readFrom(path).has_value();
}

} // namespace Quiver::Test
