// Real-world Range behaviour: the engine against a real nginx on 127.0.0.1, files of several MiB.

#include "enginetestbase.h"
#include "http/ratelimiter.h"
#include "nginxfixture.h"
#include "util/byteranges.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestNginx final : public QObject
{
    Q_OBJECT

    // An item as an earlier, interrupted run left it: the first `have` bytes in NAME.part.
    DownloadItem interrupted(EngineHarness &h, const QString &name, const QByteArray &content, qint64 have,
                             const QByteArray &etag)
    {
        writeFile(h.path(name + u".part"_s), content.left(have));
        DownloadItem item;
        item.url = m_nginx.url(u"/"_s + name);
        item.directory = h.dir.path();
        item.fileName = name;
        item.bytesReceived = have;
        item.bytesTotal = content.size();
        item.etag = etag;
        item.state = DownloadState::Downloading;   // it was running when the run ended
        return item;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (int i = 0; i < 4; ++i)
            m_files.append(randomBytes((3 + i) * 1024 * 1024 + i * 1237, 500 + i));
        for (int i = 0; i < m_files.size(); ++i)
            writeFile(m_root.filePath(u"file%1.bin"_s.arg(i)), m_files.at(i));
        QVERIFY2(m_nginx.start(m_root.path()), qPrintable(m_nginx.errorString()));
    }

    void parallelDownloads()
    {
        EngineHarness h;
        QList<QUrl> urls;
        for (int i = 0; i < m_files.size(); ++i)
            urls.append(m_nginx.url(u"/file%1.bin"_s.arg(i)));
        const auto ids = h.addMany(urls);
        QVERIFY(h.waitIdle(60000));
        for (int i = 0; i < ids.size(); ++i) {
            QUIVER_VERIFY_FILE(h, ids.at(i), u"file%1.bin"_s.arg(i), m_files.at(i));
            QVERIFY(h.item(ids.at(i)).etag.startsWith('"'));   // nginx's strong ETag was kept for resume
        }
    }

    void resumesFromAPartWithTheRightValidator()
    {
        // Learn nginx's ETag the way the engine does: from a finished download.
        EngineHarness first;
        const DownloadId probe = first.add(m_nginx.url(u"/file2.bin"_s));
        QVERIFY(first.waitIdle(60000));
        const QByteArray etag = first.item(probe).etag;
        QVERIFY(!etag.isEmpty());

        EngineHarness h;
        const QByteArray &content = m_files.at(2);
        const qint64 have = 2 * 1024 * 1024 + 5;
        const DownloadId id = h.engine.restore({interrupted(h, u"file2.bin"_s, content, have, etag)}).constFirst();
        QList<qint64> progress;
        connect(h.engine.model(), &QAbstractItemModel::dataChanged, this,
                [&] { progress.append(h.item(id).bytesReceived); });
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"file2.bin"_s, content);
        QCOMPARE(h.item(id).attempts, 1);
        // nginx honoured the range: the count never went back below what was already on disk.
        for (qint64 value : std::as_const(progress))
            QVERIFY(value >= have);
    }

    void staleValidatorRestartsFromZero()
    {
        EngineHarness h;
        const QByteArray &content = m_files.at(1);
        // The .part holds garbage from another version of the file; its ETag no longer matches.
        QByteArray other = content.left(1024 * 1024);
        other.fill('X');
        DownloadItem item = interrupted(h, u"file1.bin"_s, content, 0, "\"0-stale\"");
        writeFile(h.path(u"file1.bin.part"_s), other);
        item.bytesReceived = other.size();
        const DownloadId id = h.engine.restore({item}).constFirst();
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"file1.bin"_s, content);
    }

    void completePartGetsRangeNotSatisfiable()
    {
        EngineHarness first;
        const DownloadId probe = first.add(m_nginx.url(u"/file0.bin"_s));
        QVERIFY(first.waitIdle(60000));
        const QByteArray etag = first.item(probe).etag;

        EngineHarness h;
        const QByteArray &content = m_files.at(0);
        const DownloadId id = h.engine.restore({interrupted(h, u"file0.bin"_s, content, content.size(), etag)}).constFirst();
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"file0.bin"_s, content);
    }

    void segmentsFromNginx()
    {
        // nginx's own answers to ranges with If-Range: held at a frozen rate limit until all four
        // connections run, then let go; the file is byte-identical and never fell back to one stream.
        EngineHarness h;
        const TokenBucket::Time frozen = std::chrono::seconds(1);
        h.engine.rateLimiter()->setClock([frozen] { return frozen; });
        h.configure([](EngineSettings &s) {
            s.http.segments = 4;
            s.http.minSegmentSize = 256 * 1024;
            s.rateLimit = 1024 * 1024;
        });
        const DownloadId id = h.add(m_nginx.url(u"/file3.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.engine.scheduler()->connectionCount(), 4, 20000);
        h.configure([](EngineSettings &s) { s.rateLimit = 0; });
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"file3.bin"_s, m_files.at(3));
        QVERIFY2(h.item(id).note.isEmpty(), qPrintable(h.item(id).note));
    }

    void segmentsContinueRecordedRangesFromNginx()
    {
        // nginx's ETag, learned from a finished download, then an interrupted segmented run's ranges:
        // every hole is fetched with an overlap that nginx's bytes match.
        EngineHarness first;
        const DownloadId probe = first.add(m_nginx.url(u"/file1.bin"_s));
        QVERIFY(first.waitIdle(60000));
        const QByteArray etag = first.item(probe).etag;
        QVERIFY(etag.startsWith('"'));

        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.http.segments = 4;
            s.http.minSegmentSize = 256 * 1024;
        });
        const QByteArray &content = m_files.at(1);
        QByteArray sparse(2560 * 1024, '\0');
        sparse.replace(0, 1024 * 1024, content.left(1024 * 1024));
        sparse.replace(2048 * 1024, 512 * 1024, content.mid(2048 * 1024, 512 * 1024));
        writeFile(h.path(u"file1.bin.part"_s), sparse);
        DownloadItem item = interrupted(h, u"file1.bin"_s, content, 1536 * 1024, etag);
        item.partUrl = item.url;
        ByteRanges ranges;
        ranges.add({0, 1024 * 1024});
        ranges.add({2048 * 1024, 2560 * 1024});
        item.backendState = QJsonObject{{u"ranges"_s, ranges.toJson()}};
        writeFile(h.path(u"file1.bin.part"_s), sparse);   // interrupted() wrote a plain prefix
        const DownloadId id = h.engine.restore({item}).constFirst();
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"file1.bin"_s, content);
        QCOMPARE(h.item(id).attempts, 1);   // the overlaps matched: nothing started over
    }

    void missingFileIs404()
    {
        EngineHarness h;
        const DownloadId id = h.add(m_nginx.url(u"/nope.bin"_s));
        QVERIFY(h.waitIdle(60000));
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(h.item(id).attempts, 1);
        QVERIFY(h.item(id).lastError.startsWith(u"Server answered 404 Not Found"_s));
        QCOMPARE(h.files(), QStringList());
    }

private:
    QTemporaryDir m_root;
    NginxFixture m_nginx;
    QList<QByteArray> m_files;
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
