#pragma once

#include "textlinks.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Quiver {

class DroppedLinks;

// The add-links box's summary line and what it counts: "12 links found · 2 lines rejected · 1 already
// in the queue" for what the box holds, "12 links added to the queue · …" after Add.
struct LinksSummary {
    Q_DECLARE_TR_FUNCTIONS(Quiver::LinksSummary)

public:
    qsizetype links = 0;      // found (or added); a link both typed and dropped counts once
    qsizetype rejected = 0;   // lines that are no link, in the text or in dropped files
    qsizetype notRead = 0;    // dropped files not read at all (a folder, a binary file, ...)
    qsizetype queued = 0;     // already in the queue
    qsizetype fromPatterns = 0; // of the text's links, those URL patterns made

    // Counts the text (textQueued is parallel to its links) and the drops, whose batch has batchQueued
    // links in the queue.
    static LinksSummary of(const TextLinks::Parse &text, const QList<bool> &textQueued, const DroppedLinks &drops,
                           qsizetype batchQueued);

    QString foundText() const;
    QString addedText() const;
};

} // namespace Quiver
