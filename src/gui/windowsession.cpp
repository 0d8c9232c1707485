#include "windowsession.h"

#include "engine/downloadengine.h"
#include "session/sessionlock.h"
#include "session/sessionstore.h"
#include "util/units.h"

#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>

namespace Quiver {

using namespace Qt::StringLiterals;

WindowSession::WindowSession(DownloadEngine *engine, QMainWindow *window, const QString &path)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_lock(std::make_unique<SessionLock>(path))
{
    QDir().mkpath(QFileInfo(m_lock->lockFilePath()).absolutePath());
    if (m_lock->tryLock() != SessionLock::Outcome::Locked)
        return;
    m_store = new SessionStore(engine->model(), path, this);
    engine->keepNamesIn(m_store);
    connect(m_store, &SessionStore::saveFailed, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(tr("Could not save the queue: %1").arg(message), 15000);
    });
}

WindowSession::~WindowSession()
{
    // The store saves for the last time as it goes; only then may another program take the file.
    delete m_store;
    m_store = nullptr;
}

QString WindowSession::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"queue.json"_s);
}

QList<DownloadId> WindowSession::restore()
{
    if (!m_store) {
        showNotKept();
        return {};
    }
    const SessionLoadResult loaded = m_store->load();
    // Before the items: one that finishes at once must already be checked.
    if (!loaded.checksums.isEmpty() || !loaded.checksums.refusedNames().isEmpty())
        m_engine->addChecksums(loaded.checksums);
    m_engine->keepChecksumsIn(m_store);
    const QList<DownloadId> ids = m_engine->restore(loaded.items);
    if (!loaded.problems.isEmpty())
        showProblems(loaded.problems, loaded.quarantinedPath, loaded.items.isEmpty());
    return ids;
}

void WindowSession::saveNow()
{
    if (m_store)
        m_store->saveNow();
}

void WindowSession::showNotKept()
{
    const QString why = m_lock->errorString();
    m_window->statusBar()->showMessage(tr("The queue is not saved: %1").arg(why));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Queue in use"),
                                tr("This window neither restores nor saves the queue."), QMessageBox::Ok,
                                m_window);
    box->setInformativeText(why);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"sessionInUse"_s);
    box->open();
}

void WindowSession::showProblems(const QStringList &problems, const QString &quarantinedPath, bool nothingRead)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Queue restored with problems"),
                                nothingRead ? tr("The saved queue could not be read.")
                                            : tr("Some downloads of the saved queue could not be read."),
                                QMessageBox::Ok, m_window);
    QString details = problems.join(u'\n');
    if (!quarantinedPath.isEmpty())
        details += u'\n' + tr("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(quarantinedPath));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"sessionProblems"_s);
    box->open();
}

void WindowSession::setLeftoverAnswer(std::function<LeftoverChoice(const QList<LeftoverPart> &)> answer)
{
    m_leftoverAnswer = std::move(answer);
}

void WindowSession::lookForLeftovers(const QString &folder)
{
    connect(m_engine, &DownloadEngine::leftoversFound, this, &WindowSession::offerLeftovers, Qt::UniqueConnection);
    m_engine->lookForLeftovers({folder});
}

void WindowSession::offerLeftovers(const QList<LeftoverPart> &parts)
{
    if (m_leftoverAnswer) {
        act(m_leftoverAnswer(parts), parts);
        return;
    }
    QStringList lines;
    for (const LeftoverPart &part : parts) {
        const QString held = part.total >= 0 ? tr("%1 of %2").arg(Units::bytes(part.size), Units::bytes(part.total))
                                             : Units::bytes(part.size);
        //: %1 the .part file, %2 how much it holds, %3 the link it came from
        lines.append(tr("%1 (%2) from %3").arg(QDir::toNativeSeparators(part.path), held,
                                             part.url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unfinished downloads found"),
                                parts.size() == 1
                                    ? tr("Quiver found an unfinished download that is not in the list.")
                                    : tr("Quiver found %1 unfinished downloads that are not in the list.")
                                          .arg(parts.size()),
                                QMessageBox::NoButton, m_window);
    box->setInformativeText(tr("They can be continued from where they stopped, or deleted.") + u"\n\n"_s
                            + lines.join(u'\n'));
    QPushButton *resume = box->addButton(tr("Continue Them"), QMessageBox::AcceptRole);
    QPushButton *erase = box->addButton(tr("Delete Them"), QMessageBox::DestructiveRole);
    box->addButton(tr("Leave Them"), QMessageBox::RejectRole);
    box->setDefaultButton(resume);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"leftovers"_s);
    connect(box, &QMessageBox::finished, this, [this, box, resume, erase, parts] {
        const QAbstractButton *clicked = box->clickedButton();
        act(clicked == resume ? LeftoverChoice::Continue
                : clicked == erase ? LeftoverChoice::Delete
                                   : LeftoverChoice::Leave,
            parts);
    });
    box->open();
}

void WindowSession::act(LeftoverChoice choice, const QList<LeftoverPart> &parts)
{
    if (choice == LeftoverChoice::Continue)
        m_engine->continueLeftovers(parts);
    else if (choice == LeftoverChoice::Delete)
        m_engine->deleteLeftovers(parts);
}

} // namespace Quiver
