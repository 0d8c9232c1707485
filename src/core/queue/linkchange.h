#pragma once

#include "queue/downloaditem.h"
#include "queue/transfererror.h"

#include <QByteArray>
#include <QString>

namespace Quiver {

// What the new link answered when asked for the rest of the .part.
struct LinkAnswer {
    bool continuesPart = false;   // a 206 that starts where the request asked it to
    qint64 total = -1;            // the whole file's size; -1 when the answer does not say
    QByteArray etag;
    QByteArray lastModified;
};

// The rule for a download whose link was changed (DownloadItem::linkChanged()): its bytes on disk are kept
// only when the new link continues them and provably serves the same file, that is the same total size as
// recorded and the same validator (the strong ETag, else Last-Modified). Without a recorded size and
// validator nothing can be proven, so the download starts over. A new link to another file must never be
// appended to the old file's bytes: the result would be a wrong file with a plausible size.
namespace LinkChange {

// Why the item cannot even be compared with a new link (no recorded size or validator); empty when it can.
QString whyNotComparable(const DownloadItem &item);

// Why the answer does not let the item keep its bytes, as a sentence for the row; empty when it does.
QString whyStartOver(const DownloadItem &item, const LinkAnswer &answer);

// The sentence for the row when the bytes were kept.
QString keptNote(qint64 offset);

// How a transfer ends an attempt whose answer came from another file: not a failure, a restart from zero.
TransferError otherFile(const QString &why);

} // namespace LinkChange

} // namespace Quiver
