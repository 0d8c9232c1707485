// syncFolderOf() lets callers in one folder share a sync: each returns only after a sync that began
// after its call, none waits forever, and folders do not hold each other up.

#include "util/foldersync.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
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
};

QTEST_GUILESS_MAIN(TestFolderSync)
#include "tst_foldersync.moc"
