#pragma once

#include "queue/downloaditem.h"
#include "queue/transfererror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

namespace Quiver {

// The parts of an answer's head that decide what happens to its body.
struct ResponseHead {
    int status = 0;
    QByteArray reasonPhrase;
    QByteArray contentRange;
    QByteArray contentType;
    QByteArray contentEncoding;
    qint64 contentLength = -1;   // -1 when absent or not a number
    QByteArray etag;
    QByteArray lastModified;
    QByteArray retryAfter;
};

// What to do with an answer's body.
struct ResponseVerdict {
    enum class Action {
        Write,             // the body is the file from offset on
        AlreadyComplete,   // a 416 saying the .part already holds the whole file; the body is an error page
        DrainThenFail,     // an error status: read the page and drop it (the connection stays reusable), then fail
        Refuse,            // the body cannot continue the .part: end the attempt now
    };
    Action action = Action::Refuse;
    qint64 offset = 0;        // where the body goes in the file
    qint64 bodyEnd = -1;      // the file's size once the body is complete; -1 when unknown
    qint64 total = -1;        // the whole file's size; -1 when unknown
    QByteArray etag;          // the answer's validators, dropped when not fit to send back or keep
    QByteArray lastModified;
    TransferError error;      // for DrainThenFail and Refuse
};

// The resume rules, as a pure function of the answer: only a 206 whose Content-Range starts at the asked
// offset (and, for a changed link, proves the same file) continues the .part; a 416 "*/N" with N the
// .part's size means it is already complete; any other 2xx is the whole file from byte 0; anything else
// is an error whose page is never saved.
class ResponseJudge
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::ResponseJudge)

public:
    // Where to ask from to continue a .part that holds resumePoint trusted bytes: a little before its end,
    // so the answer's first bytes can be compared with the ones on disk. The comparison proves the answer
    // continues this file even where the server gives no validator, and catches a tail damaged by a power
    // loss (the size written before the data).
    static qint64 rangeStartFor(qint64 resumePoint);
    static constexpr qint64 maxOverlap = 64 * 1024;

    // requestedOffset is what the Range header asked for (0: no Range was sent, unless askedFromZero: the
    // request asked for "bytes=0-", to which an empty file answers 416 "*/0"). now dates Retry-After.
    static ResponseVerdict judge(const ResponseHead &head, const DownloadItem &item, qint64 requestedOffset,
                                 const QDateTime &now, bool askedFromZero = false);

private:
    static ResponseVerdict refuse(TransferError error);
    static ResponseVerdict cannotResume(const QString &why);
};

} // namespace Quiver
