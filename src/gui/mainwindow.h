#pragma once

#include "queue/downloaditem.h"
#include "windowactions.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

class QLabel;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTableView;

namespace Quiver {

class AddLinksPanel;
class AppSettings;
class ChangeLinkDialog;
class DetailsPane;
class DownloadEngine;
class QueueFeeder;
class QueueTableModel;
class SpeedGraph;
class WindowSession;
struct Link;

// The window: the add-links box, the queue table with its actions, a details pane for the selected
// download, and a status bar. It only turns user actions into engine calls; everything else happens
// in the core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using Action = WindowActions::Id;
    enum class RemoveChoice { Cancel, KeepFiles, DeleteFiles };

    explicit MainWindow(AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    DownloadEngine *engine() const { return m_engine; }
    AddLinksPanel *addLinksPanel() const { return m_addLinks; }
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

    // Files of links and links given on the command line land in the add-links box, shown before
    // anything is queued.
    void openArguments(const QStringList &arguments);

    // Queues links in the download folder from the settings; they wait for Start. identities are their
    // linkIdentity()s, parallel to links, or empty to have them worked out here. A long list reaches the
    // queue over several event-loop turns (see QueueFeeder).
    void queueLinks(const QList<Link> &links, const QStringList &identities = {});
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
    void createStatusBar();
    void createTray();
    void applySettings();
    void updateActions();
    void updateDetails();
    void refreshStatus();
    void pasteFromClipboard();
    void removeSelected();
    void openSelectedFiles();
    void openSelectedFolders();
    void copySelectedLinks();
    void changeSelectedLink();
    void showSettings();
    void showQueueContextMenu(const QPoint &position);
    void onItemFailed(DownloadId id);
    void onQueueIdle();
    QList<DownloadId> idsInState(DownloadState state) const;
    void addToQueue(const QList<Link> &links, const QStringList &identities, const QString &directory,
                    Intent intent);

    AppSettings *m_settings = nullptr;
    DownloadEngine *m_engine = nullptr;
    AddLinksPanel *m_addLinks = nullptr;
    QueueTableModel *m_table = nullptr;
    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    DetailsPane *m_details = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    SpeedGraph *m_speedGraph = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    WindowActions *m_actions = nullptr;
    WindowSession *m_session = nullptr;
    QPointer<ChangeLinkDialog> m_changeLinkDialog;
    QSet<QString> m_queuedLinks;            // link identities, so a link is never queued twice
    QueueFeeder *m_feeder = nullptr;
    QTimer m_statusTimer;
    std::function<RemoveChoice(int, bool)> m_askRemove;
};

} // namespace Quiver
