#include "linkssummary.h"

#include "droppedlinks.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace Quiver {

namespace {

// No .qm is loaded for English, so "%n link(s)" would be shown as written: singular and plural are
// separate source strings, both translated at the call.
QString counted(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

QString joinParts(const QStringList &parts)
{
    return parts.join(LinksSummary::tr(" · ", "separates the parts of the summary line"));
}

} // namespace

LinksSummary LinksSummary::of(const TextLinks::Parse &text, const QList<bool> &textQueued, const DroppedLinks &drops,
                              qsizetype batchQueued)
{
    const IdentifiedLinks &batch = drops.batch();
    LinksSummary summary;
    summary.queued = std::count(textQueued.cbegin(), textQueued.cend(), true) + batchQueued;
    summary.links = text.parsed.links.size() + batch.links.size();
    summary.fromPatterns = text.parsed.linksFromPatterns;
    // A link both typed and dropped counts once.
    if (!batch.links.isEmpty()) {
        for (qsizetype i = 0; i < text.identities.size(); ++i) {
            if (batch.indexByIdentity.contains(text.identities[i])) {
                --summary.links;
                summary.queued -= textQueued[i] ? 1 : 0;
            }
        }
    }
    for (const InputProblem &problem : text.parsed.problems)
        summary.rejected += problem.line > 0 ? 1 : 0;
    // A problem on line 0 of a drop is about a whole file (a folder, a binary file, ...).
    for (const InputProblem &problem : drops.problems())
        (problem.line > 0 ? summary.rejected : summary.notRead) += 1;
    return summary;
}

QString LinksSummary::foundText() const
{
    QStringList parts;
    parts.append(links == 0 ? tr("No links found") : counted(links, tr("1 link found"), tr("%1 links found")));
    // What a pattern such as img[001-120].jpg makes, before anything is added.
    if (fromPatterns > 0)
        parts.append(counted(fromPatterns, tr("1 made by a pattern"), tr("%1 made by patterns")));
    if (rejected > 0)
        parts.append(counted(rejected, tr("1 line rejected"), tr("%1 lines rejected")));
    if (notRead > 0)
        parts.append(counted(notRead, tr("1 file not read"), tr("%1 files not read")));
    if (queued > 0)
        parts.append(counted(queued, tr("1 already in the queue"), tr("%1 already in the queue")));
    return joinParts(parts);
}

QString LinksSummary::addedText() const
{
    QStringList parts;
    parts.append(counted(links, tr("1 link added to the queue"), tr("%1 links added to the queue")));
    if (rejected > 0)
        parts.append(counted(rejected, tr("1 line rejected"), tr("%1 lines rejected")));
    if (queued > 0)
        parts.append(counted(queued, tr("1 already in the queue"), tr("%1 already in the queue")));
    return joinParts(parts);
}

} // namespace Quiver
