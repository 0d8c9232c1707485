// A long list of links reaches the queue a part per event-loop turn (QueueFeeder): in order, never twice,
// and a Start All, a Pause All or closing the window meanwhile also covers the links still on their way.

#include "appsettings.h"
#include "engine/downloadengine.h"
#include "mainwindow.h"
#include "queuefeeder.h"
#include "queue/queuemodel.h"

#include "parsedlinks.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

QList<Link> numbered(const QString &prefix, int count)
{
    QList<Link> links;
    links.reserve(count);
    for (int i = 0; i < count; ++i)
        links.append(Link{QUrl(u"http://127.0.0.1:9/"_s + prefix + QString::number(i)), i + 1, {}});
    return links;
}

struct Part {
    qsizetype size = 0;
    QString directory;
    Intent intent = Intent::Pause;
};

// Records what a QueueFeeder hands over.
struct Recorder {
    QList<Part> parts;
    QList<Link> links;
    QStringList identities;
    QueueFeeder::AddPart add()
    {
        return [this](const QList<Link> &part, const QStringList &ids, const QString &directory, Intent intent,
                      const QString &) {
            parts.append(Part{part.size(), directory, intent});
            links.append(part);
            identities.append(ids);
        };
    }
};

} // namespace

class TestQueueFeeding final : public QObject
{
    Q_OBJECT

private slots:
    void feederKeepsTheOrderAcrossPartsAndLists()
    {
        Recorder recorder;
        QueueFeeder feeder(recorder.add());
        const QList<Link> first = numbered(u"a"_s, 25'000);
        QStringList identities;
        for (const Link &link : first)
            identities.append(linkIdentity(link.url));
        feeder.feed(first, identities, u"/one"_s, Intent::Pause);
        // The first part goes in at once; the rest waits for the event loop.
        QCOMPARE(recorder.parts.size(), 1);
        QCOMPARE(recorder.parts.at(0).size, QueueFeeder::partSize);
        QCOMPARE(feeder.pendingCount(), 25'000 - QueueFeeder::partSize);
        const QList<Link> second = numbered(u"b"_s, 3);
        feeder.feed(second, {}, u"/two"_s, Intent::Run);   // behind the first list, not before it
        QCOMPARE(recorder.parts.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(feeder.pendingCount(), 0, 30000);
        QCOMPARE(Test::urlsOf(recorder.links), Test::urlsOf(first + second));
        for (const Part &part : std::as_const(recorder.parts))
            QVERIFY(part.size <= QueueFeeder::partSize);
        const Part last = recorder.parts.constLast();
        QCOMPARE(last.size, 3);
        QCOMPARE(last.directory, u"/two"_s);
        QCOMPARE(last.intent, Intent::Run);
        QCOMPARE(recorder.parts.at(recorder.parts.size() - 2).directory, u"/one"_s);
        QCOMPARE(recorder.identities, identities);   // the second list came without them
    }

    void pendingLinksTakeALaterIntent()
    {
        Recorder recorder;
        QueueFeeder feeder(recorder.add());
        feeder.feed(numbered(u"a"_s, 25'000), {}, u"/d"_s, Intent::Pause);
        feeder.setPendingIntent(Intent::Run);
        feeder.finish();   // everything left, now
        QCOMPARE(feeder.pendingCount(), 0);
        QCOMPARE(recorder.links.size(), 25'000);
        QCOMPARE(recorder.parts.at(0).intent, Intent::Pause);   // already in the queue: not the feeder's to change
        for (qsizetype i = 1; i < recorder.parts.size(); ++i)
            QCOMPARE(recorder.parts.at(i).intent, Intent::Run);
    }

    void aLongListReachesTheWindowInOrderAndOnce()
    {
        QTemporaryDir dir;
        AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
        settings.setDownloadDirectory(dir.path());
        MainWindow window(&settings);
        window.show();
        QueueModel *model = window.engine()->model();
        const QList<Link> links = numbered(u"f"_s, 25'000);
        window.queueLinks(links);
        QVERIFY(model->rowCount() < links.size());
        QVERIFY(window.linksBeingQueued() > 0);
        window.queueLinks(links);   // the same list again, while the first is still arriving
        QTRY_COMPARE_WITH_TIMEOUT(window.linksBeingQueued(), 0, 30000);
        QCOMPARE(model->rowCount(), links.size());
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->at(row).url, links.at(row).url);
            QCOMPARE(model->at(row).state, DownloadState::Paused);
        }
    }

    void startAllAndPauseAllCoverLinksOnTheirWay()
    {
        QTemporaryDir dir;
        AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
        settings.setDownloadDirectory(dir.path());
        settings.setMaxParallel(1);
        MainWindow window(&settings);
        QueueModel *model = window.engine()->model();
        window.queueLinks(numbered(u"f"_s, 25'000));
        window.action(MainWindow::Action::PauseAll)->trigger();
        window.action(MainWindow::Action::StartAll)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.linksBeingQueued(), 0, 30000);
        QCOMPARE(model->rowCount(), 25'000);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->at(row).intent, Intent::Run);

        // Start All, then Pause All, while a second list is arriving: its rows end up paused. (Only its
        // rows are looked at: a row of the first list may have failed meanwhile, and Pause skips those.)
        const QList<Link> second = numbered(u"g"_s, 25'000);
        window.queueLinks(second);
        window.action(MainWindow::Action::StartAll)->trigger();
        window.action(MainWindow::Action::PauseAll)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.linksBeingQueued(), 0, 30000);
        QCOMPARE(model->rowCount(), 50'000);
        for (int row = 25'000; row < model->rowCount(); ++row)
            QCOMPARE(model->at(row).intent, Intent::Pause);
    }

    // The counts are written the way the add-links box writes them: "25,000", not "25000".
    void theStatusBarCountsTheLinksInTheUsersLocale()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QTemporaryDir dir;
        AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
        settings.setDownloadDirectory(dir.path());
        MainWindow window(&settings);
        window.show();
        window.queueLinks(numbered(u"f"_s, 25'000));
        const auto statusTexts = [&window] {
            QStringList texts;
            for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
                texts.append(label->text());
            return texts;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(statusTexts().contains(u"0 active · 25,000 queued · 0 finished · 0 failed"_s),
                                  qPrintable(statusTexts().join(u" | "_s)), 30000);
        QLocale::setDefault(QLocale::c());
    }

    // Links still on their way are kept when the window is closed, and when it is destroyed without
    // being closed (the program quitting).
    void theWindowGoingKeepsLinksOnTheirWay_data()
    {
        QTest::addColumn<bool>("closed");
        QTest::newRow("closed") << true;
        QTest::newRow("destroyed") << false;
    }

    void theWindowGoingKeepsLinksOnTheirWay()
    {
        QFETCH(bool, closed);
        QTemporaryDir dir;
        const QString ini = QDir(dir.path()).filePath(u"quiver.ini"_s);
        const QString session = QDir(dir.path()).filePath(u"queue.json"_s);
        const QList<Link> links = numbered(u"f"_s, 25'000);
        {
            AppSettings settings(ini);
            settings.setDownloadDirectory(dir.path());
            MainWindow window(&settings);
            window.useSession(session);
            window.show();
            window.queueLinks(links);
            QVERIFY(window.linksBeingQueued() > 0);
            if (closed)
                window.close();
        }
        AppSettings settings(ini);
        MainWindow window(&settings);
        window.useSession(session);
        QueueModel *model = window.engine()->model();
        QCOMPARE(model->rowCount(), links.size());
        QCOMPARE(model->at(links.size() - 1).url, links.constLast().url);
    }
};

QTEST_MAIN(TestQueueFeeding)
#include "tst_queuefeeding.moc"
