#include "http/contentrange.h"
#include "queue/downloadstate.h"

#include <QTest>

using namespace Quiver;

class TestContentRange final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<qint64>("total");
        QTest::newRow("full") << QByteArray("bytes 100-199/1000") << true << 100LL << 199LL << 1000LL;
        QTest::newRow("unknown total") << QByteArray("bytes 0-9/*") << true << 0LL << 9LL << -1LL;
        QTest::newRow("unsatisfied") << QByteArray("bytes */1000") << true << -1LL << -1LL << 1000LL;
        QTest::newRow("last byte") << QByteArray("bytes 999-999/1000") << true << 999LL << 999LL << 1000LL;
        QTest::newRow("past total") << QByteArray("bytes 0-1000/1000") << false << 0LL << 0LL << 0LL;
        QTest::newRow("reversed") << QByteArray("bytes 9-0/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("negative") << QByteArray("bytes -5-9/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("no unit") << QByteArray("0-9/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("overflow") << QByteArray("bytes 0-99999999999999999999/*") << false << 0LL << 0LL << 0LL;
        QTest::newRow("star both") << QByteArray("bytes */*") << false << 0LL << 0LL << 0LL;
        QTest::newRow("garbage") << QByteArray("bytes 3/7") << false << 0LL << 0LL << 0LL;
        QTest::newRow("empty") << QByteArray() << false << 0LL << 0LL << 0LL;
    }
    void parse()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, valid);
        const auto range = parseContentRange(value);
        QCOMPARE(range.has_value(), valid);
        if (!valid)
            return;
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        QFETCH(qint64, total);
        QCOMPARE(range->first, first);
        QCOMPARE(range->last, last);
        QCOMPARE(range->total, total);
    }

    void transitions()
    {
        using S = DownloadState;
        QVERIFY(isAllowedTransition(S::Queued, S::Connecting));
        QVERIFY(isAllowedTransition(S::Connecting, S::Downloading));
        QVERIFY(isAllowedTransition(S::Downloading, S::Verifying));
        QVERIFY(isAllowedTransition(S::Verifying, S::Finished));
        QVERIFY(isAllowedTransition(S::Downloading, S::Retrying));
        QVERIFY(isAllowedTransition(S::Retrying, S::Queued));
        QVERIFY(isAllowedTransition(S::Downloading, S::Paused));
        QVERIFY(isAllowedTransition(S::Paused, S::Queued));
        QVERIFY(isAllowedTransition(S::Failed, S::Queued));
        // A finished file never goes back, and nothing skips the request.
        for (int to = 0; to <= int(S::Canceled); ++to)
            QVERIFY(!isAllowedTransition(S::Finished, S(to)));
        QVERIFY(!isAllowedTransition(S::Queued, S::Downloading));
        QVERIFY(!isAllowedTransition(S::Queued, S::Finished));
        QVERIFY(!isAllowedTransition(S::Paused, S::Downloading));
        QVERIFY(!isAllowedTransition(S::Retrying, S::Connecting));
        QVERIFY(!isAllowedTransition(S::Queued, S::Queued));
        QVERIFY(isActive(S::Downloading) && !isActive(S::Queued) && !isActive(S::Retrying));
        QVERIFY(isTerminal(S::Failed) && !isTerminal(S::Paused));
    }
};

QTEST_APPLESS_MAIN(TestContentRange)
#include "tst_contentrange.moc"
