#include "mainwindow.h"

#include "addlinkspanel.h"
#include "appsettings.h"
#include "changelinkdialog.h"
#include "detailspane.h"
#include "engine/downloadengine.h"
#include "icons.h"
#include "linkdrop.h"
#include "links/linksparser.h"
#include "progressdelegate.h"
#include "queue/queuemodel.h"
#include "queuefeeder.h"
#include "queuesortproxy.h"
#include "queuetablemodel.h"
#include "statusdelegate.h"
#include "queuesummary.h"
#include "queue/scheduler.h"
#include "settingsdialog.h"
#include "speedgraph.h"
#include "util/units.h"
#include "windowsession.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {

// Whether the view shows the download's row as selected.
bool isSelectedRow(const QTableView *view, const QSortFilterProxyModel *proxy, const QueueTableModel *table,
                   DownloadId id)
{
    const QItemSelectionModel *selection = view->selectionModel();
    if (!selection->hasSelection())
        return false;
    const int row = table->queue()->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = proxy->mapFromSource(table->index(row, 0));
    return index.isValid() && selection->isRowSelected(index.row(), index.parent());
}


} // namespace

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_engine(new DownloadEngine(this))
    , m_actions(new WindowActions(this))
    , m_feeder(new QueueFeeder(
          [this](const QList<Link> &links, const QStringList &identities, const QString &directory, Intent intent) {
              addToQueue(links, identities, directory, intent);
          },
          this))
{
    setWindowTitle(tr("Quiver"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);

    connectActions();
    createCentralArea();
    m_actions->populate(this);
    createStatusBar();
    createTray();
    applySettings();

    QueueModel *model = m_engine->model();
    connect(m_settings, &AppSettings::changed, this, &MainWindow::applySettings);
    connect(model, &QueueModel::itemsAboutToBeRemoved, this, [this](const QList<DownloadId> &ids) {
        for (DownloadId id : ids) {
            if (const DownloadItem *item = m_engine->model()->find(id))
                m_queuedLinks.remove(linkIdentity(item->url));
        }
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
    // Actions follow state changes at once, not at the next coalesced repaint. Only the selected rows
    // decide them, so changes elsewhere (Start All changes 100,000 rows) need no update.
    connect(model, &QueueModel::stateChanged, this, [this](DownloadId id) {
        if (isSelectedRow(m_view, m_proxy, m_table, id))
            updateActions();
    });
    connect(m_engine->scheduler(), &Scheduler::linkChanged, this, [this](DownloadId id, const QUrl &previous) {
        m_queuedLinks.remove(linkIdentity(previous));
        if (const DownloadItem *item = m_engine->model()->find(id))
            m_queuedLinks.insert(linkIdentity(item->url));
    });
    connect(m_engine->scheduler(), &Scheduler::itemFailed, this, &MainWindow::onItemFailed);
    connect(m_engine->scheduler(), &Scheduler::idle, this, &MainWindow::onQueueIdle);
    connect(m_addLinks, &AddLinksPanel::linksSubmitted, this, &MainWindow::queueLinks);

    // Speeds, counts, the graph and retry countdowns move on their own: refresh them once a second.
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    // Counting 100,000 rows after each part of a long list would cost more than adding the part.
    // Queued: in a turn of its own, not in the one that added the last part.
    connect(m_feeder, &QueueFeeder::drained, this, &MainWindow::refreshStatus, Qt::QueuedConnection);
    m_statusTimer.start();

    m_askRemove = [this](int count, bool anyFinished) {
        QMessageBox box(QMessageBox::Question, tr("Remove downloads"),
                        count == 1 ? tr("Remove this download from the list?")
                                   : tr("Remove %1 downloads from the list?").arg(count),
                        QMessageBox::Cancel, this);
        box.setInformativeText(anyFinished ? tr("Finished files can stay on disk or be deleted.")
                                           : tr("Partly downloaded data can stay on disk or be deleted."));
        QPushButton *keep = box.addButton(tr("Remove from List"), QMessageBox::AcceptRole);
        QPushButton *erase = box.addButton(tr("Remove and Delete Files"), QMessageBox::DestructiveRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == keep)
            return RemoveChoice::KeepFiles;
        if (box.clickedButton() == erase)
            return RemoveChoice::DeleteFiles;
        return RemoveChoice::Cancel;
    };

    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1180, 720);
    restoreState(m_settings->windowState());
    if (!m_view->horizontalHeader()->restoreState(m_settings->headerState())) {
        // At least as wide as the column's title, which is longer in some languages ("Geschwindigkeit").
        const auto setWidth = [this](int column, int width) {
            m_view->setColumnWidth(column, qMax(width, m_view->horizontalHeader()->sectionSizeHint(column)));
        };
        setWidth(QueueModel::NameColumn, 260);
        setWidth(QueueModel::ProgressColumn, 130);
        setWidth(QueueModel::SizeColumn, 130);
        setWidth(QueueModel::SpeedColumn, 90);
        setWidth(QueueModel::EtaColumn, 80);
        setWidth(QueueModel::StatusColumn, 260);
    }
    updateActions();
    refreshStatus();
}

MainWindow::~MainWindow()
{
    // Links still on their way join the queue and are saved now: the session stops listening once the
    // engine, an older child, is gone, so nothing would save them later.
    if (m_feeder->pendingCount() == 0)
        return;
    m_feeder->finish();
    if (m_session)
        m_session->saveNow();
}

void MainWindow::connectActions()
{
    Scheduler *scheduler = m_engine->scheduler();
    const auto on = [this](Action which, const std::function<void()> &handler) {
        connect(m_actions->get(which), &QAction::triggered, this, handler);
    };
    const auto onSelection = [this, scheduler](void (Scheduler::*call)(const QList<DownloadId> &)) {
        return [this, scheduler, call] { (scheduler->*call)(selectedIds()); };
    };
    on(Action::AddLinks, [this] { pasteFromClipboard(); });
    on(Action::Start, [this, scheduler] {
        // Start means "download these now", whatever stopped them.
        const QList<DownloadId> ids = selectedIds();
        scheduler->retry(ids);
        scheduler->resume(ids);
    });
    on(Action::Pause, onSelection(&Scheduler::pause));
    on(Action::Resume, onSelection(&Scheduler::resume));
    on(Action::Cancel, onSelection(&Scheduler::cancel));
    on(Action::Retry, onSelection(&Scheduler::retry));
    on(Action::Remove, [this] { removeSelected(); });
    on(Action::ChangeLink, [this] { changeSelectedLink(); });
    on(Action::CopyLink, [this] { copySelectedLinks(); });
    on(Action::OpenFile, [this] { openSelectedFiles(); });
    on(Action::OpenFolder, [this] { openSelectedFolders(); });
    on(Action::StartAll, [this, scheduler] {
        m_feeder->setPendingIntent(Intent::Run);
        scheduler->startAll();
    });
    on(Action::PauseAll, [this, scheduler] {
        m_feeder->setPendingIntent(Intent::Pause);
        scheduler->pauseAll();
    });
    on(Action::RetryFailed, [this, scheduler] { scheduler->retry(idsInState(DownloadState::Failed)); });
    on(Action::ClearFinished, [this] { m_engine->remove(idsInState(DownloadState::Finished), false); });
    on(Action::Settings, [this] { showSettings(); });
}

void MainWindow::createCentralArea()
{
    m_addLinks = new AddLinksPanel(this);
    m_addLinks->setQueuedCheck([this](const QString &identity) { return m_queuedLinks.contains(identity); });

    m_table = new QueueTableModel(m_engine->model(), m_engine->scheduler(), this);
    m_proxy = new QueueSortProxy(this);
    m_proxy->setSourceModel(m_table);
    m_proxy->setSortRole(QueueModel::SortRole);
    // Re-sorting on every progress tick would move rows under the pointer and cost O(n log n) a tick.
    m_proxy->setDynamicSortFilter(false);

    m_view = new QTableView(this);
    m_view->setObjectName(u"queueView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(QueueModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setItemDelegateForColumn(QueueModel::StatusColumn, new StatusDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    for (QAction *action : m_actions->all())
        m_view->addAction(action);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showQueueContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_view, &QAbstractItemView::doubleClicked, this, &MainWindow::openSelectedFiles);

    m_details = new DetailsPane(this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_addLinks);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({220, 380, 110});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
}

void MainWindow::createStatusBar()
{
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(u"countsLabel"_s);
    m_speedLabel = new QLabel(this);
    m_speedLabel->setObjectName(u"speedLabel"_s);
    m_speedGraph = new SpeedGraph(this);
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_speedLabel);
    statusBar()->addPermanentWidget(m_speedGraph);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Quiver"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(m_actions->get(Action::StartAll));
    menu->addAction(m_actions->get(Action::PauseAll));
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            setVisible(!isVisible());
    });
    m_tray->show();
}

void MainWindow::applySettings()
{
    m_engine->applySettings(m_settings->engineSettings());
}

void MainWindow::queueLinks(const QList<Link> &links, const QStringList &identities)
{
    // New links wait for Start, as a person expects after pasting a list.
    m_feeder->feed(links, identities, m_settings->downloadDirectory(), Intent::Pause);
}

qsizetype MainWindow::linksBeingQueued() const
{
    return m_feeder->pendingCount();
}

void MainWindow::addToQueue(const QList<Link> &links, const QStringList &identities, const QString &directory,
                            Intent intent)
{
    // One hash lookup per link, and no copy of the list unless some links are already queued: a paste of
    // 100,000 links must not spend its time here, so identities worked out on the thread pool are taken.
    const bool identified = identities.size() == links.size();
    QList<Link> fresh;
    qsizetype firstQueued = -1;
    m_queuedLinks.reserve(m_queuedLinks.size() + links.size());
    for (qsizetype i = 0; i < links.size(); ++i) {
        const Link &link = links.at(i);
        const qsizetype before = m_queuedLinks.size();
        m_queuedLinks.insert(identified ? identities.at(i) : linkIdentity(link.url));
        const bool isNew = m_queuedLinks.size() != before;
        if (firstQueued < 0 && !isNew) {
            firstQueued = i;
            fresh.reserve(links.size());
            fresh.append(links.mid(0, i));
        } else if (firstQueued >= 0 && isNew) {
            fresh.append(link);
        }
    }
    m_engine->add(firstQueued < 0 ? links : fresh, directory, intent);
}

QList<DownloadId> MainWindow::selectedIds() const
{
    QList<DownloadId> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids.append(index.data(QueueModel::IdRole).value<DownloadId>());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<DownloadId> MainWindow::idsInState(DownloadState state) const
{
    QList<DownloadId> ids;
    const QueueModel *model = m_engine->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->at(row).state == state)
            ids.append(model->at(row).id);
    }
    return ids;
}

void MainWindow::updateActions()
{
    QList<const DownloadItem *> selected;
    for (DownloadId id : selectedIds()) {
        if (const DownloadItem *item = m_engine->model()->find(id))
            selected.append(item);
    }
    m_actions->updateFor(selected);
}

QString MainWindow::detailsText() const
{
    return m_details->toPlainText();
}

void MainWindow::updateDetails()
{
    m_details->showDownloads(m_table, selectedIds());
}

void MainWindow::refreshStatus()
{
    QueueModel *model = m_engine->model();
    const QueueSummary summary = QueueSummary::of(*model);
    m_countsLabel->setText(summary.text());
    m_speedLabel->setText(summary.active > 0 ? Units::speed(summary.speed) : QString());
    m_speedGraph->addSample(summary.speed);
    if (m_tray)
        m_tray->setToolTip(tr("Quiver — %1").arg(summary.progressText()));
    setWindowTitle(summary.active > 0 ? tr("Quiver — %1").arg(summary.progressText()) : tr("Quiver"));
    // "Retrying in 8 s" counts down without any other change to the row. Mostly nothing is retrying, and
    // then 100,000 rows are not walked a second time.
    for (int row = 0; summary.retrying > 0 && row < model->rowCount(); ++row) {
        if (model->at(row).state == DownloadState::Retrying)
            model->update(model->at(row).id, [](DownloadItem &) {});
    }
}

void MainWindow::pasteFromClipboard()
{
    m_addLinks->paste(QApplication::clipboard()->text());
    m_addLinks->setFocus();
}

void MainWindow::removeSelected()
{
    const QList<DownloadId> ids = selectedIds();
    if (ids.isEmpty())
        return;
    bool anyFinished = false;
    for (DownloadId id : ids)
        anyFinished |= m_engine->model()->find(id)->state == DownloadState::Finished;
    const RemoveChoice choice = m_askRemove(int(ids.size()), anyFinished);
    if (choice == RemoveChoice::Cancel)
        return;
    m_engine->remove(ids, choice == RemoveChoice::DeleteFiles);
}

void MainWindow::setRemoveQuestion(std::function<RemoveChoice(int, bool)> ask)
{
    m_askRemove = std::move(ask);
}

void MainWindow::openSelectedFiles()
{
    for (DownloadId id : selectedIds()) {
        const DownloadItem *item = m_engine->model()->find(id);
        // Only a finished, verified file is ever opened, and only on request.
        if (item && item->state == DownloadState::Finished)
            QDesktopServices::openUrl(QUrl::fromLocalFile(item->targetPath()));
    }
}

void MainWindow::openSelectedFolders()
{
    QSet<QString> folders;
    for (DownloadId id : selectedIds()) {
        if (const DownloadItem *item = m_engine->model()->find(id))
            folders.insert(item->directory);
    }
    for (const QString &folder : std::as_const(folders))
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

void MainWindow::copySelectedLinks()
{
    QStringList links;
    for (DownloadId id : selectedIds()) {
        if (const DownloadItem *item = m_engine->model()->find(id))
            links.append(item->url.toString(QUrl::RemoveUserInfo));
    }
    QApplication::clipboard()->setText(links.join(u'\n'));
}

ChangeLinkDialog *MainWindow::changeLinkDialog() const
{
    return m_changeLinkDialog;
}

void MainWindow::changeSelectedLink()
{
    const QList<DownloadId> ids = selectedIds();
    const DownloadItem *item = ids.size() == 1 ? m_engine->model()->find(ids.constFirst()) : nullptr;
    if (!item || m_changeLinkDialog)
        return;
    auto *dialog = new ChangeLinkDialog(*item, this);
    dialog->setObjectName(u"changeLinkDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExtraCheck([this](const QUrl &url) {
        return m_queuedLinks.contains(linkIdentity(url))
            ? tr("This link is already in the queue as another download. Remove that one first, or give this "
                 "download another link.")
            : QString();
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_engine->scheduler()->changeLink(dialog->downloadId(), dialog->link()))
            statusBar()->showMessage(tr("The link was not changed: the download finished in the meantime."), 15000);
    });
    m_changeLinkDialog = dialog;
    // Window-modal without a nested event loop: downloads and repaints go on while it is open.
    dialog->open();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::showQueueContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    m_actions->contextMenu()->popup(m_view->viewport()->mapToGlobal(position));
}

void MainWindow::onItemFailed(DownloadId id)
{
    const DownloadItem *item = m_engine->model()->find(id);
    if (!m_tray || !item)
        return;
    m_tray->showMessage(tr("Download failed"),
                        tr("%1: %2").arg(item->fileName.isEmpty() ? item->url.fileName() : item->fileName,
                                         item->lastError),
                        QSystemTrayIcon::Warning);
}

void MainWindow::onQueueIdle()
{
    refreshStatus();
    const QueueSummary summary = QueueSummary::of(*m_engine->model());
    if (m_tray && summary.finished + summary.failed > 0) {
        QString text;
        if (summary.failed > 0)
            text = tr("%1 finished, %2 failed.").arg(summary.finished).arg(summary.failed);
        else if (summary.finished == 1)
            text = tr("The download finished.");
        else
            text = tr("All %1 downloads finished.").arg(summary.finished);
        m_tray->showMessage(tr("Downloads finished"), text);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (canAcceptLinks(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (canAcceptLinks(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!canAcceptLinks(event->mimeData()))
        return;
    event->acceptProposedAction();
    // The panel reads files off the GUI thread and shows what was found and what was rejected.
    m_addLinks->readMimeData(event->mimeData());
}

QString MainWindow::defaultSessionPath()
{
    return WindowSession::defaultPath();
}

void MainWindow::useSession(const QString &path)
{
    m_session = new WindowSession(m_engine, this, path);
    for (DownloadId id : m_session->restore())
        m_queuedLinks.insert(linkIdentity(m_engine->model()->find(id)->url));
    refreshStatus();
}

void MainWindow::openArguments(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return;
    QMimeData mime;
    QList<QUrl> files;
    QStringList text;
    for (const QString &argument : arguments) {
        if (QFileInfo(argument).isFile())
            files.append(QUrl::fromLocalFile(QFileInfo(argument).absoluteFilePath()));
        else
            text.append(argument);
    }
    if (!files.isEmpty())
        mime.setUrls(files);
    else
        mime.setText(text.join(u'\n'));
    m_addLinks->readMimeData(&mime);
    if (!files.isEmpty() && !text.isEmpty())
        m_addLinks->setText(text.join(u'\n'));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setHeaderState(m_view->horizontalHeader()->saveState());
    m_feeder->finish();
    if (m_session)
        m_session->saveNow();
    QMainWindow::closeEvent(event);
}

} // namespace Quiver
