// The token arithmetic of the rate limit, on a made-up clock: the bucket is given the time, never reads it.
#include "util/tokenbucket.h"
#include "util/units.h"

#include <QTest>

using namespace Quiver;
using namespace std::chrono_literals;

class TokenBucketTest : public QObject
{
    Q_OBJECT

private slots:
    void unlimitedGrantsEverything()
    {
        TokenBucket bucket(0, 0ns);
        QVERIFY(!bucket.isLimited());
        QCOMPARE(bucket.take(123456789, 0ns), 123456789);
        QCOMPARE(bucket.timeUntil(1 << 30, 0ns), 0ns);
    }

    void startsWithATenthOfASecond()
    {
        TokenBucket bucket(1000000, 0ns);
        QCOMPARE(bucket.capacity(), 100000);
        QCOMPARE(bucket.available(0ns), 100000);
        QCOMPARE(bucket.take(150000, 0ns), 100000);
        QCOMPARE(bucket.available(0ns), 0);
    }

    void slowRatesStillAllowASmallRead()
    {
        QCOMPARE(TokenBucket::capacityFor(1000), 1000);              // a second's worth below 16 KiB/s
        QCOMPARE(TokenBucket::capacityFor(100 * 1024), 16 * 1024);  // 16 KiB, not a tenth
        QCOMPARE(TokenBucket::capacityFor(2 * 1024 * 1024), 2 * 1024 * 1024 / 10);
    }

    void refillsAtTheRate()
    {
        TokenBucket bucket(1000000, 0ns);
        bucket.take(100000, 0ns);
        QCOMPARE(bucket.available(10ms), 10000);
        QCOMPARE(bucket.take(4000, 10ms), 4000);
        QCOMPARE(bucket.available(15ms), 11000);
        // Never beyond the capacity, however long it sat.
        QCOMPARE(bucket.available(1h), 100000);
    }

    void fractionsOfABytesAddUpWithoutDrift()
    {
        // 3 bytes per second, asked every 100 ms: 0.3 bytes each time, which must still add up to 3 a second.
        TokenBucket bucket(3, 0ns);
        bucket.take(bucket.available(0ns), 0ns);
        qint64 taken = 0;
        for (int step = 1; step <= 100; ++step)
            taken += bucket.take(1000, step * 100ms);
        QCOMPARE(taken, 30);
    }

    void grantsMatchTheRateOverALongRun()
    {
        // A reader that always wants more gets rate × time plus the first bucket, to the byte.
        TokenBucket bucket(2 * 1024 * 1024, 0ns);
        qint64 taken = 0;
        for (auto now = 0ns; now <= 10s; now += 7ms)
            taken += bucket.take(1 << 20, now);
        const qint64 elapsedNs = (10s / 7ms) * 7'000'000;
        QCOMPARE(taken, bucket.capacity() + 2 * 1024 * 1024 * elapsedNs / 1'000'000'000);
    }

    void timeUntilIsWhenTheBytesAreThere()
    {
        TokenBucket bucket(1000, 0ns);
        bucket.take(1000, 0ns);
        QCOMPARE(bucket.timeUntil(500, 0ns), 500ms);
        QCOMPARE(bucket.available(499ms), 499);
        QVERIFY(bucket.timeUntil(500, 499ms) > 0ns);
        QCOMPARE(bucket.available(500ms), 500);
        QCOMPARE(bucket.timeUntil(500, 500ms), 0ns);
        // More than the capacity is never there: the wait is for a full bucket.
        QCOMPARE(bucket.timeUntil(5000, 500ms), 500ms);
    }

    void aRateChangeAppliesFromNowOn()
    {
        TokenBucket bucket(1000000, 0ns);
        bucket.take(100000, 0ns);
        bucket.setRate(2000000, 10ms);   // 10 ms at the old rate: 10,000 bytes
        QCOMPARE(bucket.available(10ms), 10000);
        QCOMPARE(bucket.available(20ms), 30000);   // then 20,000 in 10 ms
        // A lower rate cuts what is in the bucket to its smaller capacity: no burst at the old rate.
        bucket.setRate(100 * 1024, 20ms);
        QCOMPARE(bucket.available(20ms), 16 * 1024);
        // Lifting the limit grants everything; a new limit starts with a full bucket.
        bucket.setRate(0, 30ms);
        QCOMPARE(bucket.take(1 << 30, 30ms), 1 << 30);
        bucket.setRate(1000000, 40ms);
        QCOMPARE(bucket.available(40ms), 100000);
    }

    void anEarlierTimeNeitherGrantsNorCountsTwice()
    {
        // A caller that read the clock before another one took tokens passes an earlier time: the interval
        // up to the later time must not flow in again (that granted 1.7 times the limit to 16 downloads).
        TokenBucket bucket(1000, 10s);
        bucket.take(1000, 10s);
        QCOMPARE(bucket.available(5s), 0);
        QCOMPARE(bucket.available(10s), 0);
        QCOMPARE(bucket.available(10s + 100ms), 100);
        QCOMPARE(bucket.take(100, 10s + 50ms), 100);
        QCOMPARE(bucket.available(10s + 100ms), 0);
    }

    void parsesRatesAsCurlDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("rate");   // -1: refused
        QTest::newRow("bytes") << "100000" << qint64(100000);
        QTest::newRow("K") << "500K" << qint64(500 * 1024);
        QTest::newRow("k") << "500k" << qint64(500 * 1024);
        QTest::newRow("M") << "2M" << qint64(2 * 1024 * 1024);
        QTest::newRow("fraction") << "1.5M" << qint64(1536 * 1024);
        QTest::newRow("G") << "1G" << qint64(1024 * 1024 * 1024);
        QTest::newRow("zero: no limit") << "0" << qint64(0);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("unit only") << "K" << qint64(-1);
        QTest::newRow("negative") << "-5K" << qint64(-1);
        QTest::newRow("words") << "fast" << qint64(-1);
        QTest::newRow("unknown unit") << "5T" << qint64(-1);
        QTest::newRow("exponent") << "1e6" << qint64(-1);
        QTest::newRow("two points") << "1.2.3K" << qint64(-1);
        QTest::newRow("too big") << "2000G" << qint64(-1);
        QTest::newRow("per second suffix") << "500KB/s" << qint64(-1);
    }

    void parsesRatesAsCurlDoes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, rate);
        const std::optional<qint64> parsed = Units::parseRate(text);
        QCOMPARE(parsed.value_or(-1), rate);
    }
};

QTEST_GUILESS_MAIN(TokenBucketTest)
#include "tst_tokenbucket.moc"
