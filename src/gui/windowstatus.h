#pragma once

#include "queue/downloaditem.h"

#include <QObject>
#include <QTimer>

class QLabel;
class QMainWindow;
class QSystemTrayIcon;

namespace Quiver {

class DownloadEngine;
class SpeedGraph;
class WindowActions;

// How the queue is doing, wherever the user looks: counts, speed and a speed graph in the window's
// status bar, progress in the window's title and in the tray icon's tooltip. Speeds, counts, the graph
// and retry countdowns move on their own, so all of it is refreshed once a second, and on refresh().
// The tray also says when a download fails and when the queue has finished.
class WindowStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowStatus)

public:
    // Fills the window's status bar, and shows a tray icon where there is a tray, its menu offering
    // Start All and Pause All from actions.
    WindowStatus(QMainWindow *window, DownloadEngine *engine, const WindowActions *actions);

    void refresh();

private:
    void createStatusBar();
    void createTray(const WindowActions *actions);
    void onItemFailed(DownloadId id);
    void onQueueIdle();

    QMainWindow *m_window = nullptr;
    DownloadEngine *m_engine = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    SpeedGraph *m_speedGraph = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_timer;
};

} // namespace Quiver
