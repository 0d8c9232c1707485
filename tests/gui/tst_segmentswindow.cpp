// Segmented downloads in the window: the Settings value reaches the engine, a row's own count (from its
// context menu) reaches the item, the transfer and the queue file, a running download takes a new count
// without fetching again what it has, and the details pane draws the map of done and running ranges of
// a real segmented download from the fault server. Every file is checked by SHA-256.

#include "addlinkspanel.h"
#include "appsettings.h"
#include "engine/downloadengine.h"
#include "faultserver.h"
#include "http/responsejudge.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "segmentbar.h"
#include "settingsdialog.h"
#include "testutil.h"
#include "util/byteranges.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype mib = 1024 * 1024;
constexpr qint64 heldAfter = 256 * 1024;

// A closed range request of a segment ("bytes=B-E"); the probe asks for "bytes=0-".
std::optional<ByteRange> segmentRange(const RecordedRequest &request)
{
    const QByteArray range = request.header("range");
    if (!range.startsWith("bytes=") || range.endsWith('-'))
        return std::nullopt;
    const QList<QByteArray> ends = range.mid(6).split('-');
    return ByteRange{ends.value(0).toLongLong(), ends.value(1).toLongLong() + 1};
}

} // namespace

class TestSegmentsWindow final : public QObject
{
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        AppSettings settings{QDir(dir.path()).filePath(u"quiver.ini"_s)};
        std::unique_ptr<MainWindow> window;
        QString downloads;

        explicit Fixture(int globalSegments)
        {
            downloads = QDir(dir.path()).filePath(u"downloads"_s);
            QDir().mkpath(downloads);
            settings.setDownloadDirectory(downloads);
            settings.setStallTimeoutSeconds(30);
            settings.setSegmentsPerDownload(globalSegments);
            open();
        }
        void open()
        {
            window = std::make_unique<MainWindow>(&settings);
            window->useSession(QDir(dir.path()).filePath(u"queue.json"_s));
            window->resize(1100, 700);
            window->show();
        }
        QueueModel *model() const { return window->engine()->model(); }
        QString file(const QString &name) const { return QDir(downloads).filePath(name); }
        DownloadId paste(const QUrl &url) const
        {
            window->addLinksPanel()->setText(url.toString());
            window->addLinksPanel()->submit(Quiver::Intent::Pause);
            if (!QTest::qWaitFor([this] { return model()->rowCount() == 1; }))
                return 0;
            return model()->ids().constFirst();
        }
        void select(DownloadId id) const
        {
            QTableView *view = window->queueView();
            QAbstractItemModel *rows = view->model();
            view->clearSelection();
            for (int row = 0; row < rows->rowCount(); ++row) {
                if (rows->index(row, 0).data(QueueModel::IdRole).value<DownloadId>() == id)
                    view->selectionModel()->select(rows->index(row, 0),
                                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
            }
        }
        // Connections… on the selected rows, answered with count (0: as in Settings).
        bool chooseConnections(int count) const
        {
            QAction *action = window->action(MainWindow::Action::Connections);
            if (!action->isEnabled())
                return false;
            action->trigger();
            auto *dialog = window->findChild<QInputDialog *>(u"connectionsDialog"_s);
            if (!dialog || !dialog->isVisible())
                return false;
            dialog->setIntValue(count);
            dialog->accept();
            return true;
        }
        SegmentBar *segmentBar() const
        {
            auto *bar = window->findChild<SegmentBar *>(u"segmentBar"_s);
            return bar && bar->isVisible() ? bar : nullptr;
        }
    };

    // Every answer is a real range of content; with the hold gate armed each one stops after heldAfter
    // bytes until release(), so the segments are seen running.
    void serveHeld(const QString &path, const QByteArray &content)
    {
        m_server.handle(path, [content](const RecordedRequest &) {
            Reply reply = FaultServer::rangeReply(content, "\"seg\"");
            reply.fault = Fault::HoldAfter;
            reply.faultAfter = heldAfter;
            return reply;
        });
    }

    int segmentRequests(const QString &path) const
    {
        int count = 0;
        for (const RecordedRequest &request : m_server.requestsFor(path))
            count += segmentRange(request) ? 1 : 0;
        return count;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_server.listen()); }
    void cleanup()
    {
        m_server.release();
        m_server.close();
        m_server.reset();
    }

    void settingsConnectionsReachTheEngine()
    {
        Fixture f(1);
        QTRY_COMPARE(f.window->engine()->settings().http.segments, 1);
        SettingsDialog dialog(&f.settings, f.window.get());
        dialog.show();
        auto *spin = dialog.findChild<QSpinBox *>(u"segmentsSpin"_s);
        QVERIFY(spin);
        QCOMPARE(spin->value(), 1);
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), maxSegments);
        QVERIFY2(spin->toolTip().contains(u"range"_s), qPrintable(spin->toolTip()));
        spin->setValue(6);
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons->button(QDialogButtonBox::Apply)->isEnabled());
        buttons->button(QDialogButtonBox::Apply)->click();
        QCOMPARE(f.settings.segmentsPerDownload(), 6);
        QTRY_COMPARE(f.window->engine()->settings().http.segments, 6);
        // Restore Defaults fills the form with the default (one), stored only on Apply.
        buttons->button(QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(spin->value(), 1);
        QCOMPARE(f.settings.segmentsPerDownload(), 6);
    }

    void rowCountReachesTheItemTheTransferAndTheQueueFile()
    {
        // Settings say one connection; this row asks for three of its own, and gets them.
        Fixture f(1);
        // Four MiB: three pieces of at least the minimum (1 MiB) fit, so three connections start at once.
        const QByteArray content = randomBytes(4 * mib, 41);
        serveHeld(u"/own.bin"_s, content);
        QVERIFY(f.paste(m_server.url(u"/own.bin"_s)));
        f.select(f.model()->ids().constFirst());
        QVERIFY(f.chooseConnections(3));
        QCOMPARE(int(f.model()->at(0).segments), 3);
        // Kept in the queue file: the window closes and opens again, and the row still has its own three.
        f.window->close();
        f.window.reset();
        f.open();
        QCOMPARE(f.model()->rowCount(), 1);
        QCOMPARE(int(f.model()->at(0).segments), 3);
        const DownloadId id = f.model()->ids().constFirst();
        f.select(id);
        f.window->action(MainWindow::Action::Start)->trigger();
        // The probe and two more ranges, each held after its first bytes.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 3, 10000);
        QCOMPARE(segmentRequests(u"/own.bin"_s), 2);

        // Back to the Settings' number (one): the running download keeps one connection, and nothing it
        // received is asked for again.
        QTRY_VERIFY(f.model()->segmentMap(id).done.size() == 3);
        const SegmentMap before = f.model()->segmentMap(id);
        ByteRanges received;
        for (const ByteRange &range : before.done)
            received.add(range);
        const int requestsBefore = int(m_server.requestsFor(u"/own.bin"_s).size());
        QVERIFY(f.chooseConnections(0));
        QCOMPARE(int(f.model()->find(id)->segments), 0);
        QTRY_COMPARE(m_server.activeRequests(), 1);
        QTRY_COMPARE(f.model()->segmentMap(id).running.size(), 1);
        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"own.bin"_s)), sha256(content));
        const QList<RecordedRequest> requests = m_server.requestsFor(u"/own.bin"_s);
        QVERIFY2(requests.size() > requestsBefore, "the ranges of the stopped connections were not fetched");
        for (qsizetype i = requestsBefore; i < requests.size(); ++i) {
            const std::optional<ByteRange> range = segmentRange(requests.at(i));
            QVERIFY2(range, requests.at(i).header("range").constData());
            QVERIFY2(!received.covers({range->begin, range->begin + 1}), requests.at(i).header("range").constData());
        }

        // A finished download has nothing left to fetch over any number of connections.
        f.select(id);
        QVERIFY(!f.window->action(MainWindow::Action::Connections)->isEnabled());
    }

    void runningDownloadTakesMoreConnectionsAtOnce()
    {
        Fixture f(2);
        const QByteArray content = randomBytes(4 * mib, 42);
        serveHeld(u"/more.bin"_s, content);
        const DownloadId id = f.paste(m_server.url(u"/more.bin"_s));
        f.select(id);
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 2, 10000);
        QVERIFY(f.chooseConnections(4));
        // Two more, each taking half of a running range.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 4, 10000);
        QCOMPARE(segmentRequests(u"/more.bin"_s), 3);
        QTRY_COMPARE(f.model()->segmentMap(id).running.size(), 4);
        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"more.bin"_s)), sha256(content));
    }

    void oneStreamAskedForMoreContinuesInSegmentsAtOnce()
    {
        Fixture f(1);
        const QByteArray content = randomBytes(3 * mib, 44);
        serveHeld(u"/one.bin"_s, content);
        const DownloadId id = f.paste(m_server.url(u"/one.bin"_s));
        f.select(id);
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->bytesReceived, heldAfter, 10000);
        QCOMPARE(segmentRequests(u"/one.bin"_s), 0);
        QVERIFY(f.chooseConnections(3));
        // A new attempt keeps the bytes of the one stream as the first range (all but the overlap a
        // resume fetches again) and fetches the rest in three pieces.
        QTRY_COMPARE_WITH_TIMEOUT(segmentRequests(u"/one.bin"_s), 3, 10000);
        for (const RecordedRequest &request : m_server.requestsFor(u"/one.bin"_s)) {
            if (const std::optional<ByteRange> range = segmentRange(request)) {
                QVERIFY2(range->begin >= heldAfter - ResponseJudge::maxOverlap, request.header("range").constData());
                QCOMPARE(request.header("if-range"), QByteArray("\"seg\""));
            }
        }
        QTRY_COMPARE(f.model()->segmentMap(id).running.size(), 3);
        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"one.bin"_s)), sha256(content));
    }

    void detailsPaneDrawsDoneAndRunningRanges()
    {
        Fixture f(4);
        const QByteArray content = randomBytes(4 * mib, 43);
        serveHeld(u"/map.bin"_s, content);
        const DownloadId id = f.paste(m_server.url(u"/map.bin"_s));
        f.select(id);
        QVERIFY(!f.segmentBar());   // nothing to draw before it runs
        f.window->action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 4, 10000);
        // Four pieces of 1 MiB, each received up to where the server holds it and running from there.
        QTRY_VERIFY_WITH_TIMEOUT(f.segmentBar() && f.segmentBar()->map().done.size() == 4
                                     && f.segmentBar()->map().running.size() == 4, 10000);
        const SegmentMap map = f.segmentBar()->map();
        QCOMPARE(map.total, 4 * mib);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(map.done.at(i), (ByteRange{i * mib, i * mib + heldAfter}));
            QCOMPARE(map.running.at(i), (ByteRange{i * mib + heldAfter, (i + 1) * mib}));
        }
        QVERIFY2(f.segmentBar()->toolTip().contains(u"4 connections are at work"_s), qPrintable(f.segmentBar()->toolTip()));
        QVERIFY2(f.window->detailsText().contains(u"4 at work now"_s), qPrintable(f.window->detailsText()));
        // The row's progress is the sum of the received ranges.
        f.model()->flush();
        QTRY_COMPARE(f.model()->find(id)->bytesReceived, 4 * heldAfter);

        // The bar shows the colours it says: received, being fetched, waiting.
        const QImage image = f.segmentBar()->grab().toImage();
        const int y = f.segmentBar()->contentsRect().top() + 4;
        const auto colourAt = [&](qint64 byte) {
            const double x = f.segmentBar()->contentsRect().left() + double(byte) / double(map.total) * f.segmentBar()->contentsRect().width();
            return image.pixelColor(int(x * image.devicePixelRatio()), int(y * image.devicePixelRatio()));
        };
        // Within one step of 8 bits: the colours are mixed in floating point and painted in 8 bits.
        const auto near = [](const QColor &a, const QColor &b) {
            return qAbs(a.red() - b.red()) <= 1 && qAbs(a.green() - b.green()) <= 1 && qAbs(a.blue() - b.blue()) <= 1;
        };
        QVERIFY(near(colourAt(mib / 16), f.segmentBar()->doneColor()));
        QVERIFY(near(colourAt(mib / 2), f.segmentBar()->runningColor()));
        QVERIFY(f.segmentBar()->doneColor() != f.segmentBar()->runningColor());
        QVERIFY(f.segmentBar()->runningColor() != f.segmentBar()->waitingColor());

        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(f.model()->find(id)->state, DownloadState::Finished, 20000);
        QCOMPARE(fileSha256(f.file(u"map.bin"_s)), sha256(content));
        // A finished file has no map: its progress says it all.
        QTRY_VERIFY(!f.segmentBar());
    }

private:
    FaultServer m_server;
};

QTEST_MAIN(TestSegmentsWindow)
#include "tst_segmentswindow.moc"
