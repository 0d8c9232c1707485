#pragma once

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QPromise>
#include <QString>
#include <QThreadPool>
#include <QUrl>

#include <memory>

namespace Quiver {

// The queue file's write-ahead log of names. The queue file is rewritten every few seconds; a name chosen
// and a .part created in between would be lost with a crash, and the next run, finding the .part but no
// queue entry owning it, would number a new name around it ("big (1).bin", an orphaned big.bin.part).
// So a name is appended here (one line, fdatasync'd) before its .part is created, and the next run adopts
// the .part its item recorded. Lines that a saved queue file covers are dropped again, so the journal
// stays a few lines long.
class NameJournal final
{
    Q_DISABLE_COPY_MOVE(NameJournal)

public:
    struct Entry {
        QUrl url;            // without credentials
        QString directory;
        QString fileName;
    };

    explicit NameJournal(const QString &path);
    // Waits for the writes in flight.
    ~NameJournal();

    QString path() const { return m_path; }

    // Appends entry; the future finishes once it is on the disk (or writing it failed: the download then
    // goes on as it would without a journal). Returns at once.
    QFuture<void> record(Entry entry);

    // The number of the last record() so far; a save that starts now covers every entry up to it.
    quint64 lastTicket() const;
    // The queue file now holds what every entry up to ticket said: those entries go.
    void forgetUpTo(quint64 ticket);

    // The entries of an earlier run, in order; a damaged or cut-off line ends the list (it was being
    // written when the run ended, so its .part was never created).
    static QList<Entry> read(const QString &path);

private:
    struct Line {
        quint64 ticket = 0;
        QByteArray text;
    };
    void run();   // on m_pool's thread

    const QString m_path;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QList<std::pair<Line, std::shared_ptr<QPromise<void>>>> m_pending;
    QList<Line> m_kept;           // what the file holds, in order (m_pool's thread alone)
    quint64 m_lastTicket = 0;
    quint64 m_forgetUpTo = 0;
    bool m_running = false;
};

} // namespace Quiver
