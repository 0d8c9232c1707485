#include "disk/partfile.h"
#include "disk/partwriter.h"

#include "testutil.h"

#include <QDir>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <optional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
// Cuts data into pieces of varying size, as network reads arrive.
QList<QByteArray> pieces(const QByteArray &data, quint32 seed)
{
    QList<QByteArray> result;
    const QByteArray sizes = Test::randomBytes(4096, seed);
    qsizetype at = 0;
    for (int i = 0; at < data.size(); ++i) {
        const qsizetype n = qMin<qsizetype>(data.size() - at, 1 + quint8(sizes[i % sizes.size()]) * 1024);
        result.append(data.mid(at, n));
        at += n;
    }
    return result;
}

// The nice value of each of this process's threads, by thread id (Linux: field 19 of its stat file).
QHash<int, int> threadNiceValues()
{
    QHash<int, int> values;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + u"/stat"_s));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The name in parentheses may hold spaces; the fields after it are plain numbers.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            values.insert(tid.toInt(), fields.at(16).toInt());   // field 19 is the 17th after the name
    }
    return values;
}

PartWriter::Start startAt(qint64 offset)
{
    PartWriter::Start start;
    start.offset = offset;
    return start;
}

bool waitIdle(PartWriter &writer)
{
    bool idle = false;
    writer.whenIdle([&idle] { idle = true; });
    return QTest::qWaitFor([&idle] { return idle; }, 20000);
}
} // namespace

class TestPartWriter final : public QObject
{
    Q_OBJECT

private slots:
    void writesEverythingInOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.part"_s);
        auto file = std::make_shared<PartFile>();
        PartWriter writer(file);
        writer.open(dir.path(), path, startAt(0));
        QSignalSpy wrote(&writer, &PartWriter::wrote);

        const QByteArray data = Test::randomBytes(24 * 1024 * 1024 + 77, 11);
        for (const QByteArray &piece : pieces(data, 3))
            writer.append(piece);
        QVERIFY(writer.pendingBytes() <= data.size());
        QVERIFY(waitIdle(writer));

        QVERIFY(!writer.hasFailed());
        QCOMPARE(writer.pendingBytes(), 0);
        QCOMPARE(writer.bytesOnDisk(), qint64(data.size()));
        QTRY_VERIFY(wrote.count() >= 1);   // posted by the disk thread; may still be on its way
        writer.close();
        QCOMPARE(Test::fileSha256(path), Test::sha256(data));
    }

    // Writing runs below the window's thread for the CPU, so a busy machine serves the window first.
    void diskThreadsRunBelowTheCallersPriority()
    {
        if (::getpriority(PRIO_PROCESS, ::gettid()) >= 19)
            QSKIP("started at the lowest priority already: no thread can be put below it");
        QTemporaryDir dir;
        auto file = std::make_shared<PartFile>();
        {
            PartWriter writer(file);
            writer.open(dir.path(), dir.filePath(u"f.part"_s), startAt(0));
            writer.append(Test::randomBytes(1024 * 1024, 12));
            QVERIFY(waitIdle(writer));
        }
        QHash<int, int> after = threadNiceValues();
        const int callers = ::getpriority(PRIO_PROCESS, ::gettid());
        QCOMPARE(after.take(int(::gettid())), callers);   // the caller's own thread is left alone
        // The disk pool's threads outlive the writer; nothing else in this test lowers a thread.
        QVERIFY2(std::count(after.cbegin(), after.cend(), qMin(callers + 10, 19)) >= 1,
                 "no thread runs 10 nice steps below the caller");
    }

    void continuesAfterReopenAtOffset()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.part"_s);
        const QByteArray data = Test::randomBytes(3 * 1024 * 1024, 5);
        auto file = std::make_shared<PartFile>();
        {
            PartWriter first(file);
            first.open(dir.path(), path, startAt(0));
            first.append(data.left(1000000));
            QVERIFY(waitIdle(first));
        }
        // The next attempt cuts to what it trusts and continues from there.
        PartWriter second(file);
        second.open(dir.path(), path, startAt(700000));
        QVERIFY(waitIdle(second));
        QVERIFY(second.isOpen());
        QCOMPARE(second.bytesOnDisk(), 700000);
        for (const QByteArray &piece : pieces(data.mid(700000), 9))
            second.append(piece);
        QVERIFY(waitIdle(second));
        QCOMPARE(second.bytesOnDisk(), qint64(data.size()));
        second.close();
        QCOMPARE(Test::fileSha256(path), Test::sha256(data));
    }

    // A write error (here the file-size limit, which fails write() with EFBIG the way a full disk fails
    // it with ENOSPC) keeps exactly the bytes before it and writes nothing after it.
    void failureKeepsThePrefixAndStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.part"_s);
        auto file = std::make_shared<PartFile>();
        PartWriter writer(file);
        writer.open(dir.path(), path, startAt(0));
        QVERIFY(waitIdle(writer));
        QSignalSpy wrote(&writer, &PartWriter::wrote);

        constexpr rlim_t limit = 1024 * 1024 + 123;
        struct rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limited = saved;
        limited.rlim_cur = limit;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);

        const QByteArray data = Test::randomBytes(3 * 1024 * 1024, 21);
        for (const QByteArray &piece : pieces(data, 4))
            writer.append(piece);
        const bool idle = waitIdle(writer);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(idle);

        QVERIFY(writer.hasFailed());
        QVERIFY2(writer.errorString().contains(u"f.part"_s), qPrintable(writer.errorString()));
        QCOMPARE(writer.pendingBytes(), 0);
        QCOMPARE(writer.bytesOnDisk(), qint64(limit));
        QTRY_VERIFY(wrote.count() >= 1);   // posted by the disk thread; may still be on its way
        writer.append(data.left(10));   // ignored after a failure
        QVERIFY(writer.isIdle());
        writer.close();
        QCOMPARE(Test::readFile(path), data.left(qsizetype(limit)));
    }

    // A writer destroyed mid-queue (the download was removed or its attempt ended) leaves a file that is a
    // prefix of what was queued, and nothing writes to it afterwards.
    void destructionStopsWriting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.part"_s);
        auto file = std::make_shared<PartFile>();
        const QByteArray data = Test::randomBytes(64 * 1024 * 1024, 8);
        qint64 sizeAtDestruction = -1;
        {
            PartWriter writer(file);
            writer.open(dir.path(), path, startAt(0));
            QVERIFY(waitIdle(writer));
            for (const QByteArray &piece : pieces(data, 6))
                writer.append(piece);
        }
        {
            const ThreadTurn::Scope turn(file->turn());   // the file is this thread's again
            sizeAtDestruction = file->size();
        }
        const QByteArray onDisk = Test::readFile(path);
        QCOMPARE(qint64(onDisk.size()), sizeAtDestruction);
        QCOMPARE(onDisk, data.left(onDisk.size()));
        // The file is ours again at once: a new attempt can cut it and write without interference.
        PartWriter next(file);
        next.open(dir.path(), path, startAt(0));
        next.append(data.left(4096));
        QVERIFY(waitIdle(next));
        next.close();
        QCOMPARE(Test::readFile(path), data.left(4096));
    }

    // The finish runs on a disk thread after the last byte is in the file, and its owner hears of it
    // once, on its own thread, instead of a progress report. (That a small file costs one trip to the
    // disk thread is a matter of timing, measured in bench/: `--scenario syscalls`.)
    void finishRunsOnTheDiskThreadAfterTheLastByte()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.part"_s);
        auto file = std::make_shared<PartFile>();
        PartWriter writer(file);
        QSignalSpy wrote(&writer, &PartWriter::wrote);
        const QByteArray data = Test::randomBytes(64 * 1024 + 5, 12);
        writer.open(dir.path(), path, startAt(0));
        for (const QByteArray &piece : pieces(data, 7))
            writer.append(piece);
        std::atomic<int> runs = 0;
        std::atomic<qint64> sizeSeen = -1;
        std::atomic<bool> offThisThread = false;
        const Qt::HANDLE self = QThread::currentThreadId();
        std::optional<bool> ran;
        Qt::HANDLE doneOn = nullptr;
        writer.finishWith(
            [&, file](std::function<void()> finished) {
                ++runs;
                offThisThread = QThread::currentThreadId() != self;
                {
                    const ThreadTurn::Scope turn(file->turn());
                    sizeSeen = file->size();
                }
                finished();
            },
            [&](bool result) {
                ran = result;
                doneOn = QThread::currentThreadId();
            });
        QTRY_VERIFY(ran.has_value());
        QVERIFY(*ran);
        QCOMPARE(runs.load(), 1);
        QVERIFY(offThisThread.load());
        QCOMPARE(sizeSeen.load(), qint64(data.size()));
        QCOMPARE(doneOn, self);
        QCOMPARE(wrote.count(), 0);
        QVERIFY(writer.isIdle());
        writer.close();
        QCOMPARE(Test::fileSha256(path), Test::sha256(data));
    }

    void aFailedWriterSkipsTheFinish()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"notafolder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto file = std::make_shared<PartFile>();
        PartWriter writer(file);
        // A file where the folder should be: the .part cannot be made.
        writer.open(dir.filePath(u"notafolder"_s), dir.filePath(u"notafolder/f.part"_s), startAt(0));
        writer.append(QByteArray(100, 'x'));
        bool workRan = false;
        std::optional<bool> ran;
        writer.finishWith([&workRan](std::function<void()> finished) {
            workRan = true;
            finished();
        }, [&ran](bool result) { ran = result; });
        QTRY_VERIFY(ran.has_value());
        QVERIFY(!*ran);
        QVERIFY(!workRan);
        QVERIFY(writer.hasFailed());
    }

    void whenIdleRunsAtOnceWhenNothingIsQueued()
    {
        QTemporaryDir dir;
        auto file = std::make_shared<PartFile>();
        PartWriter writer(file);
        bool called = false;
        writer.whenIdle([&called] { called = true; });
        QVERIFY(called);
    }
};

QTEST_GUILESS_MAIN(TestPartWriter)
#include "tst_partwriter.moc"
