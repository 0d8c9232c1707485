#include "enginechooser.h"
#include "enginesync.h"
#include "mainwindow.h"

#include "addlinkspanel.h"
#include "queuefiles.h"
#include "appsettings.h"
#include "detailspane.h"
#include "engine/downloadengine.h"
#include "icons.h"
#include "linkdrop.h"
#include "links/linksparser.h"
#include "progressdelegate.h"
#include "queue/queuemodel.h"
#include "queue/queuedlinks.h"
#include "queuefeeder.h"
#include "queuesortproxy.h"
#include "queuetablemodel.h"
#include "ratelimittoggle.h"
#include "statusdelegate.h"
#include "queue/scheduler.h"
#include "settingsdialog.h"
#include "windowsession.h"
#include "windowstatus.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QStatusBar>
#include <QMenu>
#include <QMimeData>
#include <QAbstractButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
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
    , m_queuedLinks(m_engine->queuedLinks())
    , m_feeder(new QueueFeeder(
          [this](const QList<Link> &links, const QStringList &identities, const QString &directory, Intent intent,
                 const QString &engine) {
              m_engine->addTo(engine, m_queuedLinks->claimNew(links, identities), directory, intent);
          },
          this))
    , m_commands(new SelectionCommands(this, m_engine, m_queuedLinks, [this] { return selectedIds(); }))
    , m_engineSync(new EngineSync(m_engine, this))
{
    setWindowTitle(tr("Quiver"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);

    connectActions();
    createCentralArea();
    m_actions->populate(this);
    m_status = new WindowStatus(this, m_engine, m_actions);
    statusBar()->addPermanentWidget(new RateLimitToggle(m_settings, this));
    applySettings();

    QueueModel *model = m_engine->model();
    connect(m_settings, &AppSettings::changed, this, &MainWindow::applySettings);
    connect(model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
    // Actions follow state changes at once, not at the next coalesced repaint. Only the selected rows
    // decide them, so changes elsewhere (Start All changes 100,000 rows) need no update.
    connect(model, &QueueModel::stateChanged, this, [this](DownloadId id) {
        if (isSelectedRow(m_view, m_proxy, m_table, id))
            updateActions();
    });
    connect(m_addLinks, &AddLinksPanel::linksSubmitted, this, &MainWindow::queueLinks);
    // With nothing selected, Start takes the links waiting in the box.
    connect(m_addLinks, &AddLinksPanel::newLinksChanged, this, &MainWindow::updateActions);

    // Counting 100,000 rows after each part of a long list would cost more than adding the part.
    // Queued: in a turn of its own, not in the one that added the last part.
    connect(m_feeder, &QueueFeeder::drained, m_status, &WindowStatus::refresh, Qt::QueuedConnection);

    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1180, 720);
    restoreState(m_settings->windowState());
    m_splitter->restoreState(m_settings->splitterState());
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
        setWidth(QueueModel::WhereColumn, 120);
    }
    updateActions();
    m_status->refresh();
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
        // Start means "download these now", whatever stopped them; with no row selected, "these" are the
        // links pasted into the box, as a person who pasted and clicked Start means.
        const QList<DownloadId> ids = selectedIds();
        if (ids.isEmpty()) {
            m_addLinks->submit(Intent::Run);
            return;
        }
        scheduler->retry(ids);
        scheduler->resume(ids);
    });
    on(Action::Pause, onSelection(&Scheduler::pause));
    on(Action::Resume, onSelection(&Scheduler::resume));
    on(Action::Cancel, onSelection(&Scheduler::cancel));
    on(Action::Retry, onSelection(&Scheduler::retry));
    on(Action::Remove, [this] { m_commands->remove(); });
    on(Action::ChangeLink, [this] { m_commands->changeLink(); });
    on(Action::LimitRate, [this] { m_commands->limitRate(); });
    on(Action::Connections, [this] { m_commands->setConnections(); });
    on(Action::CopyLink, [this] { m_commands->copyLinks(); });
    on(Action::OpenFile, [this] { m_commands->openFiles(); });
    on(Action::OpenFolder, [this] { m_commands->openFolders(); });
    on(Action::StartAll, [this, scheduler] {
        // All means the links still waiting in the box too.
        if (!m_addLinks->isEmpty())
            m_addLinks->submit(Intent::Run);
        m_feeder->setPendingIntent(Intent::Run);
        scheduler->startAll();
    });
    on(Action::PauseAll, [this, scheduler] {
        m_addLinks->setWaitingIntent(Intent::Pause);
        m_feeder->setPendingIntent(Intent::Pause);
        scheduler->pauseAll();
    });
    on(Action::RetryFailed, [this, scheduler] { scheduler->retry(idsInState(DownloadState::Failed)); });
    on(Action::ClearFinished, [this] { m_engine->remove(idsInState(DownloadState::Finished), false); });
    on(Action::Settings, [this] { showSettings(); });
    on(Action::ImportLinks, [this] { m_queueFiles->importLinks(); });
    on(Action::ExportLinks, [this] { m_queueFiles->exportLinks(); });
    on(Action::OpenChecksums, [this] { m_queueFiles->openChecksumList(); });
}

void MainWindow::createCentralArea()
{
    m_addLinks = new AddLinksPanel(this);
    m_addLinks->setQueuedCheck([this](const QString &identity) { return m_queuedLinks->contains(identity); });
    m_queueFiles = new QueueFiles(this, m_engine, m_addLinks, [this] { return m_settings->downloadDirectory(); });
    connect(m_queueFiles, &QueueFiles::message, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    m_addLinks->setUrlTaker([this](const QUrl &url) { return m_queueFiles->takeDroppedUrl(url); });

    m_table = new QueueTableModel(m_engine->model(), m_engine->scheduler(), this);
    m_proxy = new QueueSortProxy(this);
    m_proxy->setSourceModel(m_table);
    m_proxy->setSortRole(QueueModel::SortRole);
    // Re-sorting on every progress tick would move rows under the pointer and cost O(n log n) a tick.
    m_proxy->setDynamicSortFilter(false);

    m_view = new QTableView(this);
    m_view->setObjectName(u"queueView"_s);
    m_view->setAccessibleName(tr("Downloads"));
    // The corner button (select every row) has no text of its own.
    if (auto *corner = m_view->findChild<QAbstractButton *>())
        corner->setAccessibleName(tr("Select All Downloads"));
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
    connect(m_view, &QAbstractItemView::doubleClicked, m_commands, &SelectionCommands::openFiles);

    m_details = new DetailsPane(this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_addLinks);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({220, 380, 110});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
}

void MainWindow::applySettings()
{
    m_engine->applySettings(m_settings->engineSettings());
    m_engineSync->apply(m_settings);
    m_addLinks->engineChooser()->setRemoteEngines(m_engine->remoteEngineNames());
    m_addLinks->setLinkListOptions(m_settings->linkListOptions());
    updateDetails();   // a download without its own count of connections shows the new one
}

void MainWindow::queueLinks(const QList<Link> &links, const QStringList &identities, Intent intent)
{
    // On a remote engine the folder is the one typed for that machine (empty: the daemon's own).
    const EngineChooser *chooser = m_addLinks->engineChooser();
    const QString engine = chooser->engine();
    m_feeder->feed(links, identities, engine.isEmpty() ? m_settings->downloadDirectory() : chooser->remoteFolder(),
                   intent, engine);
}

qsizetype MainWindow::linksBeingQueued() const
{
    return m_feeder->pendingCount();
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
    m_actions->updateFor(selected, m_addLinks->hasNewLinks());
}

QString MainWindow::detailsText() const
{
    return m_details->toPlainText();
}

void MainWindow::updateDetails()
{
    m_details->showDownloads(m_table, selectedIds(), m_engine->settings().http.segments);
}

void MainWindow::pasteFromClipboard()
{
    m_addLinks->paste(QApplication::clipboard()->text());
    m_addLinks->setFocus();
}

void MainWindow::setRemoveQuestion(std::function<RemoveChoice(int, bool)> ask)
{
    m_commands->setRemoveQuestion(std::move(ask));
}

ChangeLinkDialog *MainWindow::changeLinkDialog() const
{
    return m_commands->changeLinkDialog();
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
    m_session->restore();
    if (m_session->isKeeping())
        m_session->lookForLeftovers(m_settings->downloadDirectory());
    m_status->refresh();
}

void MainWindow::openArguments(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return;
    // Links given on a command line (a browser's "Open with", a launcher) are meant to be downloaded;
    // what the person is still editing in the box is not theirs to start.
    const bool startAtOnce = m_addLinks->isEmpty();
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
        m_addLinks->paste(text.join(u'\n'));
    if (startAtOnce)
        m_addLinks->submit(Intent::Run);
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->setHeaderState(m_view->horizontalHeader()->saveState());
    m_feeder->finish();
    if (m_session)
        m_session->saveNow();
    QMainWindow::closeEvent(event);
}

} // namespace Quiver
