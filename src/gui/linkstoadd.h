#pragma once

#include "textlinks.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace Quiver {

struct IdentifiedLinks;

// What Add hands over: the text's links not in the queue, then those of the dropped batch neither typed
// nor in the queue, in order, with their identities; and how many were left out as queued.
struct LinksToAdd {
    QList<Link> links;
    QStringList identities;      // parallel to links
    qsizetype queued = 0;        // left out, already in the queue
    qsizetype batchQueued = 0;   // of those, from the batch

    // textQueued is parallel to text's links; isQueued asks about one link of the batch.
    static LinksToAdd of(const TextLinks::Parse &text, const QList<bool> &textQueued, const IdentifiedLinks &batch,
                         const std::function<bool(const QString &identity)> &isQueued);
};

} // namespace Quiver
