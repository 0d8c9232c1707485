// SessionStore's saves off the GUI thread (SessionWriter): only changed rows are serialized again, a
// change that comes while a write is in flight is not lost, a synchronous save waits for the latest
// state to be on the disk, and a failed write is reported and made good by the next one. The lines of
// unchanged rows come from the file written last: one changed or replaced by another program, or a save
// whose rows went straight into a file that failed, costs a write of every row, never a wrong one.

#include "queue/queuemodel.h"
#include "session/sessionstore.h"
#include "session/sessionwriter.h"
#include "mountnamespace.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>

#include <sys/statvfs.h>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonArray itemsIn(const QString &file)
{
    return QJsonDocument::fromJson(readFile(file)).object().value("items"_L1).toArray();
}

DownloadItem plainItem(const QString &directory, const QString &name)
{
    DownloadItem item;
    item.url = QUrl(u"http://example.org/"_s + name);
    item.directory = directory;
    item.fileName = name;
    return item;
}

// Holds each write on the writing thread until the test lets it go (or, should the test fail before it
// does, a while later, so the failure does not hang the run).
struct WriteGate {
    QSemaphore entered;
    QSemaphore release;
    std::function<void()> hook()
    {
        return [this] {
            entered.release();
            release.tryAcquire(1, 20000);
        };
    }
    // Timed saves start from the event loop, so it must run while the test waits for one.
    bool waitForAWrite() { return QTest::qWaitFor([this] { return entered.tryAcquire(); }, 5000); }
};

} // namespace

class TestSessionWriter final : public QObject
{
    Q_OBJECT

public:
    explicit TestSessionWriter(QString namespaceProblem) : m_namespaceProblem(std::move(namespaceProblem)) {}

private:
    QString m_namespaceProblem;

    static QStringList namesIn(const QString &file)
    {
        QStringList names;
        for (const QJsonValue &item : itemsIn(file))
            names.append(item.toObject().value("fileName"_L1).toString());
        return names;
    }

private slots:
    void writerTakesInChangesWhileAWriteIsInFlight()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        WriteGate gate;
        SessionWriter writer(file);
        writer.setBeforeWriteHook(gate.hook());
        DownloadItem first = plainItem(dir.path(), u"a.bin"_s);
        first.id = 1;
        const quint64 one = writer.write({QList<DownloadId>{1}, {first}});
        QVERIFY(gate.entered.tryAcquire(1, 5000));   // the first write is in flight, and held there

        // Both return at once; the writer is busy, so they are merged into the next write.
        first.bytesReceived = 4242;
        DownloadItem second = plainItem(dir.path(), u"b.bin"_s);
        second.id = 2;
        const quint64 two = writer.write({QList<DownloadId>{1, 2}, {first}});
        const quint64 three = writer.write({std::nullopt, {second}});
        QVERIFY(one < two && two < three);
        writer.setBeforeWriteHook({});
        gate.release.release();
        QVERIFY(writer.waitFor(one).ok);
        QVERIFY(writer.waitFor(three).ok);
        const QJsonArray items = itemsIn(file);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("bytesReceived"_L1).toInteger(), 4242);
        QCOMPARE(items.at(1).toObject().value("fileName"_L1).toString(), u"b.bin"_s);
    }

    void changeDuringABackgroundSaveIsNotLost()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        WriteGate gate;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
        store.setBeforeWriteHook(gate.hook());
        QSignalSpy saved(&store, &SessionStore::saved);
        const DownloadId id = model.append({plainItem(dir.path(), u"a.bin"_s)}).constFirst();
        QVERIFY(gate.waitForAWrite());   // written on the writer's thread, held there
        QVERIFY(store.isDirty());

        model.setProgress(id, 4242, 1000000);
        model.flush();
        QVERIFY(model.setState(id, DownloadState::Paused));
        store.setBeforeWriteHook({});
        gate.release.release();
        QTRY_VERIFY(!store.isDirty());
        QVERIFY(saved.size() >= 2);
        QCOMPARE(store.saveCount(), saved.size());
        const QJsonObject item = itemsIn(file).at(0).toObject();
        QCOMPARE(item.value("bytesReceived"_L1).toInteger(), 4242);
        QCOMPARE(item.value("state"_L1).toString(), u"paused"_s);
    }

    void synchronousSaveAfterBackgroundSavesWritesTheLatest()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        WriteGate gate;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(0), std::chrono::milliseconds(60000));
        store.setBeforeWriteHook(gate.hook());
        QSignalSpy saved(&store, &SessionStore::saved);
        QSignalSpy failed(&store, &SessionStore::saveFailed);
        const DownloadId id = model.append({plainItem(dir.path(), u"a.bin"_s)}).constFirst();
        QVERIFY(gate.waitForAWrite());

        // The window closes (or quiver-cli is told to stop) while a timed save is being written.
        model.setProgress(id, 777, 1000);
        model.append({plainItem(dir.path(), u"b.bin"_s)});
        store.setBeforeWriteHook({});
        gate.release.release();
        QVERIFY(store.saveNow());
        QVERIFY(!store.isDirty());
        const QJsonArray items = itemsIn(file);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("bytesReceived"_L1).toInteger(), 777);
        QCOMPARE(items.at(1).toObject().value("fileName"_L1).toString(), u"b.bin"_s);
        // The timed save's own report, still queued, neither counts twice nor brings anything back.
        const int count = store.saveCount();
        QCoreApplication::processEvents();
        QCOMPARE(store.saveCount(), count);
        QCOMPARE(saved.size(), count);
        QCOMPARE(failed.size(), 0);
    }

    void failedBackgroundSaveIsReportedAndRetried()
    {
        QTemporaryDir dir;
        // A file where the session's folder should be: the folder cannot be made, the write fails.
        const QString blocker = dir.filePath(u"state"_s);
        QVERIFY(!writeFile(blocker, "not a folder").isEmpty());
        const QString file = QDir(blocker).filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
        QSignalSpy failed(&store, &SessionStore::saveFailed);
        QSignalSpy saved(&store, &SessionStore::saved);
        model.append({plainItem(dir.path(), u"a.bin"_s)});
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.constFirst().constFirst().toString().contains(file), qPrintable(failed.constFirst().constFirst().toString()));
        QCOMPARE(store.lastError(), failed.constFirst().constFirst().toString());
        QCOMPARE(saved.size(), 0);
        QVERIFY(store.isDirty());

        // Once the way is clear, the next save writes what the failed one could not, too.
        QVERIFY(QFile::remove(blocker));
        model.append({plainItem(dir.path(), u"b.bin"_s)});
        QVERIFY(saved.wait(5000));
        QVERIFY(!store.isDirty());
        QVERIFY(store.lastError().isEmpty());
        const QJsonArray items = itemsIn(file);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("fileName"_L1).toString(), u"a.bin"_s);
    }

    void onlyChangedRowsAreWrittenAgainInQueueOrder()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        const QList<DownloadId> ids = model.append({plainItem(dir.path(), u"a.bin"_s), plainItem(dir.path(), u"b.bin"_s),
                                                    plainItem(dir.path(), u"c.bin"_s)});
        QVERIFY(store.saveNow());
        const auto names = [&file] {
            QStringList result;
            for (const QJsonValue &item : itemsIn(file))
                result.append(item.toObject().value("fileName"_L1).toString());
            return result;
        };
        // A row removed from the middle and another one changed between two saves.
        model.remove({ids.at(1)});
        model.setProgress(ids.at(2), 99, 100);
        QVERIFY(store.saveNow());
        QCOMPARE(names(), QStringList({u"a.bin"_s, u"c.bin"_s}));
        QCOMPARE(itemsIn(file).at(1).toObject().value("bytesReceived"_L1).toInteger(), 99);
        QCOMPARE(itemsIn(file).at(0).toObject().value("bytesReceived"_L1).toInteger(), 0);
        // Then one added at the end.
        model.append({plainItem(dir.path(), u"d.bin"_s)});
        QVERIFY(store.saveNow());
        QCOMPARE(names(), QStringList({u"a.bin"_s, u"c.bin"_s, u"d.bin"_s}));
    }

    // Scattered rows leave the model as a reset: the rows that stay keep their marks, so a change made
    // before the removal is written, and an unchanged row is copied as it was.
    void scatteredRemovalKeepsTheChangesOfTheRowsThatStay()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        QList<DownloadItem> items;
        for (int i = 0; i < 200; ++i)
            items.append(plainItem(dir.path(), u"f%1.bin"_s.arg(i)));
        const QList<DownloadId> ids = model.append(items);
        QVERIFY(store.saveNow());
        model.setProgress(ids.at(151), 151, 1000);
        model.flush();
        QList<DownloadId> even;
        for (int i = 0; i < 200; i += 2)
            even.append(ids.at(i));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.remove(even);
        QCOMPARE(reset.size(), 1);
        QVERIFY(store.saveNow());
        const QJsonArray written = itemsIn(file);
        QCOMPARE(written.size(), 100);
        for (int i = 0; i < 100; ++i) {
            const QJsonObject item = written.at(i).toObject();
            QCOMPARE(item.value("fileName"_L1).toString(), u"f%1.bin"_s.arg(2 * i + 1));
            QCOMPARE(item.value("bytesReceived"_L1).toInteger(), 2 * i + 1 == 151 ? 151 : 0);
        }
    }

    void bigSaveIsHandedOverInPartsAndWrittenWhole()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
        QSignalSpy saved(&store, &SessionStore::saved);
        constexpr int kCount = 10'000;   // more than one part
        QList<DownloadItem> items;
        for (int i = 0; i < kCount; ++i)
            items.append(plainItem(dir.path(), u"f%1.bin"_s.arg(i)));
        const QList<DownloadId> ids = model.append(items);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.size(), 1);   // the parts make one write, not one each
        QJsonArray written = itemsIn(file);
        QCOMPARE(written.size(), kCount);
        QCOMPARE(written.at(kCount - 1).toObject().value("fileName"_L1).toString(), u"f%1.bin"_s.arg(kCount - 1));

        // Every row changes (Start All does that), and the last rows go meanwhile.
        for (DownloadId id : ids)
            model.setIntent(id, Intent::Pause);
        model.remove(ids.mid(kCount - 10));
        QTRY_VERIFY_WITH_TIMEOUT(!store.isDirty(), 30000);   // a sanitizer build on a busy machine is slow
        written = itemsIn(file);
        QCOMPARE(written.size(), kCount - 10);
        for (const QJsonValue &item : std::as_const(written))
            QCOMPARE(item.toObject().value("intent"_L1).toString(), u"pause"_s);
    }

    // The writer serializes below the window's priority: a big save must not copy rows faster than it
    // takes them in, or a busy writer means a copy of every row in memory.
    void bigSaveWaitsForTheWriterInsteadOfCopyingEveryRow()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
        WriteGate gate;
        store.setBeforeWriteHook(gate.hook());
        model.append({plainItem(dir.path(), u"first.bin"_s)});
        QVERIFY(gate.waitForAWrite());   // the writing thread is held; it takes in nothing now

        constexpr int kCount = 40'000;   // ten parts
        QList<DownloadItem> items;
        for (int i = 0; i < kCount; ++i)
            items.append(plainItem(dir.path(), u"f%1.bin"_s.arg(i)));
        model.append(items);
        // The hand-over goes a part per turn: give it the turns it would take to hand over everything.
        QTRY_VERIFY(store.rowsNotTakenIn() > 0);
        QVERIFY(!QTest::qWaitFor([&] { return store.rowsNotTakenIn() > 2 * 4096; }, 500));
        QVERIFY2(store.rowsNotTakenIn() <= 2 * 4096, qPrintable(QString::number(store.rowsNotTakenIn())));

        store.setBeforeWriteHook({});
        gate.release.release();
        QTRY_VERIFY_WITH_TIMEOUT(!store.isDirty(), 30000);
        const QJsonArray written = itemsIn(file);
        QCOMPARE(written.size(), kCount + 1);
        QCOMPARE(written.at(kCount).toObject().value("fileName"_L1).toString(), u"f%1.bin"_s.arg(kCount - 1));
    }

    // Another program edits the file in place, keeping its size and its look: nothing is copied from it
    // any more, and the next save writes every row from the queue.
    void fileChangedInPlaceIsWrittenWholeAgain()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        QSignalSpy failed(&store, &SessionStore::saveFailed);
        const QList<DownloadId> ids = model.append({plainItem(dir.path(), u"a.bin"_s), plainItem(dir.path(), u"b.bin"_s),
                                                    plainItem(dir.path(), u"c.bin"_s)});
        QVERIFY(store.saveNow());
        QByteArray text = readFile(file);
        QVERIFY(text.contains("\"a.bin\""));
        text.replace("\"a.bin\"", "\"z.bin\"");
        QFile same(file);
        QVERIFY(same.open(QIODevice::ReadWrite));   // in place: the same inode, the same size
        QCOMPARE(same.write(text), text.size());
        same.close();

        model.setProgress(ids.at(1), 55, 100);
        QVERIFY(store.saveNow());
        QCOMPARE(namesIn(file), QStringList({u"a.bin"_s, u"b.bin"_s, u"c.bin"_s}));
        QCOMPARE(itemsIn(file).at(1).toObject().value("bytesReceived"_L1).toInteger(), 55);
        QCOMPARE(failed.size(), 0);   // made good within the same save
    }

    // Another file takes the session's name: the rows written before are still this writer's own bytes.
    void fileReplacedByAnotherKeepsTheQueue()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        const QList<DownloadId> ids = model.append({plainItem(dir.path(), u"a.bin"_s), plainItem(dir.path(), u"b.bin"_s)});
        QVERIFY(store.saveNow());
        const QString other = dir.filePath(u"other.json"_s);
        QVERIFY(!writeFile(other, "{\"format\":\"something else\"}\n").isEmpty());
        QVERIFY(::rename(QFile::encodeName(other).constData(), QFile::encodeName(file).constData()) == 0);

        model.setProgress(ids.at(1), 66, 100);
        QVERIFY(store.saveNow());
        QCOMPARE(namesIn(file), QStringList({u"a.bin"_s, u"b.bin"_s}));
        QCOMPARE(itemsIn(file).at(1).toObject().value("bytesReceived"_L1).toInteger(), 66);
    }

    // A synchronous save serializes its rows straight into the file. When that file cannot be finished
    // (the disk is full), those lines exist nowhere: the next save must write every row again, or the
    // changes would be lost for good.
    void rowsOfAFailedSaveAreWrittenByTheNext()
    {
        if (!m_namespaceProblem.isEmpty())
            QSKIP(qPrintable(m_namespaceProblem));
        QTemporaryDir dir;
        const QString disk = dir.filePath(u"disk"_s);
        QVERIFY(QDir().mkpath(disk));
        const QString mounted = mountTmpfs(disk, 512 * 1024);
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        struct Unmount {
            QString path;
            ~Unmount() { unmount(path); }
        } unmountLater{disk};
        const QString file = QDir(disk).filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        QList<DownloadItem> items;
        for (int i = 0; i < 300; ++i)
            items.append(plainItem(dir.path(), u"f%1.bin"_s.arg(i)));
        const QList<DownloadId> ids = model.append(items);
        QVERIFY(store.saveNow());
        const qint64 size = QFileInfo(file).size();
        QVERIFY(size > 32 * 1024);

        // Fill the disk so that a second copy of the file no longer fits.
        struct statvfs space {};
        QVERIFY(::statvfs(QFile::encodeName(disk).constData(), &space) == 0);
        const qint64 free = qint64(space.f_bavail) * qint64(space.f_frsize);
        const QString filler = QDir(disk).filePath(u"filler"_s);
        QVERIFY(!writeFile(filler, QByteArray(free - size / 2, 'x')).isEmpty());

        for (DownloadId id : ids)
            model.setIntent(id, Intent::Pause);
        QVERIFY(!store.saveNow());
        QVERIFY(store.isDirty());

        QVERIFY(QFile::remove(filler));
        QVERIFY(store.saveNow());
        QVERIFY(!store.isDirty());
        const QJsonArray written = itemsIn(file);
        QCOMPARE(written.size(), 300);
        for (const QJsonValue &item : written)
            QCOMPARE(item.toObject().value("intent"_L1).toString(), u"pause"_s);
    }
};

int main(int argc, char *argv[])
{
    // Before QCoreApplication, while this process has a single thread.
    const QString namespaceProblem = enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestSessionWriter test(namespaceProblem);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sessionwriter.moc"
