// The file side of one download on its own: name, .part, writing, and the finish step's verdicts.

#include "disk/downloadtarget.h"
#include "disk/nameregistry.h"
#include "disk/partfile.h"
#include "queue/downloaditem.h"

#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    QVERIFY(!target.open(PartWriter::Start{}, {}).isError());
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

    // Issue 8: two writers of one .part (two quiver-cli on one session, a second window on one queue)
    // interleaved their bytes into one file. The second open is refused, and the file is not cut.
    void aSecondWriterOfAPartIsRefusedAndTouchesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.bin.part"_s);
        const QByteArray data = Test::randomBytes(5000, 10);
        PartFile first;
        const ThreadTurn::Scope firstTurn(first.turn());
        QVERIFY2(first.open(path, 0), qPrintable(first.errorString()));
        QVERIFY(first.write(data.constData(), data.size()));

        PartFile second;
        const ThreadTurn::Scope secondTurn(second.turn());
        QVERIFY(!second.open(path, 0));   // would cut the file to 0 bytes
        QVERIFY(!second.isOpen());
        QVERIFY2(second.errorString().startsWith(u"Another program is writing “a.bin.part” in “%1”"_s.arg(dir.path())),
                 qPrintable(second.errorString()));
        QCOMPARE(Test::fileSha256(path), Test::sha256(data));

        // The owner gone, the file is free again.
        first.close();
        QVERIFY2(second.open(path, 1000), qPrintable(second.errorString()));
        QCOMPARE(second.size(), 1000);
    }

    void aSecondTargetForTheSamePartFailsAsALocalFileError()
    {
        QTemporaryDir dir;
        NameRegistry names;
        DownloadItem item;
        item.directory = dir.path();
        item.fileName = u"file.bin"_s;
        item.url = QUrl(u"http://example.org/file.bin"_s);
        DownloadTarget owner(item, TargetServices{&names, nullptr, {}});
        fill(owner, Test::randomBytes(4096, 11));
        DownloadTarget intruder(item, TargetServices{&names, nullptr, {}});
        QVERIFY(!intruder.open(PartWriter::Start{}, {}).isError());   // opened on the disk thread: the refusal comes as a write error
        bool written = false;
        intruder.whenWritten([&written] { written = true; });
        QTRY_VERIFY(written);
        const TransferError error = intruder.writeError();
        QCOMPARE(error.kind, ErrorKind::LocalFile);
        QVERIFY(!error.restartFromZero);
        QVERIFY2(error.message.startsWith(u"Another program is writing “file.bin.part”"_s), qPrintable(error.message));
        QCOMPARE(QFileInfo(owner.partPath()).size(), 4096);
    }

    // Issue 8: a .part renamed away by another program ended "The folder does not exist (any more)",
    // though the folder was there.
    void aVanishedPartSaysSoNotThatTheFolderWentAway()
    {
        QTemporaryDir dir;
        NameRegistry names;
        DownloadItem item;
        item.directory = dir.path();
        item.url = QUrl(u"http://example.org/file.bin"_s);
        DownloadTarget target(item, TargetServices{&names, nullptr, {}});
        fill(target, Test::randomBytes(64 * 1024, 12));
        QVERIFY(QFile::rename(target.partPath(), dir.filePath(u"elsewhere.bin"_s)));
        Finished finished;
        finish(target, &finished);
        QCOMPARE(finished.error.kind, ErrorKind::LocalFile);
        const QString message = finished.error.message;
        QVERIFY2(message.startsWith(u"The partial file has disappeared (another program moved or deleted it): "
                                    "Quiver could not rename “file.bin.part”"_s),
                 qPrintable(message));
        QVERIFY2(!message.contains(u"folder does not exist"_s), qPrintable(message));
        QVERIFY(!QFile::exists(dir.filePath(u"file.bin"_s)));
    }

    void aMissingFolderIsStillAMissingFolder()
    {
        QTemporaryDir dir;
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(!file.open(dir.filePath(u"gone/a.bin.part"_s), 0));
        QVERIFY2(file.errorString().startsWith(u"The folder does not exist (any more)"_s), qPrintable(file.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestDownloadTarget)
#include "tst_downloadtarget.moc"
