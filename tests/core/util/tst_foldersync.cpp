// syncFolderOf() and syncFolderThen() let callers in one folder share a sync: each is done only after a
// sync that began after its call, every callback runs exactly once, none waits forever, and folders do
// not hold each other up.

#include "util/foldersync.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace Quiver;
using namespace Qt::StringLiterals;

class TestFolderSync : public QObject
{
    Q_OBJECT

private slots:
    void manyCallersAllReturn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"a"_s));
        QVERIFY(QDir(dir.path()).mkdir(u"b"_s));
        constexpr int threads = 16;
        constexpr int callsEach = 50;
        std::atomic<int> done{0};
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            const QString folder = dir.filePath(t % 2 ? u"a"_s : u"b"_s);
            workers.emplace_back(QThread::create([folder, t, &done] {
                for (int i = 0; i < callsEach; ++i) {
                    const QString file = folder + u"/f%1-%2"_s.arg(t).arg(i);
                    QFile f(file);
                    if (f.open(QIODevice::WriteOnly))
                        f.close();
                    syncFolderOf(file);
                    ++done;
                }
            }));
            workers.back()->start();
        }
        for (auto &worker : workers)
            QVERIFY(worker->wait());
        QCOMPARE(done.load(), threads * callsEach);
        // Alone, a call syncs at once.
        syncFolderOf(dir.filePath(u"a/f0-0"_s));
    }

    void everyCallbackRunsOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr int threads = 8;
        constexpr int callsEach = 100;
        std::vector<std::atomic<int>> runs(threads * callsEach);
        QSemaphore allDone;
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < callsEach; ++i) {
                    const int index = t * callsEach + i;
                    syncFolderThen(dir.filePath(u"f%1"_s.arg(index)), [&runs, &allDone, index] {
                        ++runs[size_t(index)];
                        allDone.release();
                    });
                }
            }));
            workers.back()->start();
        }
        allDone.acquire(threads * callsEach);
        for (auto &worker : workers)
            QVERIFY(worker->wait());
        for (const std::atomic<int> &count : runs)
            QCOMPARE(count.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFolderSync)
#include "tst_foldersync.moc"
