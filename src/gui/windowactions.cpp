#include "windowactions.h"

#include "icons.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QEvent>
#include <QAbstractButton>
#include <QToolBar>

namespace Quiver {

namespace {
// The toolbar shows text beside its icons while the texts fit. Where they are wider than the toolbar
// (a narrow window, or a language with longer words than English), the buttons for the selected rows
// show only their icons first: they keep their tooltips and are also in the menus and the context
// menu, while the queue-wide buttons keep their text and none falls into the overflow menu.
class ToolBarFitter final : public QObject
{
public:
    ToolBarFitter(QToolBar *bar, QList<QAction *> iconsOnlyFirst)
        : QObject(bar)
        , m_bar(bar)
        , m_iconsOnlyFirst(std::move(iconsOnlyFirst))
        , m_fullWidth(bar->sizeHint().width())
    {
        bar->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_bar && event->type() == QEvent::Resize) {
            const auto priority = m_bar->width() < m_fullWidth ? QAction::LowPriority : QAction::NormalPriority;
            for (QAction *action : std::as_const(m_iconsOnlyFirst)) {
                if (action->priority() != priority)
                    action->setPriority(priority);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QToolBar *m_bar;
    QList<QAction *> m_iconsOnlyFirst;
    int m_fullWidth;   // with every text shown
};
} // namespace

using namespace Qt::StringLiterals;

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    add(Id::AddLinks, tr("&Paste Links"), u"list-add"_s, QKeySequence::Paste);
    QAction *start = add(Id::Start, tr("&Start"), u"media-playback-start"_s, QKeySequence(tr("Ctrl+Return")));
    add(Id::Pause, tr("&Pause"), u"media-playback-pause"_s, QKeySequence(tr("Ctrl+P")));
    add(Id::Resume, tr("Res&ume"), u"media-playback-start"_s, QKeySequence(tr("Ctrl+R")));
    add(Id::Cancel, tr("&Cancel"), u"process-stop"_s, QKeySequence(tr("Ctrl+.")));
    add(Id::Retry, tr("Re&try"), u"view-refresh"_s, QKeySequence(tr("Ctrl+T")));
    add(Id::Remove, tr("Re&move…"), u"edit-delete"_s, QKeySequence::Delete);
    QAction *changeLink = add(Id::ChangeLink, tr("C&hange Link…"), u"insert-link"_s, QKeySequence(tr("Ctrl+L")));
    QAction *limitRate = add(Id::LimitRate, tr("Limit &Speed…"), u"network-transmit-receive"_s, QKeySequence());
    QAction *connections = add(Id::Connections, tr("Co&nnections…"), u"network-wired"_s, QKeySequence());
    add(Id::CopyLink, tr("Copy &Link"), u"edit-copy"_s, QKeySequence::Copy);
    add(Id::OpenFile, tr("&Open File"), u"document-open"_s, QKeySequence::Open);
    add(Id::OpenFolder, tr("Open Containing &Folder"), u"folder-open"_s, QKeySequence(tr("Ctrl+Shift+O")));

    QAction *startAll = add(Id::StartAll, tr("Start All"), u"media-playback-start"_s, QKeySequence(tr("Ctrl+Shift+Return")));
    QAction *pauseAll = add(Id::PauseAll, tr("Pause All"), u"media-playback-pause"_s, QKeySequence(tr("Ctrl+Shift+P")));
    QAction *retryFailed = add(Id::RetryFailed, tr("Retry Failed"), u"view-refresh"_s, QKeySequence(tr("Ctrl+Shift+T")));
    add(Id::ClearFinished, tr("Clear Finished"), u"edit-clear"_s, QKeySequence());
    add(Id::ImportLinks, tr("&Import Links…"), u"document-import"_s, QKeySequence(tr("Ctrl+I")))->setShortcutContext(Qt::WindowShortcut);
    add(Id::ExportLinks, tr("E&xport Links…"), u"document-export"_s, QKeySequence(tr("Ctrl+E")))->setShortcutContext(Qt::WindowShortcut);
    add(Id::OpenChecksums, tr("Open &Checksum List…"), u"document-open"_s, QKeySequence())->setShortcutContext(Qt::WindowShortcut);
    m_actions[Id::OpenChecksums]->setToolTip(tr("Check downloads against a SHA256SUMS-style list, a file or a link to one, before they finish"));
    QAction *settings = add(Id::Settings, tr("S&ettings…"), u"configure"_s, QKeySequence::Preferences);
    // Starting is what a person does right after pasting, with the cursor still in the links box: these
    // work wherever the focus is (in the box, Ctrl+Return is the box's own Download, the same thing).
    for (QAction *action : {start, startAll, pauseAll, retryFailed, settings})
        action->setShortcutContext(Qt::WindowShortcut);
    settings->setMenuRole(QAction::PreferencesRole);
    start->setToolTip(tr("Start the selected downloads; with none selected, download the links in the box"));
    startAll->setToolTip(tr("Start every download that is waiting or paused, and the links in the box"));
    retryFailed->setToolTip(tr("Try every failed download again"));
    changeLink->setToolTip(tr("Give the selected download a new link, for example when the old one expired"));
    limitRate->setToolTip(tr("Limit how fast the selected downloads may go, on this computer or on their remote "
                             "engine, on top of the limit for all of this computer’s downloads"));
    connections->setToolTip(tr("Set how many connections the selected downloads may use, instead of the number in Settings"));
}

QAction *WindowActions::add(Id id, const QString &text, const QString &iconName, const QKeySequence &shortcut)
{
    auto *action = new QAction(icon(iconName), text, m_window);
    action->setShortcut(shortcut);
    // Row shortcuts only act while the queue has focus, so typing in the links box is never hijacked.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_actions.insert(id, action);
    return action;
}

QAction *WindowActions::add(Id id, const QString &text, const QString &iconName, QKeySequence::StandardKey key)
{
    QAction *action = add(id, text, iconName, QKeySequence());
    action->setShortcuts(key);
    return action;
}

void WindowActions::populate(QMainWindow *window)
{
    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions[Id::AddLinks]);
    file->addAction(m_actions[Id::ImportLinks]);
    file->addAction(m_actions[Id::ExportLinks]);
    file->addAction(m_actions[Id::OpenChecksums]);
    file->addSeparator();
    file->addAction(m_actions[Id::Settings]);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), window, &QWidget::close);
    quit->setShortcuts(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // The Downloads menu and the context menu act on the selection and list the same actions.
    const auto fillSelectionMenu = [this](QMenu *menu) {
        for (Id id : {Id::Start, Id::Pause, Id::Resume, Id::Cancel, Id::Retry})
            menu->addAction(m_actions[id]);
        menu->addSeparator();
        for (Id id : {Id::OpenFile, Id::OpenFolder, Id::CopyLink, Id::ChangeLink, Id::LimitRate, Id::Connections})
            menu->addAction(m_actions[id]);
        menu->addSeparator();
        menu->addAction(m_actions[Id::Remove]);
    };
    fillSelectionMenu(window->menuBar()->addMenu(tr("&Downloads")));
    m_contextMenu = new QMenu(window);
    fillSelectionMenu(m_contextMenu);

    QMenu *queue = window->menuBar()->addMenu(tr("&Queue"));
    for (Id id : {Id::StartAll, Id::PauseAll, Id::RetryFailed, Id::ClearFinished})
        queue->addAction(m_actions[id]);

    QToolBar *bar = window->addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions[Id::StartAll]);
    bar->addAction(m_actions[Id::PauseAll]);
    bar->addSeparator();
    for (Id id : {Id::Start, Id::Pause, Id::Cancel, Id::Retry, Id::Remove})
        bar->addAction(m_actions[id]);
    bar->addSeparator();
    bar->addAction(m_actions[Id::RetryFailed]);
    bar->addAction(m_actions[Id::ClearFinished]);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_actions[Id::Settings]);
    new ToolBarFitter(bar, {m_actions[Id::Start], m_actions[Id::Pause], m_actions[Id::Cancel], m_actions[Id::Retry],
                            m_actions[Id::Remove]});

    // Qt's overflow buttons (a narrow window) show only an arrow: without a name a screen reader says nothing.
    if (auto *more = bar->findChild<QAbstractButton *>(u"qt_toolbar_ext_button"_s))
        more->setAccessibleName(tr("More Actions"));
    if (auto *more = window->menuBar()->findChild<QAbstractButton *>(u"qt_menubar_ext_button"_s))
        more->setAccessibleName(tr("More Menus"));
}

void WindowActions::updateFor(const QList<const DownloadItem *> &selected, bool linksWaiting)
{
    bool canStart = false, canPause = false, canResume = false, canCancel = false, canRetry = false;
    bool anyFinished = false;
    for (const DownloadItem *item : selected) {
        const DownloadState state = item->state;
        canStart |= state == DownloadState::Paused || state == DownloadState::Failed || state == DownloadState::Canceled;
        // A verify is not stopped: the file is complete and the check ends in a moment.
        canPause |= !isTerminal(state) && state != DownloadState::Paused && state != DownloadState::Verifying;
        canResume |= state == DownloadState::Paused;
        canCancel |= state != DownloadState::Finished && state != DownloadState::Canceled;
        canRetry |= state == DownloadState::Failed || state == DownloadState::Canceled;
        anyFinished |= state == DownloadState::Finished;
    }
    // One link for one row; a file that is complete (or being checked) has no use for another.
    const bool canChangeLink = selected.size() == 1 && selected.constFirst()->state != DownloadState::Finished
        && selected.constFirst()->state != DownloadState::Verifying;
    m_actions[Id::Start]->setEnabled(canStart || (selected.isEmpty() && linksWaiting));
    m_actions[Id::Pause]->setEnabled(canPause);
    m_actions[Id::Resume]->setEnabled(canResume);
    m_actions[Id::Cancel]->setEnabled(canCancel);
    m_actions[Id::Retry]->setEnabled(canRetry);
    m_actions[Id::Remove]->setEnabled(!selected.isEmpty());
    m_actions[Id::ChangeLink]->setEnabled(canChangeLink);
    m_actions[Id::CopyLink]->setEnabled(!selected.isEmpty());
    m_actions[Id::LimitRate]->setEnabled(!selected.isEmpty());
    // A finished file has no more bytes to fetch over any number of connections.
    m_actions[Id::Connections]->setEnabled(canCancel);
    m_actions[Id::OpenFile]->setEnabled(anyFinished);
    m_actions[Id::OpenFolder]->setEnabled(!selected.isEmpty());
}

} // namespace Quiver
