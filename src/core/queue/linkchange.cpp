#include "queue/linkchange.h"

#include "util/headervalue.h"

#include "util/units.h"

#include <QCoreApplication>

namespace Quiver::LinkChange {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Quiver::LinkChange", text);
}

} // namespace

QString whyNotComparable(const DownloadItem &item)
{
    if (!HeaderValue::isStrongEtag(item.etag) && item.lastModified.isEmpty())
        return tr("The new link cannot be compared with the part already downloaded (no ETag or Last-Modified "
                  "was recorded for it): starting over.");
    if (item.bytesTotal < 0)
        return tr("The new link cannot be compared with the part already downloaded (its size was never "
                  "known): starting over.");
    return {};
}

QString whyStartOver(const DownloadItem &item, const LinkAnswer &answer)
{
    const QString notComparable = whyNotComparable(item);
    if (!notComparable.isEmpty())
        return notComparable;
    if (answer.total >= 0 && answer.total != item.bytesTotal)
        return tr("The new link serves a different file (other size): starting over.");
    // A weak ETag only says "about the same"; a date is the next best proof, as for If-Range.
    const QByteArray &recorded = HeaderValue::isStrongEtag(item.etag) ? item.etag : item.lastModified;
    const QByteArray &answered = HeaderValue::isStrongEtag(item.etag) ? answer.etag : answer.lastModified;
    if (answered.isEmpty())
        return tr("The new link does not identify its file (no ETag or Last-Modified), so it cannot be compared "
                  "with the part already downloaded: starting over.");
    if (answered != recorded)
        return tr("The new link serves a different file (other version): starting over.");
    if (answer.total < 0)
        return tr("The new link does not say how large its file is, so it cannot be compared with the part "
                  "already downloaded: starting over.");
    if (!answer.continuesPart)
        return tr("The new link did not continue the part already downloaded: starting over.");
    return {};
}

QString keptNote(qint64 offset)
{
    return tr("The new link serves the same file: continuing from %1.").arg(Units::bytes(offset));
}

TransferError otherFile(const QString &why)
{
    TransferError error;
    error.kind = ErrorKind::OtherFile;
    error.restartFromZero = true;
    error.message = why;
    return error;
}

} // namespace Quiver::LinkChange
