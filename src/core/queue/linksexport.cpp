#include "queue/linksexport.h"

#include "links/linksparser.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

// The host's brackets (an IPv6 address) stay; the rest are encoded as any browser would send them.
QString linkLine(const QUrl &url)
{
    QString text = linkIdentity(url.adjusted(QUrl::RemoveUserInfo));
    const qsizetype authority = text.indexOf(u"://"_s);
    qsizetype pathStart = text.indexOf(u'/', authority < 0 ? 0 : authority + 3);
    if (pathStart < 0)
        return text;
    QString tail = text.sliced(pathStart);
    tail.replace(u'[', u"%5B"_s).replace(u']', u"%5D"_s);
    return text.first(pathStart) + tail;
}

} // namespace

QString linksFileFor(const QList<DownloadItem> &items, const QString &baseFolder)
{
    const QDir base(baseFolder);
    QString text;
    text.reserve(items.size() * 80);
    for (const DownloadItem &item : items) {
        const QString relative = QDir::cleanPath(base.relativeFilePath(item.directory));
        const bool inside = !item.directory.isEmpty() && !relative.startsWith(u"../"_s) && relative != u".."_s
            && !QDir::isAbsolutePath(relative);
        if (!inside && !item.directory.isEmpty())
            text += u"# saved in "_s + QString(item.directory).replace(u'\n', u' ').replace(u'\r', u' ') + u'\n';
        text += linkLine(item.url);
        text += u'\n';
        if (!item.fileName.isEmpty())
            text += u"  out="_s + item.fileName + u'\n';
        if (inside && relative != u"."_s)
            text += u"  dir="_s + relative + u'\n';
        if (!item.sha256.isEmpty())
            text += u"  checksum=sha-256="_s + QString::fromLatin1(item.sha256.toHex()) + u'\n';
    }
    return text;
}

} // namespace Quiver
