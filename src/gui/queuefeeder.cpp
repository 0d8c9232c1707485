#include "queuefeeder.h"

namespace Quiver {

QueueFeeder::QueueFeeder(AddPart addPart, QObject *parent)
    : QObject(parent)
    , m_addPart(std::move(addPart))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, [this] { feedPart(partSize); });
}

void QueueFeeder::feed(const QList<Link> &links, const QStringList &identities, const QString &directory,
                       Intent intent, const QString &engine)
{
    if (links.isEmpty())
        return;
    const bool idle = m_batches.empty();
    const bool identified = identities.size() == links.size();
    m_batches.push_back(Batch{links, identified ? identities : QStringList(), directory, intent, 0, engine});
    // Behind links still waiting, the new ones wait their turn; otherwise the first part goes in now.
    if (idle)
        feedPart(partSize);
}

void QueueFeeder::setPendingIntent(Intent intent)
{
    for (Batch &batch : m_batches)
        batch.intent = intent;
}

void QueueFeeder::finish()
{
    m_timer.stop();
    feedPart(pendingCount());
}

qsizetype QueueFeeder::pendingCount() const
{
    qsizetype count = 0;
    for (const Batch &batch : m_batches)
        count += batch.links.size() - batch.next;
    return count;
}

void QueueFeeder::feedPart(qsizetype budget)
{
    while (budget > 0 && !m_batches.empty()) {
        Batch &batch = m_batches.front();
        const qsizetype count = qMin(budget, batch.links.size() - batch.next);
        // A whole batch goes as it is; a part is copied out (its links share their data with the batch).
        if (batch.next == 0 && count == batch.links.size()) {
            m_addPart(batch.links, batch.identities, batch.directory, batch.intent, batch.engine);
        } else {
            m_addPart(batch.links.mid(batch.next, count),
                      batch.identities.isEmpty() ? QStringList() : batch.identities.mid(batch.next, count),
                      batch.directory, batch.intent, batch.engine);
        }
        batch.next += count;
        budget -= count;
        if (batch.next == batch.links.size())
            m_batches.pop_front();
    }
    if (!m_batches.empty())
        m_timer.start();
    else
        emit drained();
}

} // namespace Quiver
