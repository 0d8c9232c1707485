// The pieces of the queue's table view. QueueSortProxy reads each row's sort key once and compares plain
// numbers or strings: the order must be exactly the one QSortFilterProxyModel gives, for every kind of
// key and for mixed ones. StatusDelegate cuts the Status column at its end. QueueTableModel says how
// each row reads, and none of it may carry a password or a control character from a hostile server.

#include "enginetestbase.h"
#include "hostileservers.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queuesortproxy.h"
#include "queuetablemodel.h"
#include "statusdelegate.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int SortRole = Qt::UserRole + 1;

// The source rows in the order a proxy shows them, by each row's label.
QStringList order(const QAbstractItemModel &proxy)
{
    QStringList labels;
    for (int row = 0; row < proxy.rowCount(); ++row)
        labels.append(proxy.index(row, 1).data().toString());
    return labels;
}

DownloadItem item(const QString &url)
{
    DownloadItem it;
    it.url = QUrl(url);
    it.directory = u"/tmp"_s;
    return it;
}

// Every text the table shows for a row: each column, as shown and as tooltip.
QStringList rowTexts(const QueueTableModel &table, int row)
{
    QStringList texts;
    for (int column = 0; column < table.columnCount(); ++column) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
            texts.append(table.data(table.index(row, column), role).toString());
    }
    return texts;
}

} // namespace

class TestQueueView final : public QObject
{
    Q_OBJECT

private slots:
    void sameOrderAsQt_data()
    {
        QTest::addColumn<QVariantList>("keys");
        QRandomGenerator random(7);
        QVariantList integers;
        QVariantList longs;
        QVariantList reals;
        QVariantList texts;
        for (int i = 0; i < 500; ++i) {
            integers.append(int(random.bounded(40)) - 20);   // many equal keys: the sort must be stable
            longs.append(qint64(random.bounded(1000)) * 10'000'000'000LL);
            reals.append(random.bounded(1.0) < 0.1 ? -1.0 : random.bounded(3.0));
            texts.append(u"file %1.bin"_s.arg(random.bounded(60)));
        }
        QTest::newRow("int") << integers;
        QTest::newRow("qint64") << longs;
        QTest::newRow("double") << reals;
        QTest::newRow("text") << texts;
        QVariantList mixed = integers.mid(0, 100);
        mixed[50] = u"x"_s;   // one key of another type: compared as QVariants, like Qt does
        mixed[70] = 2.5;
        QTest::newRow("mixed") << mixed;
        QTest::newRow("one row") << QVariantList{3};
        QTest::newRow("empty") << QVariantList{};
    }

    void sameOrderAsQt()
    {
        QFETCH(QVariantList, keys);
        QStandardItemModel source(int(keys.size()), 2);
        for (int row = 0; row < keys.size(); ++row) {
            source.setData(source.index(row, 0), keys.at(row), SortRole);
            source.setData(source.index(row, 1), QString::number(row));
        }
        QSortFilterProxyModel reference;
        QueueSortProxy proxy;
        for (QSortFilterProxyModel *model : {&reference, static_cast<QSortFilterProxyModel *>(&proxy)}) {
            model->setSortRole(SortRole);
            model->setSourceModel(&source);
        }
        for (Qt::SortOrder sortOrder : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            reference.sort(0, sortOrder);
            proxy.sort(0, sortOrder);
            QCOMPARE(order(proxy), order(reference));
        }
        // A key that changes later is placed by Qt's own comparison, which must agree too.
        if (!keys.isEmpty()) {
            source.setData(source.index(0, 0), keys.constLast(), SortRole);
            QCOMPARE(order(proxy), order(reference));
        }
    }

    // The window cuts long texts in the middle, but a status is cut at its end: it is painted exactly as
    // a view in ElideRight mode paints it, and not as one in ElideMiddle mode.
    void statusColumnIsCutAtItsEnd()
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0),
                      u"Failed: Server answered 404 Not Found: the file is not there. Check the link."_s);
        const auto render = [&model](QAbstractItemDelegate *delegate, Qt::TextElideMode mode) {
            QTableView view;
            view.setModel(&model);
            view.setTextElideMode(mode);
            if (delegate)
                view.setItemDelegateForColumn(0, delegate);
            view.setColumnWidth(0, 160);
            view.resize(300, 100);
            return view.grab().toImage();
        };
        StatusDelegate status;
        const QImage painted = render(&status, Qt::ElideMiddle);
        QCOMPARE(painted, render(nullptr, Qt::ElideRight));
        QVERIFY(painted != render(nullptr, Qt::ElideMiddle));
    }

    // ---- QueueTableModel ---------------------------------------------------------------------------

    // The table's rows are the queue's: Qt's consistency checks hold for it through a queue's life, and
    // its raw roles are the queue's.
    void tableFollowsTheQueue()
    {
        QueueModel model;
        QueueTableModel table(&model);
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DownloadItem> items;
        for (int i = 0; i < 20; ++i)
            items.append(item(u"http://a/%1"_s.arg(i)));
        const QList<DownloadId> ids = model.append(items);
        QCOMPARE(table.rowCount(), 20);
        QCOMPARE(table.columnCount(), int(QueueModel::ColumnCount));
        QVERIFY(!table.index(20, 0).isValid());
        QVERIFY(!table.index(0, QueueModel::ColumnCount).isValid());
        QVERIFY(!table.index(0, 0, table.index(0, 0)).isValid());
        for (DownloadId id : ids.mid(0, 5)) {
            model.setState(id, DownloadState::Connecting);
            model.setState(id, DownloadState::Downloading);
            model.setProgress(id, 50, 100);
        }
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        model.flush();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), table.index(0, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), table.index(4, QueueModel::ColumnCount - 1));
        model.remove({ids.at(0), ids.at(7), ids.at(8), ids.at(19)});
        QCOMPARE(table.rowCount(), 16);
        for (int row = 0; row < table.rowCount(); ++row) {
            for (int role : {int(QueueModel::IdRole), int(QueueModel::StateRole), int(QueueModel::ProgressRole)})
                QCOMPARE(table.index(row, 2).data(role), model.index(row, 2).data(role));
            for (int column = 0; column < QueueModel::ColumnCount; ++column)
                QCOMPARE(table.index(row, column).data(QueueModel::SortRole),
                         model.index(row, column).data(QueueModel::SortRole));
        }
        QCOMPARE(table.headerData(QueueModel::ProgressColumn, Qt::Horizontal).toString(), u"Progress"_s);
    }

    void displayValues()
    {
        QueueModel model;
        QueueTableModel table(&model);
        const auto ids = model.append({item(u"http://user:secret@example.org/dir/report%20v2.pdf"_s)});
        const DownloadId id = ids.at(0);
        model.setState(id, DownloadState::Connecting);
        model.setState(id, DownloadState::Downloading);
        model.setProgress(id, qint64(12.4 * 1024 * 1024), 80LL * 1024 * 1024);
        model.flush();
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return table.data(table.index(0, column), role); };
        QCOMPARE(cell(QueueModel::NameColumn).toString(), u"report v2.pdf"_s);
        QCOMPARE(cell(QueueModel::SizeColumn).toString(), u"12.4 / 80.0\u00A0MiB"_s);
        QCOMPARE(cell(QueueModel::ProgressColumn).toString(), u"15%"_s);
        QCOMPARE(cell(QueueModel::SizeColumn, QueueModel::SortRole).toLongLong(), 80LL * 1024 * 1024);
        QCOMPARE(cell(QueueModel::StatusColumn).toString(), u"Downloading"_s);
        QVERIFY(!cell(QueueModel::UrlColumn).toString().contains(u"secret"_s));
        QVERIFY(!cell(QueueModel::UrlColumn).toString().contains(u"user"_s));
        QVERIFY(qAbs(cell(0, QueueModel::ProgressRole).toDouble() - 12.4 / 80.0) < 0.001);
    }

    void failedRowShowsItsReason()
    {
        QueueModel model;
        QueueTableModel table(&model);
        const DownloadId id = model.append({item(u"http://a/missing"_s)}).constFirst();
        model.setState(id, DownloadState::Connecting);
        model.update(id, [](DownloadItem &it) { it.lastError = u"Server answered 404 Not Found: the file is not there. Check the link."_s; });
        model.setState(id, DownloadState::Failed);
        QCOMPARE(table.data(table.index(0, QueueModel::StatusColumn)).toString(),
                 u"Failed: Server answered 404 Not Found: the file is not there. Check the link."_s);
        QCOMPARE(table.data(table.index(0, QueueModel::StatusColumn), Qt::ToolTipRole).toString(),
                 u"Server answered 404 Not Found: the file is not there. Check the link."_s);
    }

    void noteIsShownWhileTheDownloadIsUnderWay()
    {
        QueueModel model;
        QueueTableModel table(&model);
        const DownloadId id = model.append({item(u"http://a/1"_s)}).constFirst();
        const QString note = u"The new link serves a different file (other size): starting over."_s;
        model.update(id, [&note](DownloadItem &it) { it.note = note; });
        QVERIFY(model.setState(id, DownloadState::Connecting));
        QVERIFY(model.setState(id, DownloadState::Downloading));
        const QModelIndex status = table.index(0, QueueModel::StatusColumn);
        QCOMPARE(status.data().toString(), u"Downloading — "_s + note);
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), note);
        QVERIFY(model.setState(id, DownloadState::Verifying));
        QVERIFY(model.setState(id, DownloadState::Finished));
        QCOMPARE(status.data().toString(), u"Finished"_s);
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), note);
    }

    void pausedRowThatNeverRanIsNotStarted()
    {
        QueueModel model;
        QueueTableModel table(&model);
        DownloadItem paused = item(u"http://a/1"_s);
        paused.intent = Intent::Pause;
        paused.state = DownloadState::Paused;
        model.append({paused});
        QCOMPARE(table.statusText(model.at(0)), u"Not started"_s);
    }

    // "attempt 2 of 3" counts to the scheduler's limit, as it is now.
    void retryingRowCountsItsAttempts()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.retry.maxRetries = 2;
            s.retry.baseDelay = std::chrono::minutes(1);   // long enough to stay retrying
        });
        h.engine.scheduler()->setRandomSource([] { return 0.5; });
        QUrl refused(u"http://127.0.0.1/refused.bin"_s);
        refused.setPort(closedPort());
        const DownloadId id = h.add(refused);
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).state, DownloadState::Retrying, 10000);
        QueueTableModel table(h.engine.model(), h.engine.scheduler());
        QVERIFY2(table.statusText(h.item(id)).contains(u"attempt 2 of 3"_s), qPrintable(table.statusText(h.item(id))));
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 5; });
        QVERIFY2(table.statusText(h.item(id)).contains(u"attempt 2 of 6"_s), qPrintable(table.statusText(h.item(id))));
    }

    // Whatever happens to a link with user:password, the queue shows no password, in no column.
    void passwordNeverShowsInTheQueue()
    {
        FaultServer server;
        QVERIFY(server.listen());
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 1; });
        const QByteArray content = randomBytes(20000, 5);
        server.serveFile(u"/ok.bin"_s, content);
        server.script(u"/missing.bin"_s, {FaultServer::statusPage(404)});
        server.script(u"/broken.bin"_s, {FaultServer::statusPage(500)});
        Reply garbage;
        garbage.raw = "SSH-2.0-OpenSSH_9.2\r\n\r\n"_ba;
        server.script(u"/garbage.bin"_s, {garbage});
        Reply cut = FaultServer::rangeReply(content);
        cut.fault = Fault::ResetAfter;
        cut.faultAfter = 5000;
        server.script(u"/cut.bin"_s, {cut, FaultServer::statusPage(500)});
        server.script(u"/ftp.bin"_s, {FaultServer::redirect(302, "ftp://alice:hunter2@127.0.0.1/x")});
        server.script(u"/loop.bin"_s, {FaultServer::redirect(302, "/loop.bin")});
        QUrl refused = withCredentials(server.url(u"/refused.bin"_s));
        refused.setPort(closedPort());

        const DownloadId ok = h.add(withCredentials(server.url(u"/ok.bin"_s)));
        for (const QString &path : {u"/missing.bin"_s, u"/broken.bin"_s, u"/garbage.bin"_s, u"/cut.bin"_s,
                                    u"/ftp.bin"_s, u"/loop.bin"_s})
            h.add(withCredentials(server.url(path)));
        h.add(refused);
        QVERIFY(h.waitIdle());

        QUIVER_VERIFY_FILE(h, ok, u"ok.bin"_s, content);
        const QueueModel &model = *h.engine.model();
        const QueueTableModel table(&model, h.engine.scheduler());
        QCOMPARE(table.rowCount(), 8);
        for (int row = 0; row < table.rowCount(); ++row) {
            if (row > 0)
                QVERIFY2(model.at(row).state == DownloadState::Failed, qPrintable(model.at(row).url.path()));
            for (const QString &text : rowTexts(table, row))
                QVERIFY2(!text.contains(QLatin1String(password)), qPrintable(text));
        }
    }

    // Escape sequences, other controls and bidi overrides from a status line, a Content-Disposition
    // name, a Location and other headers: the queue's texts carry none of them.
    void hostileHeadersNeverReachTheQueue()
    {
        FaultServer server;
        QVERIFY(server.listen());
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 1; });
        const QByteArray content = randomBytes(12345, 7);
        serveHostile(server, content);
        const QStringList paths = hostilePaths();
        QList<DownloadId> ids;
        for (const QString &path : paths)
            ids.append(h.add(server.url(path)));
        QVERIFY(h.waitIdle());

        // The named ones are saved, under clean names, byte for byte.
        for (int i = 0; i < 3; ++i) {
            const DownloadItem &item = h.item(ids.at(i));
            QVERIFY2(item.state == DownloadState::Finished, qPrintable(item.lastError));
            QCOMPARE(fileSha256(h.path(item.fileName)), sha256(content));
            QVERIFY2(unsafeCharacter(item.fileName).isEmpty(), qPrintable(unsafeCharacter(item.fileName)));
        }
        // A quoted name with raw controls is refused (the link's name is used); an encoded one is cleaned.
        QCOMPARE(h.item(ids.at(0)).fileName, u"named.bin"_s);
        QCOMPARE(h.item(ids.at(1)).fileName, u"]0;ownednotestxt.sh"_s);
        // A validator with a control character is no validator: it could not be sent back or saved.
        QCOMPARE(h.item(ids.at(2)).etag, QByteArray());
        for (int i = 3; i < ids.size(); ++i)
            QVERIFY2(h.item(ids.at(i)).state == DownloadState::Failed, qPrintable(paths.at(i)));
        const QueueTableModel table(h.engine.model(), h.engine.scheduler());
        for (int row = 0; row < table.rowCount(); ++row) {
            for (const QString &text : rowTexts(table, row))
                QVERIFY2(unsafeCharacter(text).isEmpty(), qPrintable(paths.at(row) + u": "_s + unsafeCharacter(text)));
        }
        QVERIFY2(h.item(ids.at(3)).lastError.startsWith(u"Server answered 404 Not Found[2J]0;owned [31m: "_s),
                 qPrintable(h.item(ids.at(3)).lastError));
    }
};

QTEST_MAIN(TestQueueView)
#include "tst_queueview.moc"
