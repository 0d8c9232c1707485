// The window with remote engines: an engine added in Settings (its token in a file only the user can read,
// never in the settings), links added for it with its folder, rows that say where they run and finish
// beside this computer's (a real aria2c --enable-rpc and a real nginx), the window's actions acting on the
// daemon, and a daemon that is down said plainly in the row.

#include "addlinkspanel.h"
#include "appsettings.h"
#include "aria2fixture.h"
#include "enginechooser.h"
#include "engineseditor.h"
#include "engine/downloadengine.h"
#include "mainwindow.h"
#include "nginxfixture.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "http/ratelimiter.h"
#include "remote/aria2transfer.h"
#include "remote/aria2reply.h"
#include "rpccountingproxy.h"
#include "changelinkdialog.h"
#include "settingsdialog.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

// Fills the engine form that Add… opens (modal) and clicks OK.
void answerEngineForm(const QString &name, const QString &address, const QString &token)
{
    QTimer::singleShot(0, [=] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(u"engineName"_s)->setText(name);
        dialog->findChild<QLineEdit *>(u"engineAddress"_s)->setText(address);
        dialog->findChild<QLineEdit *>(u"engineToken"_s)->setText(token);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
}

// What the daemon answers about gid: its status, or aria2's "not found" error once the download and its result
// are gone.
// The download's own limit on the daemon, as aria2.getOption says it.
QByteArray limitOn(Aria2Fixture &aria2, const QString &gid)
{
    const QByteArray answer = aria2.call("aria2.getOption", "\"" + gid.toLatin1() + "\"");
    const qsizetype at = answer.indexOf("\"max-download-limit\":\"");
    return at < 0 ? answer : answer.mid(at + 22, answer.indexOf('"', at + 22) - at - 22);
}

QByteArray statusOn(Aria2Fixture &aria2, const QString &gid)
{
    return aria2.call("aria2.tellStatus", "\"" + gid.toLatin1() + "\",[\"status\"]");
}

// Every download the daemon holds: running, waiting or paused, and stopped ones whose results it keeps.
QByteArray everythingOn(Aria2Fixture &aria2)
{
    return aria2.call("aria2.tellActive", "[\"gid\"]") + aria2.call("aria2.tellWaiting", "0,1000,[\"gid\"]")
        + aria2.call("aria2.tellStopped", "0,1000,[\"gid\"]");
}

bool holdsNothing(Aria2Fixture &aria2)
{
    return everythingOn(aria2).count("\"result\":[]") == 3;
}

} // namespace

class TestRemoteWindow final : public QObject
{
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        AppSettings settings{QDir(dir.path()).filePath(u"quiver.ini"_s)};
        std::unique_ptr<MainWindow> window;
        QString downloads;

        Fixture()
        {
            downloads = QDir(dir.path()).filePath(u"downloads"_s);
            QDir().mkpath(downloads);
            settings.setDownloadDirectory(downloads);
            settings.setRetryBaseSeconds(0.1);
        }
        void open()
        {
            window = std::make_unique<MainWindow>(&settings);
            window->resize(1100, 700);
            window->show();
        }
        void addEngine(const QString &name, const QUrl &address, const QByteArray &token)
        {
            QList<RemoteEngineSetting> engines = settings.remoteEngines();
            engines.append({name, address});
            QString error;
            QVERIFY2(settings.setRemoteEngines(engines, {{name, token}}, &error), qPrintable(error));
        }
        QueueModel *model() const { return window->engine()->model(); }
        QString cell(DownloadId id, int column) const
        {
            QAbstractItemModel *view = window->queueView()->model();
            for (int row = 0; row < view->rowCount(); ++row) {
                if (view->index(row, 0).data(QueueModel::IdRole).value<DownloadId>() == id)
                    return view->index(row, column).data().toString();
            }
            return {};
        }
        // Limit Speed from the row's menu, as a person fills it in.
        void limitSpeed(DownloadId id, int kib) const
        {
            select(id);
            QAction *limit = window->action(MainWindow::Action::LimitRate);
            QVERIFY(limit->isEnabled());
            limit->trigger();
            auto *dialog = window->findChild<QInputDialog *>(u"limitRateDialog"_s);
            QVERIFY(dialog);
            dialog->setIntValue(kib);
            dialog->accept();
        }
        void select(DownloadId id) const
        {
            QTableView *view = window->queueView();
            view->clearSelection();
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                if (view->model()->index(row, 0).data(QueueModel::IdRole).value<DownloadId>() == id)
                    view->selectRow(row);
            }
        }
        // Adds links through the add-links box, on engine (empty: this computer) into folder.
        QList<DownloadId> addLinks(const QList<QUrl> &urls, const QString &engine, const QString &folder,
                                   Intent intent = Intent::Run) const
        {
            const QList<DownloadId> before = model()->ids();
            EngineChooser *chooser = window->addLinksPanel()->engineChooser();
            chooser->setEngine(engine);
            chooser->setRemoteFolder(folder);
            QStringList lines;
            for (const QUrl &url : urls)
                lines.append(url.toString());
            window->addLinksPanel()->setText(lines.join(u'\n'));
            window->addLinksPanel()->submit(intent);
            QList<DownloadId> added;
            for (const DownloadId id : model()->ids()) {
                if (!before.contains(id))
                    added.append(id);
            }
            return added;
        }
    };

    QTemporaryDir m_root;
    NginxFixture m_nginx;
    QList<QByteArray> m_files;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (int i = 0; i < 3; ++i) {
            m_files.append(randomBytes(1024 * 1024 + i * 7919, 300 + i));
            writeFile(m_root.filePath(u"file%1.bin"_s.arg(i)), m_files.at(i));
        }
        QVERIFY2(m_nginx.start(m_root.path()), qPrintable(m_nginx.errorString()));
    }

    void anEngineAddedInSettingsKeepsItsTokenInAPrivateFile()
    {
        Fixture f;
        SettingsDialog dialog(&f.settings);
        QVERIFY(!dialog.hasChanges());
        answerEngineForm(u"NAS"_s, u"http://nas.local:6800/jsonrpc"_s, u"s3cret-token-value"_s);
        dialog.enginesEditor()->addEngine();
        QVERIFY(dialog.hasChanges());
        QVERIFY(dialog.save());
        QVERIFY(!dialog.hasChanges());

        const QList<RemoteEngineSetting> engines = f.settings.remoteEngines();
        QCOMPARE(engines.size(), 1);
        QCOMPARE(engines.constFirst().name, u"NAS"_s);
        QCOMPARE(engines.constFirst().address, QUrl(u"http://nas.local:6800/jsonrpc"_s));
        const QString tokenFile = f.settings.tokenFileOf(u"NAS"_s);
        QCOMPARE(readFile(tokenFile).trimmed(), QByteArray("s3cret-token-value"));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(tokenFile).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        f.settings.sync();
        QVERIFY(!readFile(f.settings.fileName()).contains("s3cret"));

        // Removed in Settings: the token file goes with it.
        auto *list = dialog.findChild<QTreeWidget *>(u"enginesList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 1);
        list->setCurrentItem(list->topLevelItem(0));
        dialog.findChild<QPushButton *>(u"removeEngineButton"_s)->click();
        QVERIFY(dialog.save());
        QVERIFY(f.settings.remoteEngines().isEmpty());
        QVERIFY(!QFile::exists(tokenFile));
    }

    void linksAddedForAnEngineRunThereAndTheRowsSayWhere()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        QVERIFY(f.window->addLinksPanel()->engineChooser()->isVisibleTo(f.window.get()));
        const QString remoteFolder = aria2.downloadDir() + u"/from window"_s;
        const QList<DownloadId> remote = f.addLinks({m_nginx.url(u"/file0.bin"_s), m_nginx.url(u"/file1.bin"_s)},
                                                    u"NAS"_s, remoteFolder);
        const QList<DownloadId> local = f.addLinks({m_nginx.url(u"/file2.bin"_s)}, {}, {});
        QCOMPARE(remote.size(), 2);
        QCOMPARE(local.size(), 1);
        QCOMPARE(f.cell(remote.at(0), QueueModel::WhereColumn), u"NAS"_s);
        QCOMPARE(f.cell(local.at(0), QueueModel::WhereColumn), u"This computer"_s);
        QTRY_VERIFY_WITH_TIMEOUT(f.window->engine()->scheduler()->isIdle(), 60000);
        for (int i = 0; i < 2; ++i) {
            const DownloadItem &item = *f.model()->find(remote.at(i));
            QVERIFY2(item.state == DownloadState::Finished, qPrintable(item.lastError));
            QCOMPARE(fileSha256(QDir(remoteFolder).filePath(u"file%1.bin"_s.arg(i))), sha256(m_files.at(i)));
        }
        QCOMPARE(f.model()->find(local.at(0))->state, DownloadState::Finished);
        QCOMPARE(fileSha256(QDir(f.downloads).filePath(u"file2.bin"_s)), sha256(m_files.at(2)));
        QVERIFY(!QFile::exists(QDir(f.downloads).filePath(u"file0.bin"_s)));

        // The details say where it ran, and the folder is the daemon's.
        f.select(remote.at(0));
        QTRY_VERIFY(f.window->detailsText().contains(u"Folder on NAS"_s));
        QVERIFY(f.window->detailsText().contains(remoteFolder));

        // Remove with its file: aria2 cannot delete files over RPC, and the window says where it stays.
        f.window->setRemoveQuestion([](int, bool) { return MainWindow::RemoveChoice::DeleteFiles; });
        f.select(remote.at(1));
        f.window->action(MainWindow::Action::Remove)->trigger();
        QTRY_VERIFY(!f.model()->find(remote.at(1)));
        QTRY_VERIFY(f.window->findChild<QMessageBox *>(u"filesNotDeleted"_s));
        QVERIFY(f.window->findChild<QMessageBox *>(u"filesNotDeleted"_s)->informativeText().contains(u"“NAS”"_s));
        QVERIFY(QFile::exists(QDir(remoteFolder).filePath(u"file1.bin"_s)));
    }

    void pauseAndResumeFromTheWindowActOnTheDaemon()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"256K"_s}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        const DownloadId id = f.addLinks({m_nginx.url(u"/file1.bin"_s)}, u"NAS"_s, aria2.downloadDir()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(f.model()->find(id)->state == DownloadState::Downloading
                                     && f.model()->find(id)->bytesReceived > 0, 30000);
        const QString gid = Aria2::Transfer::gidIn(f.model()->find(id)->backendState);
        f.select(id);
        QTRY_VERIFY(f.window->action(MainWindow::Action::Pause)->isEnabled());
        f.window->action(MainWindow::Action::Pause)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Paused, 30000);
        QVERIFY(aria2.call("aria2.tellStatus", "\"" + gid.toLatin1() + "\",[\"status\"]").contains("\"paused\""));
        QTRY_VERIFY(f.window->action(MainWindow::Action::Start)->isEnabled());
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 60000);
        QCOMPARE(Aria2::Transfer::gidIn(f.model()->find(id)->backendState), gid);
        QCOMPARE(fileSha256(QDir(aria2.downloadDir()).filePath(u"file1.bin"_s)), sha256(m_files.at(1)));
    }

    void cancelFromTheWindowRemovesTheDownloadOnTheDaemonAndRetryAddsItAgain()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"256K"_s}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        const DownloadId id = f.addLinks({m_nginx.url(u"/file1.bin"_s)}, u"NAS"_s, aria2.downloadDir()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(f.model()->find(id)->state == DownloadState::Downloading
                                     && f.model()->find(id)->bytesReceived > 0, 30000);
        const QString gid = Aria2::Transfer::gidIn(f.model()->find(id)->backendState);
        QVERIFY(Aria2::isGid(gid));
        f.select(id);
        QTRY_VERIFY(f.window->action(MainWindow::Action::Cancel)->isEnabled());
        f.window->action(MainWindow::Action::Cancel)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Canceled, 30000);
        QCOMPARE(f.cell(id, QueueModel::WhereColumn), u"NAS"_s);
        // Gone from the daemon: neither running, nor paused, nor kept as a result.
        QTRY_VERIFY_WITH_TIMEOUT(statusOn(aria2, gid).contains("\"error\""), 20000);
        QVERIFY2(holdsNothing(aria2), everythingOn(aria2).constData());

        // Retry: added again on the same engine, and the file lands whole.
        QTRY_VERIFY(f.window->action(MainWindow::Action::Retry)->isEnabled());
        f.window->action(MainWindow::Action::Retry)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 60000);
        QCOMPARE(f.model()->find(id)->engine, u"NAS"_s);
        QCOMPARE(fileSha256(QDir(aria2.downloadDir()).filePath(u"file1.bin"_s)), sha256(m_files.at(1)));
        QVERIFY(!QFile::exists(QDir(f.downloads).filePath(u"file1.bin"_s)));
    }

    void cancelBeforeTheDaemonAnsweredLeavesNothingThere()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"256K"_s}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        // Canceled in the same turn as it was added: the daemon's answer with the gid is still on its way.
        const QList<DownloadId> ids = f.addLinks({m_nginx.url(u"/file0.bin"_s), m_nginx.url(u"/file2.bin"_s)},
                                                 u"NAS"_s, aria2.downloadDir());
        QCOMPARE(ids.size(), 2);
        QVERIFY(f.model()->find(ids.at(0))->state == DownloadState::Connecting);
        f.select(ids.at(0));
        f.window->action(MainWindow::Action::Cancel)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(ids.at(0))->state, DownloadState::Canceled, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(f.model()->find(ids.at(1))->state == DownloadState::Downloading, 30000);
        // The other one runs there, and nothing is left of the canceled one.
        f.select(ids.at(1));
        f.window->action(MainWindow::Action::Cancel)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(ids.at(1))->state, DownloadState::Canceled, 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(holdsNothing(aria2), everythingOn(aria2).constData(), 20000);
    }

    void retryOfAFailedRemoteRowAddsItAgainOnTheSameEngine()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        const QString folder = aria2.downloadDir() + u"/later"_s;
        const QByteArray late = randomBytes(700 * 1024 + 13, 330);
        const QByteArray moved = randomBytes(500 * 1024 + 17, 331);
        const QList<DownloadId> ids = f.addLinks({m_nginx.url(u"/late.bin"_s), m_nginx.url(u"/old-place.bin"_s)},
                                                 u"NAS"_s, folder);
        for (const DownloadId id : ids) {
            QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Failed, 30000);
            QVERIFY2(f.model()->find(id)->lastError.contains(u"404"_s), qPrintable(f.model()->find(id)->lastError));
        }
        QTRY_VERIFY(holdsNothing(aria2));

        // The file appears on the server; Retry adds it again there, on the same engine.
        writeFile(m_root.filePath(u"late.bin"_s), late);
        f.select(ids.at(0));
        QTRY_VERIFY(f.window->action(MainWindow::Action::Retry)->isEnabled());
        f.window->action(MainWindow::Action::Retry)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(ids.at(0))->state, DownloadState::Finished, 30000);
        QCOMPARE(fileSha256(QDir(folder).filePath(u"late.bin"_s)), sha256(late));

        // The other gets a new link through Change Link, and finishes from it under its own name.
        writeFile(m_root.filePath(u"new-place.bin"_s), moved);
        f.select(ids.at(1));
        QTRY_VERIFY(f.window->action(MainWindow::Action::ChangeLink)->isEnabled());
        f.window->action(MainWindow::Action::ChangeLink)->trigger();
        ChangeLinkDialog *dialog = f.window->changeLinkDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit *>(u"newEdit"_s)->setText(m_nginx.url(u"/new-place.bin"_s).toString());
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s)->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        ok->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(ids.at(1))->state, DownloadState::Finished, 30000);
        QCOMPARE(f.model()->find(ids.at(1))->engine, u"NAS"_s);
        QCOMPARE(f.cell(ids.at(1), QueueModel::WhereColumn), u"NAS"_s);
        const QString name = f.model()->find(ids.at(1))->fileName;
        QCOMPARE(fileSha256(QDir(folder).filePath(name)), sha256(moved));
        QVERIFY(!QFile::exists(QDir(f.downloads).filePath(u"late.bin"_s)));
        QFile::remove(m_root.filePath(u"late.bin"_s));
        QFile::remove(m_root.filePath(u"new-place.bin"_s));
    }

    void removingRunningRowsLeavesNothingOnTheDaemon()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"256K"_s}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        const QList<DownloadId> ids = f.addLinks({m_nginx.url(u"/file0.bin"_s), m_nginx.url(u"/file1.bin"_s)},
                                                 u"NAS"_s, aria2.downloadDir());
        for (const DownloadId id : ids)
            QTRY_VERIFY_WITH_TIMEOUT(f.model()->find(id)->state == DownloadState::Downloading, 30000);
        f.window->setRemoveQuestion([](int, bool) { return MainWindow::RemoveChoice::KeepFiles; });
        QTableView *view = f.window->queueView();
        view->selectAll();
        f.window->action(MainWindow::Action::Remove)->trigger();
        QTRY_COMPARE(f.model()->rowCount(), 0);
        // Removed there while running: gone once aria2 has stopped them, their results too.
        QTRY_VERIFY2_WITH_TIMEOUT(holdsNothing(aria2), everythingOn(aria2).constData(), 20000);
    }

    void clearFinishedTakesRemoteRowsOffTheWindowAndTheDaemonKeepingTheFiles()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RpcCountingProxy wire(aria2.rpcUrl());
        QVERIFY(wire.listen());
        Fixture f;
        f.addEngine(u"NAS"_s, wire.url(), aria2.secret());
        f.open();
        const QString folder = aria2.downloadDir() + u"/done"_s;
        const QList<DownloadId> remote = f.addLinks({m_nginx.url(u"/file0.bin"_s), m_nginx.url(u"/file1.bin"_s)},
                                                    u"NAS"_s, folder);
        const QList<DownloadId> failed = f.addLinks({m_nginx.url(u"/nowhere.bin"_s)}, u"NAS"_s, folder);
        const QList<DownloadId> local = f.addLinks({m_nginx.url(u"/file2.bin"_s)}, {}, {});
        QTRY_VERIFY_WITH_TIMEOUT(f.window->engine()->scheduler()->isIdle(), 60000);
        for (const DownloadId id : remote + local)
            QCOMPARE(f.model()->find(id)->state, DownloadState::Finished);
        QCOMPARE(f.model()->find(failed.constFirst())->state, DownloadState::Failed);
        QStringList gids;
        for (const DownloadId id : remote)
            gids.append(Aria2::Transfer::gidIn(f.model()->find(id)->backendState));
        // The daemon's results for them were dropped as they finished; Clear Finished makes sure, in one request.
        const auto clears = [&wire] {
            QList<RpcCountingProxy::Request> found;
            for (const RpcCountingProxy::Request &request : wire.requests()) {
                if (request.method == "system.multicall"_L1 && request.innerMethods.contains(u"aria2.removeDownloadResult"_s))
                    found.append(request);
            }
            return found;
        };
        // Rows finishing in the same moment may have had their results dropped in one batch already. Once the
        // daemon holds neither result, those requests have passed the proxy: what comes after is Clear Finished's.
        for (const QString &gid : std::as_const(gids))
            QTRY_VERIFY(statusOn(aria2, gid).contains("\"error\""));
        const qsizetype before = clears().size();

        QTRY_VERIFY(f.window->action(MainWindow::Action::ClearFinished)->isEnabled());
        f.window->action(MainWindow::Action::ClearFinished)->trigger();
        QTRY_COMPARE(f.model()->rowCount(), 1);   // the failed row stays
        QVERIFY(f.model()->find(failed.constFirst()));
        QTRY_COMPARE(clears().size(), before + 1);
        QCOMPARE(clears().constLast().innerMethods,
                 QStringList({u"aria2.removeDownloadResult"_s, u"aria2.removeDownloadResult"_s}));
        for (const QString &gid : std::as_const(gids))
            QVERIFY(statusOn(aria2, gid).contains("\"error\""));
        QVERIFY2(holdsNothing(aria2), everythingOn(aria2).constData());
        // The files stay, on the daemon's disk and on this computer's.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(fileSha256(QDir(folder).filePath(u"file%1.bin"_s.arg(i))), sha256(m_files.at(i)));
        QCOMPARE(fileSha256(QDir(f.downloads).filePath(u"file2.bin"_s)), sha256(m_files.at(2)));
    }

    void aDownloadsOwnLimitGoesToTheDaemon()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"128K"_s}), qPrintable(aria2.errorString()));
        Fixture f;
        f.addEngine(u"NAS"_s, aria2.rpcUrl(), aria2.secret());
        f.open();
        const QString folder = aria2.downloadDir();

        // Running there: the daemon's download takes the limit at once, and lets it go.
        const DownloadId running = f.addLinks({m_nginx.url(u"/file1.bin"_s)}, u"NAS"_s, folder).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(f.model()->find(running)->state == DownloadState::Downloading
                                     && f.model()->find(running)->bytesReceived > 0, 30000);
        const QString gid = Aria2::Transfer::gidIn(f.model()->find(running)->backendState);
        QCOMPARE(limitOn(aria2, gid), QByteArray("0"));
        f.limitSpeed(running, 100);
        QCOMPARE(f.model()->find(running)->rateLimit, qint64(100 * 1024));
        QTRY_COMPARE(limitOn(aria2, gid), QByteArray("102400"));
        f.limitSpeed(running, 0);
        QTRY_COMPARE(limitOn(aria2, gid), QByteArray("0"));
        // This computer's limiter knows nothing of it: its limit is the daemon's.
        QCOMPARE(f.window->engine()->rateLimiter()->downloadRate(running), qint64(0));

        // Paused there: it waits with the new limit.
        f.limitSpeed(running, 48);
        QTRY_COMPARE(limitOn(aria2, gid), QByteArray("49152"));
        f.select(running);
        f.window->action(MainWindow::Action::Pause)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(running)->state, DownloadState::Paused, 30000);
        f.limitSpeed(running, 80);
        QTRY_COMPARE(limitOn(aria2, gid), QByteArray("81920"));

        // Limited before it ever reached the daemon: added with its limit.
        const DownloadId later = f.addLinks({m_nginx.url(u"/file2.bin"_s)}, u"NAS"_s, folder, Intent::Pause).constFirst();
        QCOMPARE(f.model()->find(later)->state, DownloadState::Paused);
        f.limitSpeed(later, 64);
        f.select(later);
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(Aria2::isGid(Aria2::Transfer::gidIn(f.model()->find(later)->backendState)), 30000);
        const QString laterGid = Aria2::Transfer::gidIn(f.model()->find(later)->backendState);
        QCOMPARE(limitOn(aria2, laterGid), QByteArray("65536"));
        // And the row limited while paused goes on with its limit when resumed.
        f.select(running);
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(running)->state, DownloadState::Downloading, 30000);
        QCOMPARE(Aria2::Transfer::gidIn(f.model()->find(running)->backendState), gid);
        QCOMPARE(limitOn(aria2, gid), QByteArray("81920"));
    }

    void aDaemonThatIsDownSaysSoInItsRows()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        Fixture f;
        f.settings.setMaxRetries(100);
        f.settings.setRetryBaseSeconds(5);
        f.addEngine(u"NAS"_s, QUrl(u"http://127.0.0.1:%1/jsonrpc"_s.arg(port)), "token");
        f.open();
        const QList<DownloadId> ids = f.addLinks({m_nginx.url(u"/file0.bin"_s), m_nginx.url(u"/file1.bin"_s)},
                                                 u"NAS"_s, u"/srv/nas"_s);
        for (const DownloadId id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(f.cell(id, QueueModel::StatusColumn).startsWith(u"NAS unreachable, retrying in "_s), 20000);
            QCOMPARE(f.model()->find(id)->state, DownloadState::Retrying);
        }
        // The full sentence is one hover away: what failed and what to do.
        QVERIFY(f.model()->find(ids.at(0))->lastError.contains(u"Check that aria2 runs there"_s));
    }
};

QTEST_MAIN(TestRemoteWindow)
#include "tst_remotewindow.moc"
