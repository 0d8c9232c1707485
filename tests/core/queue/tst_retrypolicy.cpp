#include "queue/retrypolicy.h"
#include "queue/transfererror.h"

#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;
using namespace std::chrono;

class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void backoff_data()
    {
        QTest::addColumn<int>("retry");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expectedMs");
        // base 1000 ms, cap 10 000 ms
        QTest::newRow("first retry, top of range") << 1 << 0.999 << qint64(999);
        QTest::newRow("first retry, bottom") << 1 << 0.0 << qint64(0);
        QTest::newRow("second retry doubles") << 2 << 0.5 << qint64(1000);
        QTest::newRow("third retry") << 3 << 0.5 << qint64(2000);
        QTest::newRow("fourth retry") << 4 << 0.999 << qint64(7992);
        QTest::newRow("capped") << 5 << 0.5 << qint64(5000);
        QTest::newRow("far beyond, still capped") << 200 << 0.999 << qint64(9990);
        QTest::newRow("random clamped to 1") << 1 << 7.0 << qint64(1000);
        QTest::newRow("zero retry means no wait") << 0 << 0.5 << qint64(0);
    }
    void backoff()
    {
        QFETCH(int, retry);
        QFETCH(double, random);
        QFETCH(qint64, expectedMs);
        QCOMPARE(backoffDelay(retry, milliseconds(1000), milliseconds(10000), random).count(), expectedMs);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");   // -1: not parsed
        QTest::newRow("seconds") << QByteArray("120") << qint64(120);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray("  7 ") << qint64(7);
        QTest::newRow("imf date 90 s ahead") << QByteArray("Tue, 24 Nov 2026 12:01:30 GMT") << qint64(90);
        QTest::newRow("rfc 850 date") << QByteArray("Tuesday, 24-Nov-26 12:02:00 GMT") << qint64(120);
        QTest::newRow("asctime date") << QByteArray("Tue Nov 24 12:00:10 2026") << qint64(10);
        QTest::newRow("date in the past") << QByteArray("Mon, 23 Nov 2026 12:00:00 GMT") << qint64(0);
        QTest::newRow("far future date") << QByteArray("Wed, 01 Jan 2138 00:00:00 GMT") << qint64(3506068800LL);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("wrong weekday still parses") << QByteArray("Mon, 24 Nov 2026 12:00:05 GMT") << qint64(5);
        QTest::newRow("decimal") << QByteArray("1.5") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("huge number saturates") << QByteArray("99999999999999999999") << qint64(2147483647);
    }
    // Now is rarely on a whole second: 1.6 s before the date is a wait of 2 s, never 1.
    void retryAfterDateIsNeverEarly()
    {
        const QDateTime now(QDate(2026, 11, 24), QTime(12, 0, 0, 400), Qt::UTC);
        const auto parsed = parseRetryAfter("Tue, 24 Nov 2026 12:00:02 GMT", now);
        QVERIFY(parsed.has_value());
        QCOMPARE(qint64(parsed->count()), 2);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2026, 11, 24), QTime(12, 0, 0), Qt::UTC);
        const auto parsed = parseRetryAfter(value, now);
        if (expected < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(qint64(parsed->count()), expected);
        }
    }

    void classification_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        const int retryable = int(ErrorClass::Retryable);
        const int permanent = int(ErrorClass::Permanent);
        const int user = int(ErrorClass::NeedsUser);
        QTest::newRow("network") << int(ErrorKind::Network) << 0 << retryable;
        QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << retryable;
        QTest::newRow("408") << int(ErrorKind::HttpStatus) << 408 << retryable;
        QTest::newRow("429") << int(ErrorKind::HttpStatus) << 429 << retryable;
        QTest::newRow("500") << int(ErrorKind::HttpStatus) << 500 << retryable;
        QTest::newRow("503") << int(ErrorKind::HttpStatus) << 503 << retryable;
        QTest::newRow("504") << int(ErrorKind::HttpStatus) << 504 << retryable;
        QTest::newRow("400") << int(ErrorKind::HttpStatus) << 400 << permanent;
        QTest::newRow("401") << int(ErrorKind::HttpStatus) << 401 << permanent;
        QTest::newRow("403") << int(ErrorKind::HttpStatus) << 403 << permanent;
        QTest::newRow("404") << int(ErrorKind::HttpStatus) << 404 << permanent;
        QTest::newRow("410") << int(ErrorKind::HttpStatus) << 410 << permanent;
        QTest::newRow("tls") << int(ErrorKind::Tls) << 0 << permanent;
        QTest::newRow("redirect loop") << int(ErrorKind::Redirect) << 0 << permanent;
        QTest::newRow("checksum") << int(ErrorKind::Checksum) << 0 << permanent;
        QTest::newRow("disk") << int(ErrorKind::LocalFile) << 0 << user;
    }
    void classification()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, expected);
        TransferError error;
        error.kind = ErrorKind(kind);
        error.httpStatus = status;
        QCOMPARE(int(classify(error)), expected);
    }

    void decide()
    {
        RetrySettings settings;
        settings.maxRetries = 3;
        settings.baseDelay = milliseconds(1000);
        settings.maxDelay = milliseconds(60000);
        settings.maxRetryAfter = seconds(600);

        TransferError reset;
        reset.kind = ErrorKind::Network;
        // attempts 1..3 fail -> retries 1..3 are allowed; the 4th failure is the end.
        QVERIFY(decideRetry(reset, 1, settings, 0.5).retry);
        QCOMPARE(decideRetry(reset, 1, settings, 0.5).delay.count(), 500);
        QCOMPARE(decideRetry(reset, 3, settings, 0.5).delay.count(), 2000);
        const RetryDecision last = decideRetry(reset, 4, settings, 0.5);
        QVERIFY(!last.retry);
        QVERIFY(last.giveUpReason.contains(u"4"));

        TransferError notFound;
        notFound.kind = ErrorKind::HttpStatus;
        notFound.httpStatus = 404;
        QVERIFY(!decideRetry(notFound, 1, settings, 0.5).retry);
        QVERIFY(decideRetry(notFound, 1, settings, 0.5).giveUpReason.isEmpty());

        TransferError busy;
        busy.kind = ErrorKind::HttpStatus;
        busy.httpStatus = 503;
        busy.retryAfter = seconds(42);
        QCOMPARE(decideRetry(busy, 1, settings, 0.0).delay.count(), 42000);
        busy.retryAfter = seconds(601);
        const RetryDecision tooLong = decideRetry(busy, 1, settings, 0.0);
        QVERIFY(!tooLong.retry);
        QVERIFY(tooLong.giveUpReason.contains(u"601"));

        // Retry-After only counts on 429 and 503; on a 500 the backoff applies.
        TransferError failing;
        failing.kind = ErrorKind::HttpStatus;
        failing.httpStatus = 500;
        failing.retryAfter = seconds(300);
        QCOMPARE(decideRetry(failing, 1, settings, 0.5).delay.count(), 500);
    }

    void statusMessages()
    {
        QCOMPARE(httpStatusMessage(404, "Not Found"),
                 u"Server answered 404 Not Found: the file is not there. Check the link."_s);
        // A hostile reason phrase cannot smuggle control characters into the message.
        const QString hostile = httpStatusMessage(500, "Oops\x1b[2J\r\nX");
        QVERIFY(!hostile.contains(QChar(0x1b)));
        QVERIFY(!hostile.contains(u'\n'));
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
