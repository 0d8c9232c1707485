// The real MainWindow against the local fault server: what a person does, and sees.

#include "addlinkspanel.h"
#include "appsettings.h"
#include "changelinkdialog.h"
#include "engine/downloadengine.h"
#include "faultserver.h"
#include "leftoverpart.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "session/sessionlock.h"
#include "settingsdialog.h"
#include "testutil.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
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
            settings.setStallTimeoutSeconds(5);
            settings.setRetryBaseSeconds(0.1);
            window = std::make_unique<MainWindow>(&settings);
            window->resize(1100, 700);
            window->show();
        }
        QueueModel *model() const { return window->engine()->model(); }
        QString file(const QString &name) const { return QDir(downloads).filePath(name); }
        // The view row (through the sort proxy) showing a download.
        int viewRow(DownloadId id) const
        {
            QAbstractItemModel *view = window->queueView()->model();
            for (int row = 0; row < view->rowCount(); ++row) {
                if (view->index(row, 0).data(QueueModel::IdRole).value<DownloadId>() == id)
                    return row;
            }
            return -1;
        }
        QString cell(DownloadId id, int column) const
        {
            QAbstractItemModel *view = window->queueView()->model();
            return view->index(viewRow(id), column).data().toString();
        }
        void select(const QList<DownloadId> &ids) const
        {
            QTableView *view = window->queueView();
            view->clearSelection();
            for (DownloadId id : ids)
                view->selectionModel()->select(view->model()->index(viewRow(id), 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        void paste(const QStringList &lines) const
        {
            window->addLinksPanel()->setText(lines.join(u'\n'));
            window->addLinksPanel()->submit(Quiver::Intent::Pause);
        }
    };

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.release();
        m_server.close();
        m_server.reset();
    }

    void pasteLinksClickStartAndEveryRowFinishes()
    {
        Fixture f;
        QStringList lines{u"Here are the files you asked for:"_s};
        QList<QByteArray> contents;
        for (int i = 0; i < 6; ++i) {
            contents.append(randomBytes(200000 + i * 3001, 700 + i));
            m_server.serveFile(u"/doc%1.pdf"_s.arg(i), contents.constLast());
            lines.append(u"  - "_s + m_server.url(u"/doc%1.pdf"_s.arg(i)).toString());
        }
        f.paste(lines);
        QTRY_COMPARE(f.model()->rowCount(), 6);
        const QList<DownloadId> ids = f.model()->ids();
        QCOMPARE(f.cell(ids.at(0), QueueModel::StatusColumn), u"Not started"_s);
        QCOMPARE(m_server.requests().size(), 0);   // nothing moves before Start

        f.window->action(MainWindow::Action::StartAll)->trigger();
        for (DownloadId id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        f.model()->flush();
        for (int i = 0; i < ids.size(); ++i) {
            QCOMPARE(fileSha256(f.file(u"doc%1.pdf"_s.arg(i))), sha256(contents.at(i)));
            QCOMPARE(f.cell(ids.at(i), QueueModel::StatusColumn), u"Finished"_s);
            QCOMPARE(f.cell(ids.at(i), QueueModel::ProgressColumn), u"100%"_s);
            QCOMPARE(f.cell(ids.at(i), QueueModel::NameColumn), u"doc%1.pdf"_s.arg(i));
        }
        // The same links pasted again are pointed out, not queued twice.
        f.paste(lines);
        QCOMPARE(f.model()->rowCount(), 6);
    }

    // Issue 8: links pasted into the box waited there until "Add to queue", and Start All started nothing.
    void pastedLinksDownloadWithStartAllWithoutAdding()
    {
        Fixture f;
        QStringList lines{u"The files:"_s};
        QList<QByteArray> contents;
        for (int i = 0; i < 4; ++i) {
            contents.append(randomBytes(150000 + i * 7001, 780 + i));
            m_server.serveFile(u"/pasted%1.bin"_s.arg(i), contents.constLast());
            lines.append(m_server.url(u"/pasted%1.bin"_s.arg(i)).toString());
        }
        f.window->addLinksPanel()->setText(lines.join(u'\n'));   // pasted, nothing pressed in the box
        QCOMPARE(f.model()->rowCount(), 0);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE(f.model()->rowCount(), 4);
        const QList<DownloadId> ids = f.model()->ids();
        for (DownloadId id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(fileSha256(f.file(u"pasted%1.bin"_s.arg(i))), sha256(contents.at(i)));
            QCOMPARE(m_server.requestsFor(u"/pasted%1.bin"_s.arg(i)).size(), 1);
        }
        QVERIFY(f.window->addLinksPanel()->text().isEmpty());
    }

    // Start with no row selected is "download what I pasted"; rows that wait keep waiting.
    void startWithNothingSelectedDownloadsTheLinksInTheBox()
    {
        Fixture f;
        const QByteArray content = randomBytes(120000, 790);
        m_server.serveFile(u"/waiting.bin"_s, randomBytes(1000, 791));
        m_server.serveFile(u"/new.bin"_s, content);
        f.paste({m_server.url(u"/waiting.bin"_s).toString()});   // Add Paused
        QTRY_COMPARE(f.model()->rowCount(), 1);
        const DownloadId waiting = f.model()->ids().constFirst();
        QAction *start = f.window->action(MainWindow::Action::Start);
        QVERIFY(!start->isEnabled());   // nothing selected, nothing in the box

        f.window->addLinksPanel()->setText(m_server.url(u"/new.bin"_s).toString());
        QTRY_VERIFY(start->isEnabled());
        start->trigger();
        QTRY_COMPARE(f.model()->rowCount(), 2);
        const DownloadId added = f.model()->ids().at(1);
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(added)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"new.bin"_s)), sha256(content));
        QCOMPARE(f.model()->find(waiting)->state, DownloadState::Paused);
        QCOMPARE(m_server.requestsFor(u"/waiting.bin"_s).size(), 0);
        QVERIFY(!start->isEnabled());
    }

    // Issue 8: Ctrl+Shift+Return did nothing while the cursor was in the box, where it is after a paste.
    void startAllShortcutWorksFromTheLinksBox()
    {
        Fixture f;
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        const QByteArray content = randomBytes(90000, 792);
        m_server.serveFile(u"/typed.bin"_s, content);
        auto *edit = f.window->findChild<QPlainTextEdit *>(u"linksEdit"_s);
        edit->setFocus();
        QTest::keyClicks(edit, m_server.url(u"/typed.bin"_s).toString());
        QSignalSpy startAll(f.window->action(MainWindow::Action::StartAll), &QAction::triggered);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(startAll.count(), 1);
        QTRY_COMPARE(f.model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(f.model()->ids().constFirst())->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"typed.bin"_s)), sha256(content));
    }

    // Issue 8: a second window on the same queue file restored it and overwrote the other's rows.
    void aQueueFileHeldByAnotherProgramIsNeitherRestoredNorSaved()
    {
        QTemporaryDir dir;
        const QString session = QDir(dir.path()).filePath(u"queue.json"_s);
        const QByteArray saved = "{\"version\":1,\"items\":[\n{\"attempts\":0,\"attemptsWithoutProgress\":0,"
                                 "\"bytesReceived\":0,\"bytesTotal\":-1,\"directory\":\"" + dir.path().toUtf8()
                               + "\",\"intent\":\"pause\",\"state\":\"paused\",\"url\":\"http://127.0.0.1:9/kept.bin\"}\n]}\n";
        QVERIFY(!writeFile(session, saved).isEmpty());
        SessionLock holder(session);
        QCOMPARE(holder.tryLock(), SessionLock::Outcome::Locked);
        {
            AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
            settings.setDownloadDirectory(dir.path());
            MainWindow window(&settings);
            window.useSession(session);
            window.show();
            QCOMPARE(window.engine()->model()->rowCount(), 0);
            auto *box = window.findChild<QMessageBox *>(u"sessionInUse"_s);
            QVERIFY(box);
            const QString why = u"The queue file “%1” is in use by %2 (process %3)."_s.arg(
                session, QFileInfo(QCoreApplication::applicationFilePath()).fileName(),
                QString::number(QCoreApplication::applicationPid()));
            QVERIFY2(box->informativeText().startsWith(why), qPrintable(box->informativeText()));
            window.addLinksPanel()->setText(m_server.url(u"/other.bin"_s).toString());
            window.addLinksPanel()->submit(Quiver::Intent::Pause);
            QTRY_COMPARE(window.engine()->model()->rowCount(), 1);
            window.close();
        }
        QCOMPARE(readFile(session), saved);
    }

    void pasteOfManyLinksQueuesThemWithoutTheTextBox()
    {
        // Paste Links (the window's Ctrl+V) with more lines than the text box takes: read off the GUI
        // thread, queued all the same, and pointed out as queued when pasted again.
        Fixture f;
        f.window->addLinksPanel()->setConfirmLargeAdd([](int) { return true; });
        QString text;
        for (int i = 0; i < 20'000; ++i)
            text += m_server.url(u"/many/%1.bin"_s.arg(i)).toString() + u'\n';
        QGuiApplication::clipboard()->setText(text);
        f.window->action(MainWindow::Action::AddLinks)->trigger();
        QVERIFY(f.window->addLinksPanel()->text().isEmpty());
        f.window->addLinksPanel()->submit(Quiver::Intent::Pause);
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->rowCount(), 20'000, 60'000);
        QCOMPARE(f.model()->at(19'999).url, m_server.url(u"/many/19999.bin"_s));
        QCOMPARE(f.model()->at(0).state, DownloadState::Paused);

        f.window->action(MainWindow::Action::AddLinks)->trigger();
        f.window->addLinksPanel()->submit(Quiver::Intent::Pause);
        auto *summary = f.window->addLinksPanel()->findChild<QLabel *>(u"summaryLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"already in the queue"_s), 60'000);
        QCOMPARE(f.model()->rowCount(), 20'000);
    }

    void droppedTextFileQueuesItsLinksAndReportsBadLines()
    {
        Fixture f;
        const QByteArray a = randomBytes(1000, 710);
        const QByteArray b = randomBytes(2000, 711);
        m_server.serveFile(u"/a.txt"_s, a);
        m_server.serveFile(u"/b.txt"_s, b);
        const QString listPath = QDir(f.dir.path()).filePath(u"links.txt"_s);
        writeFile(listPath, m_server.url(u"/a.txt"_s).toEncoded() + "\nftp://nope.example/file\n"
                                + m_server.url(u"/b.txt"_s).toEncoded() + "\n");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(listPath)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.window.get(), &drop);
        QTRY_COMPARE(f.window->addLinksPanel()->current().links.size(), 2);
        const ParsedLinks parsed = f.window->addLinksPanel()->current();
        QCOMPARE(parsed.problems.size(), 1);
        QCOMPARE(parsed.problems.constFirst().line, 2);
        f.window->addLinksPanel()->submit(Quiver::Intent::Pause);
        QTRY_COMPARE(f.model()->rowCount(), 2);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(f.model()->ids().at(1))->state, DownloadState::Finished, 20000);
        QTRY_COMPARE(f.model()->find(f.model()->ids().at(0))->state, DownloadState::Finished);
        QCOMPARE(fileSha256(f.file(u"a.txt"_s)), sha256(a));
        QCOMPARE(fileSha256(f.file(u"b.txt"_s)), sha256(b));
    }

    void failedRowShowsItsReason()
    {
        Fixture f;
        m_server.script(u"/missing.iso"_s, {FaultServer::statusPage(404)});
        f.paste({m_server.url(u"/missing.iso"_s).toString()});
        QTRY_COMPARE(f.model()->rowCount(), 1);
        const DownloadId id = f.model()->ids().constFirst();
        f.window->action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE(f.model()->find(id)->state, DownloadState::Failed);
        f.model()->flush();
        const QString reason = u"Server answered 404 Not Found: the file is not there. Check the link."_s;
        QCOMPARE(f.cell(id, QueueModel::StatusColumn), u"Failed: "_s + reason);
        QAbstractItemModel *view = f.window->queueView()->model();
        QCOMPARE(view->index(f.viewRow(id), QueueModel::StatusColumn).data(Qt::ToolTipRole).toString(), reason);
        f.select({id});
        QTRY_VERIFY(f.window->detailsText().contains(reason));
        QVERIFY(f.window->action(MainWindow::Action::Retry)->isEnabled());
        QVERIFY(!f.window->action(MainWindow::Action::OpenFile)->isEnabled());
        QCOMPARE(m_server.requestsFor(u"/missing.iso"_s).size(), 1);
    }

    void pauseThenResumeContinuesFromTheBytesOnDisk()
    {
        Fixture f;
        const QByteArray content = randomBytes(1500000, 720);
        Reply held = FaultServer::rangeReply(content);
        held.fault = Fault::HoldAfter;
        held.faultAfter = 400000;
        m_server.script(u"/big.bin"_s, {held, FaultServer::rangeReply(content)});
        f.paste({m_server.url(u"/big.bin"_s).toString()});
        QTRY_COMPARE(f.model()->rowCount(), 1);
        const DownloadId id = f.model()->ids().constFirst();
        f.select({id});
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->bytesReceived, 400000, 10000);
        f.window->action(MainWindow::Action::Pause)->trigger();
        QTRY_COMPARE(f.model()->find(id)->state, DownloadState::Paused);
        QCOMPARE(QFileInfo(f.file(u"big.bin.part"_s)).size(), 400000);
        f.model()->flush();
        QCOMPARE(f.cell(id, QueueModel::StatusColumn), u"Paused"_s);
        QVERIFY(f.window->action(MainWindow::Action::Resume)->isEnabled());
        f.window->action(MainWindow::Action::Resume)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"big.bin"_s)), sha256(content));
        QCOMPARE(m_server.requestsFor(u"/big.bin"_s).constLast().header("range"), resumeRange(400000));
    }

    void settingsDialogChangesTheCapOfTheRunningQueue()
    {
        Fixture f;
        f.settings.setMaxParallel(1);
        // Settings changes are coalesced and reach the engine from the event loop.
        QTRY_COMPARE(f.window->engine()->scheduler()->maxParallel(), 1);
        QStringList lines;
        for (int i = 0; i < 5; ++i) {
            Reply held = FaultServer::rangeReply(randomBytes(50000, 730 + i));
            held.fault = Fault::HoldAfter;
            held.faultAfter = 1000;
            m_server.script(u"/c%1"_s.arg(i), {held});
            lines.append(m_server.url(u"/c%1"_s.arg(i)).toString());
        }
        f.paste(lines);
        QTRY_COMPARE(f.model()->rowCount(), 5);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE(m_server.activeRequests(), 1);
        QCOMPARE(f.window->engine()->scheduler()->activeCount(), 1);

        SettingsDialog dialog(&f.settings, f.window.get());
        dialog.show();
        auto *parallel = dialog.findChild<QSpinBox *>(u"parallelSpin"_s);
        QVERIFY(parallel);
        parallel->setValue(3);
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Apply)->click();
        QTRY_COMPARE(f.window->engine()->scheduler()->activeCount(), 3);
        QTRY_COMPARE(m_server.activeRequests(), 3);
        QCOMPARE(f.window->engine()->scheduler()->maxParallel(), 3);
    }

    void removeAsksAndDeletesOnlyWhenToldTo()
    {
        Fixture f;
        const QByteArray content = randomBytes(3000, 740);
        m_server.serveFile(u"/keep.bin"_s, content);
        m_server.serveFile(u"/drop.bin"_s, content);
        f.paste({m_server.url(u"/keep.bin"_s).toString(), m_server.url(u"/drop.bin"_s).toString()});
        QTRY_COMPARE(f.model()->rowCount(), 2);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        const QList<DownloadId> ids = f.model()->ids();
        QTRY_COMPARE(f.model()->find(ids.at(0))->state, DownloadState::Finished);
        QTRY_COMPARE(f.model()->find(ids.at(1))->state, DownloadState::Finished);

        int asked = 0;
        f.window->setRemoveQuestion([&](int count, bool anyFinished) {
            ++asked;
            Q_UNUSED(count);
            Q_UNUSED(anyFinished);
            return asked == 1 ? MainWindow::RemoveChoice::KeepFiles : MainWindow::RemoveChoice::DeleteFiles;
        });
        f.select({ids.at(0)});
        f.window->action(MainWindow::Action::Remove)->trigger();
        QCOMPARE(f.model()->rowCount(), 1);
        QVERIFY(QFile::exists(f.file(u"keep.bin"_s)));
        f.select({ids.at(1)});
        f.window->action(MainWindow::Action::Remove)->trigger();
        QCOMPARE(f.model()->rowCount(), 0);
        QTRY_VERIFY(!QFile::exists(f.file(u"drop.bin"_s)));
        QCOMPARE(asked, 2);
    }

    // Issue 12: a .part of Quiver's that no queue entry owns (its queue file was lost) is shown to the person,
    // who continues it here.
    void unfinishedDownloadsNotInTheListAreOfferedAndContinued()
    {
        QTemporaryDir dir;
        const QString downloads = QDir(dir.path()).filePath(u"downloads"_s);
        QVERIFY(QDir().mkpath(downloads));
        const QByteArray content = randomBytes(400000, 780);
        m_server.serveFile(u"/found.iso"_s, content);
        if (!leaveAPart(QDir(downloads).filePath(u"found.iso.part"_s), m_server.url(u"/found.iso"_s), content, 150000))
            QSKIP("the test folder keeps no extended attributes");
        AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
        settings.setDownloadDirectory(downloads);
        MainWindow window(&settings);
        window.useSession(QDir(dir.path()).filePath(u"queue.json"_s));
        window.show();
        QMessageBox *offer = nullptr;
        QTRY_VERIFY((offer = window.findChild<QMessageBox *>(u"leftovers"_s)) != nullptr);
        QVERIFY2(offer->informativeText().contains(u"found.iso.part"_s), qPrintable(offer->informativeText()));
        QCOMPARE(window.engine()->model()->rowCount(), 0);   // nothing is done before the person answers
        QAbstractButton *resume = nullptr;
        for (QAbstractButton *button : offer->buttons()) {
            if (button->text() == u"Continue Them"_s)
                resume = button;
        }
        QVERIFY(resume);
        resume->click();
        QTRY_COMPARE(window.engine()->model()->rowCount(), 1);
        const DownloadId id = window.engine()->model()->ids().constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(window.engine()->model()->find(id)->state, DownloadState::Finished, 10000);
        QCOMPARE(fileSha256(QDir(downloads).filePath(u"found.iso"_s)), sha256(content));
        QCOMPARE(m_server.requestsFor(u"/found.iso"_s).constFirst().header("range"), resumeRange(150000));
    }

    // The pattern settings reach the links box at once: the text there is checked again with them.
    void patternSettingsReachTheLinksBox()
    {
        Fixture f;
        AddLinksPanel *panel = f.window->addLinksPanel();
        auto *summary = panel->findChild<QLabel *>(u"summaryLabel"_s);
        panel->setText(u"https://host/img[001-120].jpg"_s);
        QTRY_COMPARE(summary->text(), u"120 links found · 120 made by patterns"_s);
        f.settings.setMaxPatternLinks(50);
        QTRY_COMPARE(summary->text(), u"No links found · 1 line rejected"_s);
        f.settings.setExpandPatterns(false);
        QTRY_COMPARE(summary->text(), u"1 link found"_s);
    }

    void queueIsRestoredAfterARestartAndContinues()
    {
        QTemporaryDir dir;
        const QString ini = QDir(dir.path()).filePath(u"quiver.ini"_s);
        const QString session = QDir(dir.path()).filePath(u"queue.json"_s);
        const QString downloads = QDir(dir.path()).filePath(u"downloads"_s);
        const QByteArray content = randomBytes(900000, 760);
        Reply held = FaultServer::rangeReply(content);
        held.fault = Fault::HoldAfter;
        held.faultAfter = 300000;
        m_server.script(u"/restart.bin"_s, {held, FaultServer::rangeReply(content)});
        m_server.script(u"/later.bin"_s, {FaultServer::rangeReply(content)});
        {
            AppSettings settings(ini);
            settings.setDownloadDirectory(downloads);
            MainWindow window(&settings);
            window.useSession(session);
            window.show();
            window.addLinksPanel()->setText(m_server.url(u"/restart.bin"_s).toString() + u"\n"_s
                                            + m_server.url(u"/later.bin"_s).toString());
            window.addLinksPanel()->submit(Quiver::Intent::Pause);
            QTRY_COMPARE(window.engine()->model()->rowCount(), 2);
            const DownloadId first = window.engine()->model()->ids().constFirst();
            window.engine()->scheduler()->resume({first});
            QTRY_COMPARE_WITH_TIMEOUT(window.engine()->model()->find(first)->bytesReceived, 300000, 10000);
            window.close();   // quitting mid-download: the queue is saved, the .part stays
        }
        m_server.release();
        AppSettings settings(ini);
        MainWindow window(&settings);
        window.useSession(session);
        window.show();
        QueueModel *model = window.engine()->model();
        QCOMPARE(model->rowCount(), 2);
        const DownloadId first = model->ids().at(0);
        const DownloadId second = model->ids().at(1);
        QCOMPARE(model->find(second)->state, DownloadState::Paused);   // never started: still waits for Start
        QTRY_COMPARE_WITH_TIMEOUT(model->find(first)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(QDir(downloads).filePath(u"restart.bin"_s)), sha256(content));
        const QByteArray range = m_server.requestsFor(u"/restart.bin"_s).constLast().header("range");
        QVERIFY2(range.startsWith("bytes=") && range != "bytes=0-", range.constData());
        // The same link pasted again is recognised as already queued.
        window.addLinksPanel()->setText(m_server.url(u"/later.bin"_s).toString());
        window.addLinksPanel()->submit(Quiver::Intent::Pause);
        QCOMPARE(model->rowCount(), 2);
    }

    void changeLinkGivesAFailedRowANewLinkThatKeepsItsBytes()
    {
        Fixture f;
        const QByteArray content = randomBytes(600000, 770);
        // The link dies mid-file: the first answer ends early, asking for the rest is forbidden.
        m_server.handle(u"/expired.iso"_s, [content](const RecordedRequest &request) {
            if (!request.header("range").isEmpty())
                return FaultServer::statusPage(403);
            Reply partial = FaultServer::rangeReply(content, "\"iso\"");
            partial.fault = Fault::CloseAfter;
            partial.faultAfter = 100000;
            return partial;
        });
        m_server.serveFile(u"/mirror.iso"_s, content, "\"iso\"");
        m_server.serveFile(u"/done.bin"_s, randomBytes(1000, 771));
        const QUrl expired = m_server.url(u"/expired.iso"_s);
        const QUrl mirror = m_server.url(u"/mirror.iso"_s);
        const QUrl done = m_server.url(u"/done.bin"_s);
        f.paste({expired.toString(), done.toString()});
        QTRY_COMPARE(f.model()->rowCount(), 2);
        const DownloadId id = f.model()->ids().at(0);
        const DownloadId finished = f.model()->ids().at(1);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Failed, 20000);
        QTRY_COMPARE(f.model()->find(finished)->state, DownloadState::Finished);
        QCOMPARE(f.model()->find(id)->bytesReceived, 100000);

        // One row that is not finished.
        QAction *change = f.window->action(MainWindow::Action::ChangeLink);
        f.select({id, finished});
        QVERIFY(!change->isEnabled());
        f.select({finished});
        QVERIFY(!change->isEnabled());
        f.select({id});
        QVERIFY(change->isEnabled());
        change->trigger();
        ChangeLinkDialog *dialog = f.window->changeLinkDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *current = dialog->findChild<QLineEdit *>(u"currentEdit"_s);
        auto *edit = dialog->findChild<QLineEdit *>(u"newEdit"_s);
        auto *message = dialog->findChild<QLabel *>(u"messageLabel"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
        QVERIFY(current && edit && message && buttons);
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        QCOMPARE(current->text(), expired.toString());
        QVERIFY(!ok->isEnabled());

        QTest::keyClicks(edit, u"ftp://mirror.example.org/x.iso"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(message->text().contains(u"only http and https links"_s), qPrintable(message->text()));
        edit->setText(u"https://"_s);
        QVERIFY(!ok->isEnabled());
        edit->setText(done.toString());
        QVERIFY(!ok->isEnabled());
        QVERIFY2(message->text().contains(u"already in the queue"_s), qPrintable(message->text()));
        edit->setText(mirror.toString());
        QVERIFY(ok->isEnabled());
        QVERIFY2(message->text().contains(u"97.7\u00A0KiB already downloaded are kept if the new link serves the same "
                                          "file"_s), qPrintable(message->text()));
        ok->click();
        QTRY_VERIFY(!f.window->changeLinkDialog());

        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"expired.iso"_s)), sha256(content));
        const auto requests = m_server.requestsFor(u"/mirror.iso"_s);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.constFirst().header("range"), resumeRange(100000));
        f.model()->flush();
        QCOMPARE(f.cell(id, QueueModel::UrlColumn), mirror.toString());
        QCOMPARE(f.cell(id, QueueModel::NameColumn), u"expired.iso"_s);
        QTRY_VERIFY(f.window->detailsText().contains(u"The new link serves the same file"_s));
        // The old link is no longer in the queue; the new one is.
        f.paste({expired.toString(), mirror.toString()});
        QTRY_COMPARE(f.model()->rowCount(), 3);
        QCOMPARE(f.model()->find(f.model()->ids().at(2))->url, expired);
    }

    void columnLayoutIsRemembered()
    {
        QTemporaryDir dir;
        const QString ini = QDir(dir.path()).filePath(u"quiver.ini"_s);
        {
            AppSettings settings(ini);
            MainWindow window(&settings);
            window.show();
            QHeaderView *header = window.queueView()->horizontalHeader();
            header->resizeSection(QueueModel::NameColumn, 333);
            header->moveSection(header->visualIndex(QueueModel::UrlColumn), 0);
            window.close();
        }
        AppSettings settings(ini);
        MainWindow window(&settings);
        window.show();
        QHeaderView *header = window.queueView()->horizontalHeader();
        QCOMPARE(header->sectionSize(QueueModel::NameColumn), 333);
        QCOMPARE(header->visualIndex(QueueModel::UrlColumn), 0);
    }

    // Size, place and the heights of the links box, the table and the details pane survive a restart.
    void windowLayoutIsRemembered()
    {
        QTemporaryDir dir;
        const QString ini = QDir(dir.path()).filePath(u"quiver.ini"_s);
        const QRect geometry(40, 50, 900, 640);
        QList<int> heights;
        {
            AppSettings settings(ini);
            MainWindow window(&settings);
            window.setGeometry(geometry);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
            QVERIFY(splitter);
            const QList<int> before = splitter->sizes();
            const int total = before.at(0) + before.at(1) + before.at(2);
            splitter->setSizes({total / 2, total / 3, total - total / 2 - total / 3});
            heights = splitter->sizes();
            QVERIFY(heights != before);
            window.close();
        }
        AppSettings settings(ini);
        MainWindow window(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.geometry().size(), geometry.size());
        QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), heights);
    }

    void columnsSortByRealValues()
    {
        Fixture f;
        // Sizes whose text sorts differently from their numbers: "9.8 KiB" > "10.0 MiB" as text.
        m_server.serveFile(u"/small"_s, randomBytes(10000, 750));
        m_server.serveFile(u"/big"_s, randomBytes(10 * 1024 * 1024, 751));
        m_server.serveFile(u"/mid"_s, randomBytes(200000, 752));
        f.paste({m_server.url(u"/small"_s).toString(), m_server.url(u"/big"_s).toString(),
                 m_server.url(u"/mid"_s).toString()});
        QTRY_COMPARE(f.model()->rowCount(), 3);
        f.window->action(MainWindow::Action::StartAll)->trigger();
        for (DownloadId id : f.model()->ids())
            QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        f.window->queueView()->sortByColumn(QueueModel::SizeColumn, Qt::AscendingOrder);
        QAbstractItemModel *view = f.window->queueView()->model();
        QCOMPARE(view->index(0, QueueModel::NameColumn).data().toString(), u"small"_s);
        QCOMPARE(view->index(1, QueueModel::NameColumn).data().toString(), u"mid"_s);
        QCOMPARE(view->index(2, QueueModel::NameColumn).data().toString(), u"big"_s);
    }

private:
    FaultServer m_server;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
