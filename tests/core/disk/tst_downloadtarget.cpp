// The file side of one download on its own: name, .part, writing, and the finish step's verdicts.

#include "disk/downloadtarget.h"
#include "disk/nameregistry.h"
#include "queue/downloaditem.h"

#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
struct Finished {
    bool done = false;
    TransferError error;
};

// Opens a target in dir, writes data to its .part and waits until it is on disk.
void fill(DownloadTarget &target, const QByteArray &data)
{
    QVERIFY(!target.open({0}, {}).isError());
    target.write(data);
    bool written = false;
    target.whenWritten([&written] { written = true; });
    QTRY_VERIFY(written);
    QVERIFY(!target.hasWriteFailed());
}

void finish(DownloadTarget &target, Finished *result)
{
    target.finish([result](const TransferError &error) {
        result->done = true;
        result->error = error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(result->done, 10000);
}
} // namespace

class TestDownloadTarget final : public QObject
{
    Q_OBJECT

private slots:
    void theRightBytesGetTheirName()
    {
        QTemporaryDir dir;
        NameRegistry names;
        const QByteArray data = Test::randomBytes(300 * 1024, 7);
        DownloadItem item;
        item.directory = dir.path();
        item.url = QUrl(u"http://example.org/file.bin"_s);
        item.sha256 = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        DownloadTarget target(item, TargetServices{&names, nullptr, {}});
        fill(target, data);
        QCOMPARE(target.fileName(), u"file.bin"_s);
        Finished finished;
        finish(target, &finished);
        QVERIFY2(!finished.error.isError(), qPrintable(finished.error.message));
        QCOMPARE(Test::fileSha256(dir.filePath(u"file.bin"_s)), Test::sha256(data));
        QVERIFY(!QFile::exists(dir.filePath(u"file.bin.part"_s)));
    }

    void otherBytesAreAChecksumMismatch()
    {
        QTemporaryDir dir;
        NameRegistry names;
        const QByteArray data = Test::randomBytes(64 * 1024, 8);
        DownloadItem item;
        item.directory = dir.path();
        item.url = QUrl(u"http://example.org/file.bin"_s);
        item.sha256 = QCryptographicHash::hash("something else", QCryptographicHash::Sha256);
        DownloadTarget target(item, TargetServices{&names, nullptr, {}});
        fill(target, data);
        Finished finished;
        finish(target, &finished);
        QCOMPARE(finished.error.kind, ErrorKind::Checksum);
        QVERIFY(finished.error.restartFromZero);
        QVERIFY2(finished.error.message.contains(QString::fromLatin1(Test::sha256(data))), qPrintable(finished.error.message));
        QVERIFY(!QFile::exists(dir.filePath(u"file.bin"_s)));
        QCOMPARE(Test::fileSha256(dir.filePath(u"file.bin.part"_s)), Test::sha256(data));
    }

    // Issue 14, point 2: a .part that cannot be read back was reported as "SHA-256 is , but …" and
    // thrown away to start over. It is a local-file error with its reason, and nothing restarts.
    void aReadErrorIsNotAChecksumMismatch()
    {
        QTemporaryDir dir;
        NameRegistry names;
        const QByteArray data = Test::randomBytes(64 * 1024, 9);
        DownloadItem item;
        item.directory = dir.path();
        item.url = QUrl(u"http://example.org/file.bin"_s);
        item.sha256 = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        DownloadTarget target(item, TargetServices{&names, nullptr, {}});
        fill(target, data);
        // The .part goes from under the open file: syncing it still works, reading it back by name cannot.
        QVERIFY(QFile::remove(target.partPath()));
        Finished finished;
        finish(target, &finished);
        QCOMPARE(finished.error.kind, ErrorKind::LocalFile);
        QVERIFY(!finished.error.restartFromZero);
        QVERIFY2(finished.error.message.contains(u"could not read “file.bin.part”"_s), qPrintable(finished.error.message));
        QVERIFY2(!finished.error.message.contains(u"SHA-256"_s), qPrintable(finished.error.message));
        QVERIFY(!QFile::exists(dir.filePath(u"file.bin"_s)));
    }
};

QTEST_GUILESS_MAIN(TestDownloadTarget)
#include "tst_downloadtarget.moc"
