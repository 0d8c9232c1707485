#pragma once

#include "queue/downloaditem.h"

#include <QObject>
#include <QString>

class QMainWindow;

namespace Quiver {

class DownloadEngine;
class SessionStore;

// Keeps the window's queue in a session file across runs: restores it at start (and tells the user what
// could not be read), shows failed saves in the status bar, and saves when the window closes.
class WindowSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowSession)

public:
    // Starts watching the engine's queue at once, so what restore() puts back is what gets saved.
    WindowSession(DownloadEngine *engine, QMainWindow *window, const QString &path);

    static QString defaultPath();

    // Puts the saved queue back into the engine and returns the restored ids.
    QList<DownloadId> restore();
    void saveNow();

private:
    void showProblems(const QStringList &problems, const QString &quarantinedPath, bool nothingRead);

    DownloadEngine *m_engine = nullptr;
    QMainWindow *m_window = nullptr;
    SessionStore *m_store = nullptr;
};

} // namespace Quiver
