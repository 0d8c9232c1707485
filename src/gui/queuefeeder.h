#pragma once

#include "queue/downloaditem.h"
#include "links/linksparser.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>

namespace Quiver {

// Puts links into the queue a part per event-loop turn. Adding 100,000 rows at once held the window for
// a fifth of a second (building the items, the model, the views, the session); 5,000 at a time keep
// every turn short while the rows pour in. Links keep their order across parts and across additions, the
// first part is added at once (a short list never waits for a turn), and links not added yet still take
// a Start All or a Pause All given meanwhile.
class QueueFeeder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFeeder)

public:
    // Adds one part: links with their linkIdentity()s (parallel, or empty when not worked out), into
    // directory on engine (empty: this computer), with the given intent.
    using AddPart = std::function<void(const QList<Link> &links, const QStringList &identities,
                                       const QString &directory, Intent intent, const QString &engine)>;

    explicit QueueFeeder(AddPart addPart, QObject *parent = nullptr);

    void feed(const QList<Link> &links, const QStringList &identities, const QString &directory, Intent intent,
              const QString &engine = {});
    // Everything not added yet gets this intent when it is added.
    void setPendingIntent(Intent intent);
    // Adds all that is left now, e.g. before the queue is saved for good.
    void finish();
    qsizetype pendingCount() const;

    static constexpr qsizetype partSize = 5'000;

signals:
    void drained();   // everything fed so far is in the queue
private:
    struct Batch {
        QList<Link> links;
        QStringList identities;   // parallel to links, or empty
        QString directory;
        Intent intent = Intent::Pause;
        qsizetype next = 0;       // links before it are added
        QString engine;
    };

    void feedPart(qsizetype budget);

    AddPart m_addPart;
    std::deque<Batch> m_batches;
    QTimer m_timer;
};

} // namespace Quiver
