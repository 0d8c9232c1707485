#pragma once

#include "queue/downloaditem.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Quiver {

class QueueModel;
class Scheduler;
struct Link;

// The links in the queue, by linkIdentity(), so a link is never queued twice: noted as they are claimed
// for the queue or restored into it, and kept up to date as downloads are removed or given a new link.
// One index for the window and quiver-cli alike; DownloadEngine owns it.
class QueuedLinks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuedLinks)

public:
    QueuedLinks(const QueueModel *model, const Scheduler *scheduler, QObject *parent = nullptr);

    bool contains(const QString &identity) const { return m_identities.contains(digestOf(identity)); }

    // Notes links about to be queued and returns those that were not queued yet, in order. identities
    // are their linkIdentity()s, parallel to links, or empty to have them worked out here.
    QList<Link> claimNew(const QList<Link> &links, const QStringList &identities);
    // Notes downloads put back into the queue from a saved session.
    void addRestored(const QList<DownloadId> &ids);

private:
    // An identity is a whole link, 100 bytes and more with its allocation; 128 bits of its SHA-256 tell
    // links apart as well (a collision is as likely as guessing a 128-bit key) in a sixth of the memory.
    struct Digest {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Digest &a, const Digest &b) { return a.high == b.high && a.low == b.low; }
        friend size_t qHash(const Digest &digest, size_t seed = 0) { return qHashMulti(seed, digest.high, digest.low); }
    };
    static Digest digestOf(const QString &identity);

    const QueueModel *m_model = nullptr;
    QSet<Digest> m_identities;
};

} // namespace Quiver
