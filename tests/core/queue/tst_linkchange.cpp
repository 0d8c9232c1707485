// The keep-or-restart rule for a download whose link was changed, on its own.

#include "queue/linkchange.h"

#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
DownloadItem changedItem(const QByteArray &etag, const QByteArray &lastModified, qint64 total)
{
    DownloadItem item;
    item.url = QUrl(u"https://mirror.example.net/disk.img"_s);
    item.partUrl = QUrl(u"https://old.example.org/disk.img"_s);
    item.fileName = u"disk.img"_s;
    item.bytesReceived = 1000;
    item.bytesTotal = total;
    item.etag = etag;
    item.lastModified = lastModified;
    return item;
}
const QByteArray date = "Tue, 24 Nov 2026 08:00:00 GMT";
const QByteArray otherDate = "Wed, 25 Nov 2026 08:00:00 GMT";
} // namespace

class TestLinkChange final : public QObject
{
    Q_OBJECT

private slots:
    void linkChangedNeedsBytesFromAnotherLink()
    {
        DownloadItem item = changedItem("\"a\"", {}, 5000);
        QVERIFY(item.linkChanged());
        item.url.setUserInfo(u"alice:secret"_s);
        QVERIFY(item.linkChanged());
        item.url = QUrl(u"https://alice:secret@old.example.org/disk.img"_s);
        QVERIFY(!item.linkChanged());   // credentials are not part of where the bytes came from
        item = changedItem("\"a\"", {}, 5000);
        item.bytesReceived = 0;
        QVERIFY(!item.linkChanged());
        item = changedItem("\"a\"", {}, 5000);
        item.partUrl.clear();           // a queue saved before partUrl existed
        QVERIFY(!item.linkChanged());
    }

    void rule_data()
    {
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<QByteArray>("lastModified");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("continues");
        QTest::addColumn<qint64>("answerTotal");
        QTest::addColumn<QByteArray>("answerEtag");
        QTest::addColumn<QByteArray>("answerDate");
        QTest::addColumn<QString>("why");   // empty: the bytes are kept
        const QString otherSize = u"The new link serves a different file (other size): starting over."_s;
        const QString otherVersion = u"The new link serves a different file (other version): starting over."_s;
        QTest::newRow("same size and tag") << QByteArray("\"a\"") << QByteArray() << 5000LL << true << 5000LL
                                           << QByteArray("\"a\"") << QByteArray() << QString();
        QTest::newRow("weak tag, same date") << QByteArray("W/\"a\"") << date << 5000LL << true << 5000LL
                                             << QByteArray("W/\"b\"") << date << QString();
        QTest::newRow("other size") << QByteArray("\"a\"") << QByteArray() << 5000LL << true << 5001LL
                                    << QByteArray("\"a\"") << QByteArray() << otherSize;
        QTest::newRow("other tag") << QByteArray("\"a\"") << date << 5000LL << true << 5000LL
                                   << QByteArray("\"b\"") << date << otherVersion;
        QTest::newRow("weak tag, other date") << QByteArray("W/\"a\"") << date << 5000LL << true << 5000LL
                                              << QByteArray("W/\"a\"") << otherDate << otherVersion;
        QTest::newRow("answer without tag") << QByteArray("\"a\"") << QByteArray() << 5000LL << true << 5000LL
                                            << QByteArray() << date
                                            << u"The new link does not identify its file (no ETag or Last-Modified), "
                                               "so it cannot be compared with the part already downloaded: "
                                               "starting over."_s;
        QTest::newRow("answer without size") << QByteArray("\"a\"") << QByteArray() << 5000LL << true << -1LL
                                             << QByteArray("\"a\"") << QByteArray()
                                             << u"The new link does not say how large its file is, so it cannot "
                                                "be compared with the part already downloaded: starting over."_s;
        QTest::newRow("full body of the same file") << QByteArray("\"a\"") << QByteArray() << 5000LL << false << 5000LL
                                                    << QByteArray("\"a\"") << QByteArray()
                                                    << u"The new link did not continue the part already downloaded: "
                                                       "starting over."_s;
        QTest::newRow("nothing recorded") << QByteArray() << QByteArray() << 5000LL << true << 5000LL
                                          << QByteArray("\"a\"") << date
                                          << u"The new link cannot be compared with the part already downloaded "
                                             "(no ETag or Last-Modified was recorded for it): starting over."_s;
        QTest::newRow("only a weak tag recorded") << QByteArray("W/\"a\"") << QByteArray() << 5000LL << true << 5000LL
                                                  << QByteArray("W/\"a\"") << QByteArray()
                                                  << u"The new link cannot be compared with the part already "
                                                     "downloaded (no ETag or Last-Modified was recorded for it): "
                                                     "starting over."_s;
        QTest::newRow("size never known") << QByteArray("\"a\"") << QByteArray() << -1LL << true << 5000LL
                                          << QByteArray("\"a\"") << QByteArray()
                                          << u"The new link cannot be compared with the part already downloaded "
                                             "(its size was never known): starting over."_s;
    }
    void rule()
    {
        QFETCH(QByteArray, etag);
        QFETCH(QByteArray, lastModified);
        QFETCH(qint64, total);
        QFETCH(bool, continues);
        QFETCH(qint64, answerTotal);
        QFETCH(QByteArray, answerEtag);
        QFETCH(QByteArray, answerDate);
        QFETCH(QString, why);
        const DownloadItem item = changedItem(etag, lastModified, total);
        QCOMPARE(LinkChange::whyStartOver(item, LinkAnswer{continues, answerTotal, answerEtag, answerDate}), why);
    }

    void otherFileIsARestartNotAFailure()
    {
        const TransferError error = LinkChange::otherFile(u"why"_s);
        QCOMPARE(error.kind, ErrorKind::OtherFile);
        QVERIFY(error.restartFromZero);
        QCOMPARE(error.message, u"why"_s);
    }
};

QTEST_APPLESS_MAIN(TestLinkChange)
#include "tst_linkchange.moc"
