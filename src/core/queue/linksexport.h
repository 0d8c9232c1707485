#pragma once

#include "queue/downloaditem.h"

#include <QList>
#include <QString>

namespace Quiver {

// The queue as a links file that parseLinkList (and aria2c -i) reads back as the same downloads: each
// link on its line (without user name or password: a file that travels must not carry them), with its
// file name as out= once decided, its folder as dir= relative to baseFolder, and its checksum=. '[' and
// ']' in a link are written percent-encoded, so reading the file back never takes them for a URL
// pattern. An item saved outside baseFolder gets no dir= but a comment line naming its folder, since
// dir= may not leave the download folder.
QString linksFileFor(const QList<DownloadItem> &items, const QString &baseFolder);

} // namespace Quiver
