#include "linkstoadd.h"

#include "linkdrop.h"

#include <QSet>

namespace Quiver {

LinksToAdd LinksToAdd::of(const TextLinks::Parse &text, const QList<bool> &textQueued, const IdentifiedLinks &batch,
                          const std::function<bool(const QString &)> &isQueued)
{
    LinksToAdd add;
    const QList<Link> &textLinks = text.parsed.links;
    add.links.reserve(textLinks.size());
    add.identities.reserve(textLinks.size());
    for (qsizetype i = 0; i < textLinks.size(); ++i) {
        if (textQueued[i]) {
            ++add.queued;
        } else {
            add.links.append(textLinks[i]);
            add.identities.append(text.identities[i]);
        }
    }
    if (batch.links.isEmpty())
        return add;
    const QSet<QString> inText(text.identities.cbegin(), text.identities.cend());
    QList<bool> skip(batch.links.size(), false);
    qsizetype skipped = 0;
    for (qsizetype i = 0; i < batch.links.size(); ++i) {
        const QString &identity = batch.identities[i];
        const bool typed = inText.contains(identity);
        const bool wasQueued = !typed && isQueued(identity);
        add.queued += wasQueued ? 1 : 0;
        add.batchQueued += wasQueued ? 1 : 0;
        skip[i] = typed || wasQueued;
        skipped += skip[i] ? 1 : 0;
    }
    // A big drop added on its own is handed over as it is, without copying a million links.
    if (add.links.isEmpty() && skipped == 0) {
        add.links = batch.links;
        add.identities = batch.identities;
        return add;
    }
    for (qsizetype i = 0; i < batch.links.size(); ++i) {
        if (!skip[i]) {
            add.links.append(batch.links[i]);
            add.identities.append(batch.identities[i]);
        }
    }
    return add;
}

} // namespace Quiver
