#pragma once

#include "queue/downloaditem.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <array>

namespace Quiver {

class DownloadEngine;

// Progress on stderr: a live status line when stderr is a terminal, one line per finished or failed
// item otherwise (so logs stay readable), and a summary at the end.
class ProgressPrinter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPrinter)

public:
    explicit ProgressPrinter(DownloadEngine *engine, QObject *parent = nullptr);

    void printSummary();
    // Over the whole queue, so items finished or failed in an earlier run of a session count too.
    int finishedCount() const { return countInState(DownloadState::Finished); }
    int failedCount() const { return countInState(DownloadState::Failed); }
    int countInState(DownloadState state) const { return m_inState.at(size_t(state)); }

private:
    void onFinished(DownloadId id);
    void onFailed(DownloadId id);
    void onNoted(DownloadId id);
    void printLine(const QString &line);
    void redrawStatus();
    QString statusLine() const;
    void count(const DownloadItem &item, int delta);

    // Kept up to date from the model's signals, so a status line (drawn after every finished item on a
    // terminal) costs the same in a queue of 100,000 as in one of 10: counting the rows each time made
    // a long run quadratic.
    std::array<int, 16> m_inState{};
    QSet<DownloadId> m_active;   // the rows whose speed the status line adds up

    DownloadEngine *m_engine = nullptr;
    QTimer m_redraw;
    QElapsedTimer m_clock;
    qint64 m_finishedBytes = 0;
    bool m_live = false;
    bool m_statusShown = false;
};

} // namespace Quiver
