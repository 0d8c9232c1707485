#include "windowsession.h"

#include "engine/downloadengine.h"
#include "session/sessionstore.h"

#include <QDir>
#include <QMainWindow>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace Quiver {

using namespace Qt::StringLiterals;

WindowSession::WindowSession(DownloadEngine *engine, QMainWindow *window, const QString &path)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_store(new SessionStore(engine->model(), path, this))
{
    connect(m_store, &SessionStore::saveFailed, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(tr("Could not save the queue: %1").arg(message), 15000);
    });
}

QString WindowSession::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"queue.json"_s);
}

QList<DownloadId> WindowSession::restore()
{
    const SessionLoadResult loaded = m_store->load();
    const QList<DownloadId> ids = m_engine->restore(loaded.items);
    if (!loaded.problems.isEmpty())
        showProblems(loaded.problems, loaded.quarantinedPath, loaded.items.isEmpty());
    return ids;
}

void WindowSession::saveNow()
{
    m_store->saveNow();
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

} // namespace Quiver
