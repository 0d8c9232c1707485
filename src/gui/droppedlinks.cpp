#include "droppedlinks.h"

#include <QFutureWatcher>
#include <QLocale>

#include <utility>

namespace Quiver {

void DroppedLinks::read(const QFuture<ParsedLinks> &future, const QString &source)
{
    const quint64 epoch = m_epoch;
    ++m_pendingReads;
    m_busyWith = source;
    auto *watcher = new QFutureWatcher<ParsedLinks>(this);
    connect(watcher, &QFutureWatcher<ParsedLinks>::finished, this, [this, watcher, source, epoch] {
        watcher->deleteLater();
        --m_pendingReads;
        // Forgotten while it was being read: the user no longer wants it.
        if (epoch == m_epoch)
            emit arrived(watcher->future().takeResult(), source);
        else
            emit discarded();
    });
    watcher->setFuture(future);
}

void DroppedLinks::keep(const QList<Link> &links, const QStringList &identities, const QString &source)
{
    m_waiting.append(Waiting{links, identities, source});
    m_busyWith = source;
    startMerge();
}

void DroppedLinks::addProblems(const QList<InputProblem> &problems)
{
    m_problems.append(problems);
}

void DroppedLinks::addNote(const QString &note)
{
    m_notes.append(note);
}

void DroppedLinks::forget()
{
    m_problems.clear();
    m_notes.clear();
    disposeInBackground(m_batch);
    m_waiting.clear();
    ++m_epoch;
}

// Each merge starts from the result of the last.
void DroppedLinks::startMerge()
{
    if (m_merging || m_waiting.isEmpty())
        return;
    m_merging = true;
    Waiting waiting = m_waiting.takeFirst();
    const quint64 epoch = m_epoch;
    const QString note = tr("%1 links from %2 are ready to add; there are too many to show them in the box.")
                             .arg(QLocale().toString(waiting.links.size()), waiting.source);
    auto *watcher = new QFutureWatcher<IdentifiedLinks>(this);
    connect(watcher, &QFutureWatcher<IdentifiedLinks>::finished, this, [this, watcher, note, epoch] {
        watcher->deleteLater();
        m_merging = false;
        IdentifiedLinks batch = watcher->future().takeResult();
        const bool kept = epoch == m_epoch;
        if (kept) {
            std::swap(m_batch, batch);
            m_notes.append(note);
        }
        disposeInBackground(batch);
        startMerge();
        emit merged(kept);
    });
    // The links live on in the job only, so the pool frees whatever the merge leaves unused.
    watcher->setFuture(runInThreadPool<IdentifiedLinks>([batch = m_batch, links = std::exchange(waiting.links, {}),
                                                         identities = std::exchange(waiting.identities, {})] {
        return mergedLinks(batch, links, identities);
    }));
}

} // namespace Quiver
