#pragma once

#include "queue/downloaditem.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QMainWindow;
class QMessageBox;

namespace Quiver {

class ChangeLinkDialog;
class DownloadEngine;
class QueuedLinks;

// What the queue's row actions do to the selected downloads besides telling the scheduler: remove them
// (asking first whether their files go too, and saying which files could not be deleted), open their
// files or their folders, copy their links, give one of them a new link.
class SelectionCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionCommands)

public:
    enum class RemoveChoice { Cancel, KeepFiles, DeleteFiles };
    using Selection = std::function<QList<DownloadId>()>;

    // selected tells which downloads are selected; dialogs and messages go to window.
    SelectionCommands(QMainWindow *window, DownloadEngine *engine, const QueuedLinks *queuedLinks,
                      Selection selected);

    void remove();
    void openFiles();
    void openFolders();
    void copyLinks();
    void changeLink();
    // Asks for a rate limit of their own for the selected downloads (0: none), applied at once.
    void limitRate();
    // Asks how many connections the selected downloads may use (or the number in Settings), applied at
    // once to those that run in segments.
    void setConnections();

    // Remove asks whether to delete the files too; tests answer in place of the dialog.
    void setRemoveQuestion(std::function<RemoveChoice(int count, bool anyFinished)> ask);
    // The Change Link dialog while it is open (it is window-modal, not a nested event loop).
    ChangeLinkDialog *changeLinkDialog() const;

private:
    void showNotDeleted(const QStringList &problems);

    QMainWindow *m_window = nullptr;
    DownloadEngine *m_engine = nullptr;
    const QueuedLinks *m_queuedLinks = nullptr;
    Selection m_selected;
    std::function<RemoveChoice(int, bool)> m_askRemove;
    QPointer<ChangeLinkDialog> m_changeLinkDialog;
    QPointer<QMessageBox> m_notDeletedBox;
};

} // namespace Quiver
