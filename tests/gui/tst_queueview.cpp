// The pieces of the queue's table view. QueueSortProxy reads each row's sort key once and compares plain
// numbers or strings: the order must be exactly the one QSortFilterProxyModel gives, for every kind of
// key and for mixed ones. StatusDelegate cuts the Status column at its end.

#include "queuesortproxy.h"
#include "statusdelegate.h"

#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Quiver;
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
};

QTEST_MAIN(TestQueueView)
#include "tst_queueview.moc"
