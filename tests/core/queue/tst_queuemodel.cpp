#include "queue/queuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

class TestQueueModel final : public QObject
{
    Q_OBJECT

    static DownloadItem item(const QString &url)
    {
        DownloadItem it;
        it.url = QUrl(url);
        it.directory = u"/tmp"_s;
        return it;
    }

private slots:
    void appendAssignsIdsInOrder()
    {
        QueueModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const auto ids = model.append({item(u"http://a/1"_s), item(u"http://a/2"_s)});
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.at(0) < ids.at(1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowOf(ids.at(1)), 1);
        QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    }

    // Qt's own consistency checks of a model (indexes, parents, row counts around every insert, change
    // and removal), through a queue's life: added, progressing, finished, removed in scattered rows.
    void passesQtsModelChecks()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DownloadItem> items;
        for (int i = 0; i < 20; ++i)
            items.append(item(u"http://a/%1"_s.arg(i)));
        const QList<DownloadId> ids = model.append(items);
        QVERIFY(!model.index(20, 0).isValid());
        QVERIFY(!model.index(0, QueueModel::ColumnCount).isValid());
        QVERIFY(!model.index(-1, 0).isValid());
        QVERIFY(!model.index(0, 0, model.index(0, 0)).isValid());   // a table: no children
        QCOMPARE(model.index(19, 3).row(), 19);
        for (DownloadId id : ids.mid(0, 5)) {
            model.setState(id, DownloadState::Connecting);
            model.setState(id, DownloadState::Downloading);
            model.setProgress(id, 50, 100);
        }
        model.flush();
        model.setProgress(ids.at(0), 100, 100);
        QVERIFY(model.setState(ids.at(0), DownloadState::Verifying));
        QVERIFY(model.setState(ids.at(0), DownloadState::Finished));
        model.flush();
        model.remove({ids.at(0), ids.at(7), ids.at(8), ids.at(19)});
        QCOMPARE(model.rowCount(), 16);
        QCOMPARE(model.append({item(u"http://a/new"_s)}).size(), 1);
        QCOMPARE(model.rowCount(), 17);
    }

    void stateChangesAreChecked()
    {
        QueueModel model;
        const DownloadId id = model.append({item(u"http://a/1"_s)}).constFirst();
        QSignalSpy changed(&model, &QueueModel::stateChanged);
        QVERIFY(!model.setState(id, DownloadState::Finished));   // nothing downloaded yet
        QCOMPARE(model.find(id)->state, DownloadState::Queued);
        QCOMPARE(changed.size(), 0);
        QVERIFY(model.setState(id, DownloadState::Connecting));
        QVERIFY(model.setState(id, DownloadState::Downloading));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(1).at(1).value<DownloadState>(), DownloadState::Connecting);
        QCOMPARE(changed.at(1).at(2).value<DownloadState>(), DownloadState::Downloading);
    }

    void progressIsCoalesced()
    {
        QueueModel model;
        const auto ids = model.append({item(u"http://a/1"_s), item(u"http://a/2"_s), item(u"http://a/3"_s)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 1; i <= 500; ++i) {
            model.setProgress(ids.at(0), i * 10, 5000);
            model.setProgress(ids.at(2), i * 10, 5000);
        }
        QCOMPARE(changed.size(), 0);
        model.flush();
        // 1000 updates became one signal per changed row, and row 1 (unchanged) was not touched.
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 2);
        QCOMPARE(model.find(ids.at(0))->bytesReceived, 5000);
        // Without an explicit flush the timer delivers it.
        model.setProgress(ids.at(1), 1, 10);
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.size(), 3);
    }

    // The raw values behind the columns; how they read in the window is tested with QueueTableModel
    // (tests/gui/tst_queueview.cpp).
    void sortValues()
    {
        QueueModel model;
        const auto ids = model.append({item(u"http://user:secret@example.org/dir/report%20v2.pdf"_s)});
        const DownloadId id = ids.at(0);
        model.setState(id, DownloadState::Connecting);
        model.setState(id, DownloadState::Downloading);
        model.setProgress(id, qint64(12.4 * 1024 * 1024), 80LL * 1024 * 1024);
        model.flush();
        const auto cell = [&](int column, int role) { return model.data(model.index(0, column), role); };
        QCOMPARE(cell(QueueModel::NameColumn, QueueModel::SortRole).toString(), u"report v2.pdf"_s);
        QCOMPARE(cell(QueueModel::SizeColumn, QueueModel::SortRole).toLongLong(), 80LL * 1024 * 1024);
        QVERIFY(qAbs(cell(0, QueueModel::ProgressRole).toDouble() - 12.4 / 80.0) < 0.001);
    }

    // A segment map is kept while its bytes are on disk, coalesced like progress, and dropped when they
    // are not any more: the file finished, the .part deleted by a cancel, a restart from zero, the row gone.
    void segmentMapFollowsTheBytesOnDisk()
    {
        QueueModel model;
        const auto ids = model.append({item(u"http://a/1"_s), item(u"http://a/2"_s), item(u"http://a/3"_s)});
        const SegmentMap map{1000, {{0, 100}, {500, 600}}, {{100, 500}, {600, 1000}}};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (const DownloadId id : ids) {
            model.setState(id, DownloadState::Connecting);
            model.setState(id, DownloadState::Downloading);
            for (int i = 0; i < 50; ++i)
                model.setSegmentMap(id, map);
        }
        model.flush();
        QCOMPARE(changed.size(), 1);   // one run of neighbouring rows, however many maps arrived
        QCOMPARE(model.segmentMap(ids.at(0)), map);

        // Paused: what is on disk stays to be seen.
        model.setState(ids.at(0), DownloadState::Paused);
        QCOMPARE(model.segmentMap(ids.at(0)), map);
        model.setState(ids.at(0), DownloadState::Canceled);
        QVERIFY(model.segmentMap(ids.at(0)).isEmpty());

        model.setProgress(ids.at(1), 200, 1000);
        model.setProgress(ids.at(1), 0, -1);   // the file changed on the server: from zero
        QVERIFY(model.segmentMap(ids.at(1)).isEmpty());

        model.setState(ids.at(2), DownloadState::Verifying);
        QCOMPARE(model.segmentMap(ids.at(2)), map);
        model.setState(ids.at(2), DownloadState::Finished);
        QVERIFY(model.segmentMap(ids.at(2)).isEmpty());

        const auto more = model.append({item(u"http://a/4"_s)});
        model.setSegmentMap(more.at(0), map);
        model.setSegmentMap(more.at(0), {});   // one stream now: nothing to draw
        QVERIFY(model.segmentMap(more.at(0)).isEmpty());
        model.setSegmentMap(more.at(0), map);
        model.remove(more);
        QVERIFY(model.segmentMap(more.at(0)).isEmpty());
    }

    void removeKeepsTheIndexRight()
    {
        QueueModel model;
        QList<DownloadItem> items;
        for (int i = 0; i < 10; ++i)
            items.append(item(u"http://a/"_s + QString::number(i)));
        const auto ids = model.append(items);
        model.remove({ids.at(2), ids.at(3), ids.at(7)});
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.find(ids.at(2)), nullptr);
        QCOMPARE(model.rowOf(ids.at(8)), 5);
        QCOMPARE(model.at(model.rowOf(ids.at(8))).url, QUrl(u"http://a/8"_s));
    }

    // Rows that alternate with kept ones go in one pass, announced as a reset (one removal per run made
    // this grow with the square of the rows); the rest keep their order, their data and their ids.
    void scatteredRowsGoInOnePass()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DownloadItem> items;
        for (int i = 0; i < 1000; ++i)
            items.append(item(u"http://a/"_s + QString::number(i)));
        const auto ids = model.append(items);
        model.setProgress(ids.at(501), 7, 10);
        model.flush();
        QList<DownloadId> even;
        for (int i = 0; i < 1000; i += 2)
            even.append(ids.at(i));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.remove(even + QList<DownloadId>{ids.at(0)});   // an id twice counts once
        QCOMPARE(reset.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.rowCount(), 500);
        for (int row = 0; row < 500; ++row) {
            QCOMPARE(model.at(row).id, ids.at(2 * row + 1));
            QCOMPARE(model.rowOf(ids.at(2 * row + 1)), row);
            QCOMPARE(model.at(row).url, QUrl(u"http://a/"_s + QString::number(2 * row + 1)));
            QCOMPARE(model.find(ids.at(2 * row)), nullptr);
        }
        QCOMPARE(model.find(ids.at(501))->bytesReceived, 7);
        // A few runs still go as rows removed, so views keep their selection and place.
        model.remove({ids.at(1), ids.at(3), ids.at(999)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 497);
        QCOMPARE(model.rowOf(ids.at(5)), 0);
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
