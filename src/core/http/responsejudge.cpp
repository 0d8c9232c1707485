#include "http/responsejudge.h"

#include "http/contentrange.h"
#include "queue/linkchange.h"
#include "queue/retrypolicy.h"
#include "util/headervalue.h"

namespace Quiver {

ResponseVerdict ResponseJudge::refuse(TransferError error)
{
    ResponseVerdict verdict;
    verdict.action = ResponseVerdict::Action::Refuse;
    verdict.error = std::move(error);
    return verdict;
}

ResponseVerdict ResponseJudge::cannotResume(const QString &why)
{
    TransferError error;
    error.kind = ErrorKind::Protocol;
    error.restartFromZero = true;
    error.message = tr("The server cannot continue the partial download (%1), so the next attempt starts from the beginning.").arg(why);
    return refuse(error);
}

qint64 ResponseJudge::rangeStartFor(qint64 resumePoint)
{
    return resumePoint - qMin(maxOverlap, resumePoint / 2);
}

ResponseVerdict ResponseJudge::judge(const ResponseHead &head, const DownloadItem &item, qint64 requestedOffset,
                                     const QDateTime &now, bool askedFromZero)
{
    ResponseVerdict verdict;
    verdict.action = ResponseVerdict::Action::Write;
    const QByteArray encoding = head.contentEncoding.trimmed().toLower();

    if (head.status == 206) {
        const auto range = parseContentRange(head.contentRange);
        if (!range || range->isUnsatisfied())
            return cannotResume(tr("its answer has no valid Content-Range"));
        if (range->first != requestedOffset)
            return cannotResume(tr("it sent bytes from %1 when asked for %2").arg(range->first).arg(requestedOffset));
        if (head.contentType.startsWith("multipart/") || (!encoding.isEmpty() && encoding != "identity"))
            return cannotResume(tr("it sent the part in a form that cannot be appended"));
        // A changed link must prove it serves the same file; If-Range alone trusts a server to honour it.
        if (item.linkChanged()) {
            const QString why = LinkChange::whyStartOver(item, LinkAnswer{true, range->total, head.etag, head.lastModified});
            if (!why.isEmpty())
                return refuse(LinkChange::otherFile(why));
        }
        if (item.bytesTotal >= 0 && range->total >= 0 && range->total != item.bytesTotal)
            return cannotResume(tr("the file on the server changed size"));
        // Without a validator for If-Range, the size is what is left to tell the same file by (and the
        // overlap the writer compares).
        if (requestedOffset > 0 && !HeaderValue::isStrongEtag(item.etag) && item.lastModified.isEmpty()
            && (item.bytesTotal < 0 || range->total < 0))
            return cannotResume(tr("it gives neither a validator nor the file's size to check the part against"));
        verdict.offset = range->first;
        verdict.bodyEnd = range->last + 1;
        verdict.total = range->total >= 0 ? range->total : (item.bytesTotal >= 0 ? item.bytesTotal : -1);
    } else if (head.status == 416 && requestedOffset > 0) {
        const auto range = parseContentRange(head.contentRange);
        if (item.linkChanged()) {
            // Only a 206 can prove a new link serves the same file (see linkchange.h).
            return refuse(LinkChange::otherFile(LinkChange::whyStartOver(
                item, LinkAnswer{false, range ? range->total : -1, head.etag, head.lastModified})));
        }
        if (!range || !range->isUnsatisfied() || range->total != requestedOffset
            || (item.bytesTotal >= 0 && item.bytesTotal != range->total))
            return cannotResume(tr("the file on the server is now smaller than the part already downloaded"));
        // Everything is already on disk: a crash hit after the last byte but before the rename.
        verdict.action = ResponseVerdict::Action::AlreadyComplete;
        verdict.offset = requestedOffset;
        verdict.bodyEnd = verdict.total = range->total;
    } else if (const auto empty = parseContentRange(head.contentRange);
               head.status == 416 && askedFromZero && requestedOffset == 0 && !item.linkChanged() && empty
               && empty->isUnsatisfied() && empty->total == 0) {
        // No byte of an empty file can be asked for: the whole file is there, with nothing to write.
        verdict.action = ResponseVerdict::Action::AlreadyComplete;
        verdict.bodyEnd = verdict.total = 0;
    } else if (head.status >= 200 && head.status < 300 && head.status != 204) {
        // A 200 to a Range request: the server ignored it, or If-Range saw a new version. Start over.
        verdict.bodyEnd = verdict.total = head.contentLength;
    } else {
        verdict.action = ResponseVerdict::Action::DrainThenFail;
        verdict.error.kind = ErrorKind::HttpStatus;
        verdict.error.httpStatus = head.status;
        verdict.error.message = httpStatusMessage(head.status, head.reasonPhrase);
        if (head.status == 429 || head.status == 503)
            verdict.error.retryAfter = parseRetryAfter(head.retryAfter, now);
        return verdict;
    }

    if (HeaderValue::isStorable(head.etag, HeaderValue::maxEtagSize))
        verdict.etag = head.etag;
    if (HeaderValue::isStorable(head.lastModified, HeaderValue::maxLastModifiedSize))
        verdict.lastModified = head.lastModified;
    return verdict;
}

} // namespace Quiver
