#include "mainwindow.h"

#include "addlinkspanel.h"
#include "appsettings.h"
#include "downloadengine.h"
#include "icons.h"
#include "linkdrop.h"
#include "linksparser.h"
#include "progressdelegate.h"
#include "queuemodel.h"
#include "queuesummary.h"
#include "scheduler.h"
#include "sessionstore.h"
#include "settingsdialog.h"
#include "speedgraph.h"
#include "units.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {

// The sort keys of one column, one per source row, read once before a sort (see QueueSortProxy). Also a
// model of those keys, so keys of other types can still be compared by QSortFilterProxyModel itself.
class SortKeys final : public QAbstractListModel
{
public:
    enum class Kind { None, Integer, Real, Text, Variant };

    void fill(const QAbstractItemModel *source, int column, int role)
    {
        clear();
        const int rows = source->rowCount();
        m_variants.reserve(rows);
        for (int row = 0; row < rows; ++row)
            m_variants.append(source->data(source->index(row, column), role));
        // QueueModel's sort keys are all of one type per column: then they are compared without a
        // QVariant, as QSortFilterProxyModel would compare them (see QAbstractItemModelPrivate::
        // isVariantLessThan: the left key's type decides, and an int compares as an int).
        const int type = m_variants.isEmpty() ? QMetaType::UnknownType : m_variants.constFirst().userType();
        const bool uniform = std::all_of(m_variants.cbegin(), m_variants.cend(),
                                         [type](const QVariant &key) { return key.userType() == type; });
        m_kind = Kind::Variant;
        if (uniform && (type == QMetaType::Int || type == QMetaType::LongLong)) {
            m_integers.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_integers.push_back(key.toLongLong());
            m_kind = Kind::Integer;
        } else if (uniform && type == QMetaType::Double) {
            m_reals.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_reals.push_back(key.toDouble());
            m_kind = Kind::Real;
        } else if (uniform && type == QMetaType::QString) {
            m_texts.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_texts.append(key.toString());
            m_kind = Kind::Text;
        }
        if (m_kind != Kind::Variant)
            m_variants = {};
    }

    void clear()
    {
        m_kind = Kind::None;
        m_variants = {};
        m_integers = {};
        m_reals = {};
        m_texts = {};
    }

    Kind kind() const { return m_kind; }
    bool integerLess(int left, int right) const { return m_integers[size_t(left)] < m_integers[size_t(right)]; }
    bool realLess(int left, int right) const { return m_reals[size_t(left)] < m_reals[size_t(right)]; }
    const QString &text(int row) const { return m_texts[row]; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_variants.size()); }
    QVariant data(const QModelIndex &index, int /*role: the keys are all of the sort role*/) const override
    {
        return m_variants.value(index.row());
    }

private:
    Kind m_kind = Kind::None;
    QList<QVariant> m_variants;
    std::vector<qint64> m_integers;
    std::vector<double> m_reals;
    QStringList m_texts;
};

// QSortFilterProxyModel asks the source for both rows' keys at each of the n log n comparisons of a
// sort: 3.4 million data() calls and QVariant comparisons for 100,000 rows, which took seconds for the
// name column (names are worked out from the URLs). This proxy reads each row's key once before a sort
// and compares those, in the order QSortFilterProxyModel::lessThan would give.
class QueueSortProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void sort(int column, Qt::SortOrder order) override
    {
        // No column is ever filtered out, so proxy and source columns are the same.
        if (sourceModel() && column >= 0 && column < sourceModel()->columnCount()) {
            m_keys.fill(sourceModel(), column, sortRole());
            m_keyColumn = column;
        }
        QSortFilterProxyModel::sort(column, order);
        m_keyColumn = -1;
        m_keys.clear();
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (m_keyColumn < 0 || left.model() != sourceModel() || right.model() != sourceModel()
            || left.column() != m_keyColumn || right.column() != m_keyColumn)
            return QSortFilterProxyModel::lessThan(left, right);
        switch (m_keys.kind()) {
        case SortKeys::Kind::Integer:
            return m_keys.integerLess(left.row(), right.row());
        case SortKeys::Kind::Real:
            return m_keys.realLess(left.row(), right.row());
        case SortKeys::Kind::Text:
            if (isSortLocaleAware())
                return m_keys.text(left.row()).localeAwareCompare(m_keys.text(right.row())) < 0;
            return m_keys.text(left.row()).compare(m_keys.text(right.row()), sortCaseSensitivity()) < 0;
        case SortKeys::Kind::Variant:
            return QSortFilterProxyModel::lessThan(m_keys.index(left.row()), m_keys.index(right.row()));
        case SortKeys::Kind::None:
            break;
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }

private:
    SortKeys m_keys;
    int m_keyColumn = -1;
};

// Whether the view shows the download's row as selected.
bool isSelectedRow(const QTableView *view, const QSortFilterProxyModel *proxy, const QueueModel *model, DownloadId id)
{
    const QItemSelectionModel *selection = view->selectionModel();
    if (!selection->hasSelection())
        return false;
    const int row = model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = proxy->mapFromSource(model->index(row, 0));
    return index.isValid() && selection->isRowSelected(index.row(), index.parent());
}

} // namespace

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_engine(new DownloadEngine(this))
{
    setWindowTitle(tr("Quiver"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);

    createActions();
    createCentralArea();
    createMenusAndToolBar();
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
        if (isSelectedRow(m_view, m_proxy, m_engine->model(), id))
            updateActions();
    });
    connect(m_engine->scheduler(), &Scheduler::itemFailed, this, &MainWindow::onItemFailed);
    connect(m_engine->scheduler(), &Scheduler::idle, this, &MainWindow::onQueueIdle);
    connect(m_addLinks, &AddLinksPanel::linksSubmitted, this, &MainWindow::queueLinks);

    // Speeds, counts, the graph and retry countdowns move on their own: refresh them once a second.
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
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
        m_view->setColumnWidth(QueueModel::NameColumn, 260);
        m_view->setColumnWidth(QueueModel::ProgressColumn, 130);
        m_view->setColumnWidth(QueueModel::SizeColumn, 130);
        m_view->setColumnWidth(QueueModel::SpeedColumn, 90);
        m_view->setColumnWidth(QueueModel::EtaColumn, 80);
        m_view->setColumnWidth(QueueModel::StatusColumn, 260);
    }
    updateActions();
    refreshStatus();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::addAction(Action which, const QString &text, const QString &iconName,
                               const QKeySequence &shortcut, const std::function<void()> &handler)
{
    auto *action = new QAction(icon(iconName), text, this);
    action->setShortcut(shortcut);
    // Row shortcuts only act while the queue has focus, so typing in the links box is never hijacked.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, handler);
    m_actions.insert(which, action);
    return action;
}

void MainWindow::createActions()
{
    Scheduler *scheduler = m_engine->scheduler();
    const auto onSelection = [this, scheduler](void (Scheduler::*call)(const QList<DownloadId> &)) {
        return [this, scheduler, call] { (scheduler->*call)(selectedIds()); };
    };
    addAction(Action::AddLinks, tr("&Paste Links"), u"list-add"_s, QKeySequence::Paste,
              [this] { pasteFromClipboard(); });
    addAction(Action::Start, tr("&Start"), u"media-playback-start"_s, QKeySequence(tr("Ctrl+Return")), [this, scheduler] {
        // Start means "download these now", whatever stopped them.
        const QList<DownloadId> ids = selectedIds();
        scheduler->retry(ids);
        scheduler->resume(ids);
    });
    addAction(Action::Pause, tr("&Pause"), u"media-playback-pause"_s, QKeySequence(tr("Ctrl+P")), onSelection(&Scheduler::pause));
    addAction(Action::Resume, tr("Res&ume"), u"media-playback-start"_s, QKeySequence(tr("Ctrl+R")), onSelection(&Scheduler::resume));
    addAction(Action::Cancel, tr("&Cancel"), u"process-stop"_s, QKeySequence(tr("Ctrl+.")), onSelection(&Scheduler::cancel));
    addAction(Action::Retry, tr("Re&try"), u"view-refresh"_s, QKeySequence(tr("Ctrl+T")), onSelection(&Scheduler::retry));
    addAction(Action::Remove, tr("Re&move…"), u"edit-delete"_s, QKeySequence::Delete, [this] { removeSelected(); });
    addAction(Action::CopyLink, tr("Copy &Link"), u"edit-copy"_s, QKeySequence::Copy, [this] { copySelectedLinks(); });
    addAction(Action::OpenFile, tr("&Open File"), u"document-open"_s, QKeySequence(tr("Ctrl+O")), [this] { openSelectedFiles(); });
    addAction(Action::OpenFolder, tr("Open Containing &Folder"), u"folder-open"_s, QKeySequence(tr("Ctrl+Shift+O")),
              [this] { openSelectedFolders(); });

    QAction *startAll = addAction(Action::StartAll, tr("Start All"), u"media-playback-start"_s,
                                  QKeySequence(tr("Ctrl+Shift+Return")), [scheduler] { scheduler->startAll(); });
    QAction *pauseAll = addAction(Action::PauseAll, tr("Pause All"), u"media-playback-pause"_s,
                                  QKeySequence(tr("Ctrl+Shift+P")), [scheduler] { scheduler->pauseAll(); });
    QAction *retryFailed = addAction(Action::RetryFailed, tr("Retry Failed"), u"view-refresh"_s,
                                     QKeySequence(tr("Ctrl+Shift+T")),
                                     [this, scheduler] { scheduler->retry(idsInState(DownloadState::Failed)); });
    addAction(Action::ClearFinished, tr("Clear Finished"), u"edit-clear"_s, QKeySequence(),
              [this] { m_engine->remove(idsInState(DownloadState::Finished), false); });
    QAction *settings = addAction(Action::Settings, tr("S&ettings…"), u"configure"_s, QKeySequence::Preferences,
                                  [this] { showSettings(); });
    for (QAction *action : {startAll, pauseAll, retryFailed, settings})
        action->setShortcutContext(Qt::WindowShortcut);
    settings->setMenuRole(QAction::PreferencesRole);
    startAll->setToolTip(tr("Start every download that is waiting or paused"));
    retryFailed->setToolTip(tr("Try every failed download again"));
}

void MainWindow::createCentralArea()
{
    m_addLinks = new AddLinksPanel(this);
    m_addLinks->setQueuedCheck([this](const QString &identity) { return m_queuedLinks.contains(identity); });

    m_proxy = new QueueSortProxy(this);
    m_proxy->setSourceModel(m_engine->model());
    m_proxy->setSortRole(QueueModel::SortRole);
    // Re-sorting on every progress tick would move rows under the pointer and cost O(n log n) a tick.
    m_proxy->setDynamicSortFilter(false);

    m_view = new QTableView(this);
    m_view->setObjectName(u"queueView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(QueueModel::ProgressColumn, new ProgressDelegate(m_view));
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
    for (QAction *action : std::as_const(m_actions))
        m_view->addAction(action);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showQueueContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_view, &QAbstractItemView::doubleClicked, this, &MainWindow::openSelectedFiles);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"detailsPane"_s);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a download to see its details."));

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

void MainWindow::createMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions[Action::AddLinks]);
    file->addSeparator();
    file->addAction(m_actions[Action::Settings]);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *downloads = menuBar()->addMenu(tr("&Downloads"));
    for (Action which : {Action::Start, Action::Pause, Action::Resume, Action::Cancel, Action::Retry})
        downloads->addAction(m_actions[which]);
    downloads->addSeparator();
    for (Action which : {Action::OpenFile, Action::OpenFolder, Action::CopyLink})
        downloads->addAction(m_actions[which]);
    downloads->addSeparator();
    downloads->addAction(m_actions[Action::Remove]);

    QMenu *queue = menuBar()->addMenu(tr("&Queue"));
    for (Action which : {Action::StartAll, Action::PauseAll, Action::RetryFailed, Action::ClearFinished})
        queue->addAction(m_actions[which]);

    m_contextMenu = new QMenu(this);
    for (Action which : {Action::Start, Action::Pause, Action::Resume, Action::Cancel, Action::Retry})
        m_contextMenu->addAction(m_actions[which]);
    m_contextMenu->addSeparator();
    for (Action which : {Action::OpenFile, Action::OpenFolder, Action::CopyLink})
        m_contextMenu->addAction(m_actions[which]);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_actions[Action::Remove]);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions[Action::StartAll]);
    bar->addAction(m_actions[Action::PauseAll]);
    bar->addSeparator();
    for (Action which : {Action::Start, Action::Pause, Action::Cancel, Action::Retry, Action::Remove})
        bar->addAction(m_actions[which]);
    bar->addSeparator();
    bar->addAction(m_actions[Action::RetryFailed]);
    bar->addAction(m_actions[Action::ClearFinished]);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_actions[Action::Settings]);
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
    menu->addAction(m_actions[Action::StartAll]);
    menu->addAction(m_actions[Action::PauseAll]);
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
    // New links wait for Start, as a person expects after pasting a list.
    m_engine->add(firstQueued < 0 ? links : fresh, m_settings->downloadDirectory(), Intent::Pause);
    refreshStatus();
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
    bool canStart = false, canPause = false, canResume = false, canCancel = false, canRetry = false;
    bool anyFinished = false;
    const QList<DownloadId> ids = selectedIds();
    for (DownloadId id : ids) {
        const DownloadItem *item = m_engine->model()->find(id);
        if (!item)
            continue;
        const DownloadState state = item->state;
        canStart |= state == DownloadState::Paused || state == DownloadState::Failed || state == DownloadState::Canceled;
        canPause |= !isTerminal(state) && state != DownloadState::Paused;
        canResume |= state == DownloadState::Paused;
        canCancel |= state != DownloadState::Finished && state != DownloadState::Canceled;
        canRetry |= state == DownloadState::Failed || state == DownloadState::Canceled;
        anyFinished |= state == DownloadState::Finished;
    }
    m_actions[Action::Start]->setEnabled(canStart);
    m_actions[Action::Pause]->setEnabled(canPause);
    m_actions[Action::Resume]->setEnabled(canResume);
    m_actions[Action::Cancel]->setEnabled(canCancel);
    m_actions[Action::Retry]->setEnabled(canRetry);
    m_actions[Action::Remove]->setEnabled(!ids.isEmpty());
    m_actions[Action::CopyLink]->setEnabled(!ids.isEmpty());
    m_actions[Action::OpenFile]->setEnabled(anyFinished);
    m_actions[Action::OpenFolder]->setEnabled(!ids.isEmpty());
}

QString MainWindow::detailsText() const
{
    return m_details->toPlainText();
}

void MainWindow::updateDetails()
{
    const QList<DownloadId> ids = selectedIds();
    if (ids.size() != 1) {
        m_detailsHtml.clear();
        m_details->setHtml(ids.isEmpty() ? QString() : tr("%1 downloads selected.").arg(ids.size()));
        return;
    }
    const DownloadItem *item = m_engine->model()->find(ids.constFirst());
    if (!item)
        return;
    const QueueModel *model = m_engine->model();
    const auto row = [](const QString &label, const QString &value) {
        return u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(),
                                                                                           value.toHtmlEscaped());
    };
    QString html = u"<table>"_s;
    html += row(tr("Name"), model->data(model->index(model->rowOf(item->id), QueueModel::NameColumn)).toString());
    html += row(tr("Link"), item->url.toDisplayString(QUrl::RemoveUserInfo));
    html += row(tr("Folder"), QDir::toNativeSeparators(item->directory));
    // A failed row's status already carries the reason; show it once, in its own row.
    html += row(tr("Status"), item->state == DownloadState::Failed ? stateName(item->state) : model->statusText(*item));
    html += row(tr("Size"), Units::progress(item->bytesReceived, item->bytesTotal));
    html += row(tr("Attempts"), QString::number(item->attempts));
    if (!item->lastError.isEmpty())
        html += row(item->state == DownloadState::Failed ? tr("Reason") : tr("Last error"), item->lastError);
    html += u"</table>"_s;
    // Progress ticks would otherwise rebuild the pane (and lose a text selection) many times a second.
    if (m_detailsHtml != html) {
        m_detailsHtml = html;
        m_details->setHtml(html);
    }
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
    // "Retrying in 8 s" counts down without any other change to the row.
    for (int row = 0; row < model->rowCount(); ++row) {
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

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::showQueueContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    m_contextMenu->popup(m_view->viewport()->mapToGlobal(position));
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
        m_tray->showMessage(tr("Downloads finished"),
                            summary.failed == 0 ? tr("All %1 downloads finished.").arg(summary.finished)
                                                : tr("%1 finished, %2 failed.").arg(summary.finished).arg(summary.failed));
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
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"queue.json"_s);
}

void MainWindow::useSession(const QString &path)
{
    // The store watches the model before the restore, so the restored queue is what gets saved.
    m_session = new SessionStore(m_engine->model(), path, this);
    const SessionLoadResult loaded = m_session->load();
    for (const DownloadItem &item : loaded.items)
        m_queuedLinks.insert(linkIdentity(item.url));
    m_engine->restore(loaded.items);
    connect(m_session, &SessionStore::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not save the queue: %1").arg(message), 15000);
    });
    if (!loaded.problems.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Queue restored with problems"),
                                    loaded.items.isEmpty() ? tr("The saved queue could not be read.")
                                                           : tr("Some downloads of the saved queue could not be read."),
                                    QMessageBox::Ok, this);
        QString details = loaded.problems.join(u'\n');
        if (!loaded.quarantinedPath.isEmpty())
            details += u'\n' + tr("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(loaded.quarantinedPath));
        box->setInformativeText(details);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(u"sessionProblems"_s);
        box->open();
    }
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
    if (m_session)
        m_session->saveNow();
    QMainWindow::closeEvent(event);
}

} // namespace Quiver
