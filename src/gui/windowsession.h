#pragma once

#include "disk/leftoverparts.h"
#include "queue/downloaditem.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QMainWindow;

namespace Quiver {

class DownloadEngine;
class SessionLock;
class SessionStore;

// Keeps the window's queue in a session file across runs: restores it at start (and tells the user what
// could not be read), shows failed saves in the status bar, and saves when the window closes. The file
// is locked first: when another program holds it, the window says so and neither reads nor writes it.
class WindowSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowSession)

public:
    // Locks the file and starts watching the engine's queue at once, so what restore() puts back is what
    // gets saved.
    WindowSession(DownloadEngine *engine, QMainWindow *window, const QString &path);
    ~WindowSession() override;

    static QString defaultPath();

    // Puts the saved queue back into the engine and returns the restored ids. With the file held by
    // another program, shows why nothing is restored or saved instead.
    QList<DownloadId> restore();
    void saveNow();
    // Looks in folder and the queue's folders for .part files of Quiver's that no item owns, and offers to
    // continue or delete them (never deletes one unasked).
    void lookForLeftovers(const QString &folder);
    // Tests answer the offer in place of the person.
    enum class LeftoverChoice { Leave, Continue, Delete };
    void setLeftoverAnswer(std::function<LeftoverChoice(const QList<LeftoverPart> &)> answer);

    // Whether this window keeps the file (it holds the lock).
    bool isKeeping() const { return m_store != nullptr; }

private:
    void showProblems(const QStringList &problems, const QString &quarantinedPath, bool nothingRead);
    void showNotKept();
    void offerLeftovers(const QList<LeftoverPart> &parts);
    void act(LeftoverChoice choice, const QList<LeftoverPart> &parts);

    DownloadEngine *m_engine = nullptr;
    QMainWindow *m_window = nullptr;
    std::unique_ptr<SessionLock> m_lock;
    SessionStore *m_store = nullptr;   // none when the lock is someone else's
    std::function<LeftoverChoice(const QList<LeftoverPart> &)> m_leftoverAnswer;
};

} // namespace Quiver
