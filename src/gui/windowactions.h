#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace Quiver {

// The window's commands: each action's text, icon and shortcut, where it appears (menus, toolbar,
// context menu, tray menu), and which of them the selected rows allow. What an action does is the
// window's business: it connects to triggered().
class WindowActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowActions)

public:
    enum class Id {
        AddLinks,
        Start,
        Pause,
        Resume,
        Cancel,
        Retry,
        Remove,
        ChangeLink,
        LimitRate,
        Connections,
        CopyLink,
        OpenFile,
        OpenFolder,
        StartAll,
        PauseAll,
        RetryFailed,
        ClearFinished,
        Settings,
        ImportLinks,
        ExportLinks,
        OpenChecksums,
    };

    // The actions belong to window, as shortcuts and menus expect.
    explicit WindowActions(QMainWindow *window);

    QAction *get(Id id) const { return m_actions.value(id); }
    QList<QAction *> all() const { return m_actions.values(); }

    // Fills the window's menu bar and toolbar and makes the queue's context menu. Quit closes window.
    void populate(QMainWindow *window);
    QMenu *contextMenu() const { return m_contextMenu; }

    // Enables the row actions for the selected downloads. linksWaiting: the links box holds new links,
    // which Start downloads when no row is selected.
    void updateFor(const QList<const DownloadItem *> &selected, bool linksWaiting);

private:
    QAction *add(Id id, const QString &text, const QString &icon, const QKeySequence &shortcut);
    // With every binding the platform has for the key (Paste is Ctrl+V and Shift+Insert).
    QAction *add(Id id, const QString &text, const QString &icon, QKeySequence::StandardKey key);

    QMainWindow *m_window = nullptr;
    QHash<Id, QAction *> m_actions;
    QMenu *m_contextMenu = nullptr;
};

} // namespace Quiver
