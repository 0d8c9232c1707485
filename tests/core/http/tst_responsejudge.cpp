// The resume rules on their own: what an answer's head means for the .part, without a network.

#include "http/responsejudge.h"

#include <QTest>
#include <QTimeZone>

using namespace Quiver;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Quiver::ResponseVerdict::Action)
Q_DECLARE_METATYPE(Quiver::ResponseHead)

namespace {
const QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::utc());

DownloadItem partial(qint64 bytesReceived, qint64 total)
{
    DownloadItem item;
    item.url = QUrl(u"http://example.org/file.bin"_s);
    item.fileName = u"file.bin"_s;
    item.bytesReceived = bytesReceived;
    item.bytesTotal = total;
    item.etag = "\"v1\"";
    return item;
}

ResponseHead head(int status, const QByteArray &contentRange = {}, qint64 contentLength = -1)
{
    ResponseHead h;
    h.status = status;
    h.contentRange = contentRange;
    h.contentLength = contentLength;
    return h;
}
} // namespace

class TestResponseJudge final : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data()
    {
        QTest::addColumn<ResponseHead>("head");
        QTest::addColumn<qint64>("recordedTotal");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<ResponseVerdict::Action>("action");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("bodyEnd");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("restart");
        QTest::addColumn<QString>("message");   // a part of the sentence; empty: no error
        using A = ResponseVerdict::Action;

        QTest::newRow("206 continues the part") << head(206, "bytes 100-999/1000") << 1000LL << 100LL
                                                << A::Write << 100LL << 1000LL << 1000LL << false << QString();
        QTest::newRow("206 capped range") << head(206, "bytes 100-499/1000") << 1000LL << 100LL
                                          << A::Write << 100LL << 500LL << 1000LL << false << QString();
        QTest::newRow("206 without a total keeps the recorded one") << head(206, "bytes 100-999/*") << 1000LL << 100LL
                                                                    << A::Write << 100LL << 1000LL << 1000LL << false << QString();
        QTest::newRow("206 from the wrong offset") << head(206, "bytes 0-999/1000") << 1000LL << 100LL
                                                   << A::Refuse << 0LL << -1LL << -1LL << true
                                                   << u"it sent bytes from 0 when asked for 100"_s;
        QTest::newRow("206 without Content-Range") << head(206) << 1000LL << 100LL << A::Refuse << 0LL << -1LL << -1LL
                                                   << true << u"has no valid Content-Range"_s;
        QTest::newRow("206 unsatisfied range") << head(206, "bytes */1000") << 1000LL << 100LL << A::Refuse << 0LL
                                               << -1LL << -1LL << true << u"has no valid Content-Range"_s;
        QTest::newRow("206 of another size") << head(206, "bytes 100-1999/2000") << 1000LL << 100LL << A::Refuse
                                             << 0LL << -1LL << -1LL << true << u"changed size"_s;
        ResponseHead multipart = head(206, "bytes 100-999/1000");
        multipart.contentType = "multipart/byteranges; boundary=x";
        QTest::newRow("206 multipart") << multipart << 1000LL << 100LL << A::Refuse << 0LL << -1LL << -1LL << true
                                       << u"cannot be appended"_s;
        ResponseHead gzip = head(206, "bytes 100-999/1000");
        gzip.contentEncoding = " GZip ";
        QTest::newRow("206 compressed") << gzip << 1000LL << 100LL << A::Refuse << 0LL << -1LL << -1LL << true
                                        << u"cannot be appended"_s;
        ResponseHead identity = head(206, "bytes 100-999/1000");
        identity.contentEncoding = "Identity";
        QTest::newRow("206 identity encoding") << identity << 1000LL << 100LL << A::Write << 100LL << 1000LL << 1000LL
                                               << false << QString();

        QTest::newRow("416 the part is complete") << head(416, "bytes */1000") << 1000LL << 1000LL
                                                  << A::AlreadyComplete << 1000LL << 1000LL << 1000LL << false << QString();
        QTest::newRow("416 size unknown before") << head(416, "bytes */1000") << -1LL << 1000LL
                                                 << A::AlreadyComplete << 1000LL << 1000LL << 1000LL << false << QString();
        QTest::newRow("416 file shrank") << head(416, "bytes */500") << 1000LL << 1000LL << A::Refuse << 0LL << -1LL
                                         << -1LL << true << u"now smaller"_s;
        QTest::newRow("416 without Content-Range") << head(416) << 1000LL << 1000LL << A::Refuse << 0LL << -1LL
                                                   << -1LL << true << u"now smaller"_s;
        QTest::newRow("416 to a request without Range") << head(416, "bytes */1000") << -1LL << 0LL << A::DrainThenFail
                                                        << 0LL << -1LL << -1LL << false << u"416"_s;

        QTest::newRow("200 starts over") << head(200, {}, 1000) << 1000LL << 100LL << A::Write << 0LL << 1000LL
                                         << 1000LL << false << QString();
        QTest::newRow("200 without a length") << head(200) << -1LL << 0LL << A::Write << 0LL << -1LL << -1LL << false
                                              << QString();
        QTest::newRow("204 is no file") << head(204) << -1LL << 0LL << A::DrainThenFail << 0LL << -1LL << -1LL << false
                                        << u"204"_s;
        QTest::newRow("404 error page") << head(404) << -1LL << 0LL << A::DrainThenFail << 0LL << -1LL << -1LL << false
                                        << u"404"_s;
    }

    void verdict()
    {
        QFETCH(ResponseHead, head);
        QFETCH(qint64, recordedTotal);
        QFETCH(qint64, requested);
        DownloadItem item = partial(requested, recordedTotal);
        const ResponseVerdict verdict = ResponseJudge::judge(head, item, requested, now);
        QTEST(verdict.action, "action");
        if (verdict.action == ResponseVerdict::Action::Write || verdict.action == ResponseVerdict::Action::AlreadyComplete) {
            QTEST(verdict.offset, "offset");
            QTEST(verdict.bodyEnd, "bodyEnd");
            QTEST(verdict.total, "total");
            QVERIFY(!verdict.error.isError());
        } else {
            QVERIFY(verdict.error.isError());
        }
        QTEST(verdict.error.restartFromZero, "restart");
        QFETCH(QString, message);
        QVERIFY2(verdict.error.message.contains(message), qPrintable(verdict.error.message));
    }

    void retryAfterIsReadOnlyFor429And503_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("honoured");
        QTest::newRow("429") << 429 << true;
        QTest::newRow("503") << 503 << true;
        QTest::newRow("500") << 500 << false;
    }

    void retryAfterIsReadOnlyFor429And503()
    {
        QFETCH(int, status);
        ResponseHead h = head(status);
        h.retryAfter = "120";
        const ResponseVerdict verdict = ResponseJudge::judge(h, partial(0, -1), 0, now);
        QCOMPARE(verdict.action, ResponseVerdict::Action::DrainThenFail);
        QCOMPARE(verdict.error.kind, ErrorKind::HttpStatus);
        QCOMPARE(verdict.error.httpStatus, status);
        QFETCH(bool, honoured);
        QCOMPARE(verdict.error.retryAfter.has_value(), honoured);
        if (honoured)
            QCOMPARE(*verdict.error.retryAfter, std::chrono::seconds(120));
    }

    void validatorsUnfitToSendBackAreDropped_data()
    {
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<QByteArray>("lastModified");
        QTest::addColumn<bool>("etagKept");
        QTest::addColumn<bool>("dateKept");
        QTest::newRow("plain") << QByteArray("\"abc\"") << QByteArray("Tue, 24 Nov 2026 08:00:00 GMT") << true << true;
        QTest::newRow("escape in the tag") << QByteArray("\"a\x1b[31m\"") << QByteArray("x") << false << true;
        QTest::newRow("line break in the date") << QByteArray("\"a\"") << QByteArray("Tue\r\nX: y") << true << false;
        QTest::newRow("DEL") << QByteArray("\"a\x7f\"") << QByteArray() << false << true;
        QTest::newRow("tag at the limit") << QByteArray(1024, 'e') << QByteArray(128, 'd') << true << true;
        QTest::newRow("tag past the limit") << QByteArray(1025, 'e') << QByteArray(129, 'd') << false << false;
        QTest::newRow("Latin-1 bytes stay") << QByteArray("\"caf\xe9\"") << QByteArray() << true << true;
    }

    void validatorsUnfitToSendBackAreDropped()
    {
        QFETCH(QByteArray, etag);
        QFETCH(QByteArray, lastModified);
        ResponseHead h = head(200, {}, 10);
        h.etag = etag;
        h.lastModified = lastModified;
        const ResponseVerdict verdict = ResponseJudge::judge(h, partial(0, -1), 0, now);
        QFETCH(bool, etagKept);
        QFETCH(bool, dateKept);
        QCOMPARE(verdict.etag, etagKept ? etag : QByteArray());
        QCOMPARE(verdict.lastModified, dateKept ? lastModified : QByteArray());
    }

    void aChangedLinkMustProveTheSameFile()
    {
        DownloadItem item = partial(100, 1000);
        item.partUrl = QUrl(u"http://old.example.org/file.bin"_s);
        QVERIFY(item.linkChanged());
        ResponseHead same = head(206, "bytes 100-999/1000");
        same.etag = "\"v1\"";
        QCOMPARE(ResponseJudge::judge(same, item, 100, now).action, ResponseVerdict::Action::Write);

        ResponseHead other = same;
        other.etag = "\"v2\"";
        ResponseVerdict verdict = ResponseJudge::judge(other, item, 100, now);
        QCOMPARE(verdict.action, ResponseVerdict::Action::Refuse);
        QCOMPARE(verdict.error.kind, ErrorKind::OtherFile);

        // A 416 proves nothing about a new link, even when its size matches.
        verdict = ResponseJudge::judge(head(416, "bytes */100"), item, 100, now);
        QCOMPARE(verdict.action, ResponseVerdict::Action::Refuse);
        QCOMPARE(verdict.error.kind, ErrorKind::OtherFile);
    }

    void anEmptyFileAnswersBytesFromZeroWith416()
    {
        // Only a request that asked for "bytes=0-" (a segmented download's first) hears this of an empty file.
        const DownloadItem fresh = partial(0, -1);
        ResponseVerdict verdict = ResponseJudge::judge(head(416, "bytes */0"), fresh, 0, now, true);
        QCOMPARE(verdict.action, ResponseVerdict::Action::AlreadyComplete);
        QCOMPARE(verdict.offset, 0);
        QCOMPARE(verdict.total, 0);
        QCOMPARE(verdict.bodyEnd, 0);
        // Without a Range, or for a file that is not empty, a 416 is an error.
        QCOMPARE(ResponseJudge::judge(head(416, "bytes */0"), fresh, 0, now).action, ResponseVerdict::Action::DrainThenFail);
        QCOMPARE(ResponseJudge::judge(head(416, "bytes */10"), fresh, 0, now, true).action,
                 ResponseVerdict::Action::DrainThenFail);
    }
};

QTEST_GUILESS_MAIN(TestResponseJudge)
#include "tst_responsejudge.moc"
