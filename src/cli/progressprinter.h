#pragma once

#include "queue/downloaditem.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

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

private:
    void onFinished(DownloadId id);
    void onFailed(DownloadId id);
    void onNoted(DownloadId id);
    void printLine(const QString &line);
    void redrawStatus();
    QString statusLine() const;
    int countInState(DownloadState state) const;

    DownloadEngine *m_engine = nullptr;
    QTimer m_redraw;
    QElapsedTimer m_clock;
    qint64 m_finishedBytes = 0;
    bool m_live = false;
    bool m_statusShown = false;
};

} // namespace Quiver
