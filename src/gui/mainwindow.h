#pragma once

#include "queue/downloaditem.h"
#include "selectioncommands.h"
#include "windowactions.h"

#include <QMainWindow>

#include <functional>

class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace Quiver {

class AddLinksPanel;
class QueueFiles;
class AppSettings;
class ChangeLinkDialog;
class DetailsPane;
class DownloadEngine;
class EngineSync;
class QueueFeeder;
class QueuedLinks;
class QueueTableModel;
class WindowSession;
class WindowStatus;
struct Link;

// The window: the add-links box, the queue table with its actions, a details pane for the selected
// download, and a status bar. It only turns user actions into engine calls; everything else happens
// in the core. The status bar and the tray are WindowStatus's, what the row actions do to the selection
// is SelectionCommands', and which links are queued already is QueuedLinks'.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using Action = WindowActions::Id;
    using RemoveChoice = SelectionCommands::RemoveChoice;

    explicit MainWindow(AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    DownloadEngine *engine() const { return m_engine; }
    AddLinksPanel *addLinksPanel() const { return m_addLinks; }
    // Export, import and checksum lists: tests call these in place of the menu's file dialogs.
    QueueFiles *queueFiles() const { return m_queueFiles; }
    QTableView *queueView() const { return m_view; }
    QAction *action(Action which) const { return m_actions->get(which); }
    QString detailsText() const;

    // Remove asks whether to delete the files too; tests answer in place of the dialog.
    void setRemoveQuestion(std::function<RemoveChoice(int count, bool anyFinished)> ask);
    // The Change Link dialog while it is open (it is window-modal, not a nested event loop).
    ChangeLinkDialog *changeLinkDialog() const;

    // Keeps the queue in path across runs: restores what is there now (saying what could not be read)
    // and saves changes from then on.
    void useSession(const QString &path);
    static QString defaultSessionPath();

    // Links and files of links given on the command line, or handed over by a second launch, go through
    // the add-links box, which shows what was found and rejected. When the box was empty they are
    // downloaded at once, as Download would; otherwise they join what the person is still editing there,
    // and wait for Download like a paste.
    void openArguments(const QStringList &arguments);
    // Brings the window to the front, e.g. when a second launch handed its links over.
    void bringToFront();

    // Queues links in the download folder from the settings; with Intent::Pause they wait for Start.
    // identities are their linkIdentity()s, parallel to links, or empty to have them worked out here. A
    // long list reaches the queue over several event-loop turns (see QueueFeeder).
    void queueLinks(const QList<Link> &links, const QStringList &identities = {}, Intent intent = Intent::Pause);
    // Links given to queueLinks() that are not rows yet.
    qsizetype linksBeingQueued() const;
    QList<DownloadId> selectedIds() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void createCentralArea();
    void applySettings();
    void updateActions();
    void updateDetails();
    void pasteFromClipboard();
    void showSettings();
    void showQueueContextMenu(const QPoint &position);
    QList<DownloadId> idsInState(DownloadState state) const;

    AppSettings *m_settings = nullptr;
    DownloadEngine *m_engine = nullptr;
    AddLinksPanel *m_addLinks = nullptr;
    QueueTableModel *m_table = nullptr;
    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    DetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;   // the links box, the table and the details pane, one above the other
    WindowActions *m_actions = nullptr;
    WindowStatus *m_status = nullptr;
    WindowSession *m_session = nullptr;
    QueuedLinks *m_queuedLinks = nullptr;
    QueueFeeder *m_feeder = nullptr;
    SelectionCommands *m_commands = nullptr;
    EngineSync *m_engineSync = nullptr;
    QueueFiles *m_queueFiles = nullptr;
};

} // namespace Quiver
