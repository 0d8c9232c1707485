// Objects that threads share are used in turn, and a use out of turn stops a debug (sanitizer) build on
// the spot instead of racing: the .part between the disk thread, the verify worker and its owner, and the
// session writer's calls. Each violation runs in a child process, which must die of the assertion.

#include "disk/partfile.h"
#include "session/sessionwriter.h"
#include "util/threadturn.h"

#include <QProcess>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
// What the child process does; 0 when nothing stopped it.
int runCase(const QByteArray &name)
{
    QTemporaryDir dir;
    if (name == "part-in-turn" || name == "part-out-of-turn") {
        PartFile file;
        QSemaphore taken;
        QSemaphore done;
        // Another thread has the file (the disk thread filling it) until told to give it back.
        std::thread writer([&] {
            const ThreadTurn::Scope turn(file.turn());
            file.open(dir.filePath(u"f.part"_s), 0);
            taken.release();
            done.acquire();
        });
        taken.acquire();
        if (name == "part-in-turn") {
            done.release();
            writer.join();
            const ThreadTurn::Scope turn(file.turn());   // handed back: now it is this thread's
            const bool ok = file.size() == 0;
            file.close();
            return ok ? 0 : 1;
        }
        const qint64 size = file.size();   // out of turn: the other thread still has it
        done.release();
        writer.join();
        return size == 0 ? 0 : 1;
    }
    if (name == "session-owner" || name == "session-other-thread") {
        SessionWriter writer(dir.filePath(u"queue.json"_s));
        if (name == "session-owner") {
            writer.writeNow({});
            return writer.waitFor(1).ok ? 0 : 1;
        }
        std::thread other([&writer] { writer.writeNow({}); });
        other.join();
        return 0;
    }
    return 3;
}
} // namespace

class TestThreadTurn final : public QObject
{
    Q_OBJECT

private:
    // Runs one case in a child process: how it ended and what it said.
    static std::pair<QProcess::ExitStatus, QByteArray> run(const char *name)
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {u"--case"_s, QString::fromLatin1(name)});
        if (!child.waitForFinished(30000))
            return {QProcess::CrashExit, "timed out"};
        const QByteArray said = child.readAllStandardError();
        if (child.exitStatus() == QProcess::NormalExit && child.exitCode() != 0)
            return {QProcess::CrashExit, "exit code " + QByteArray::number(child.exitCode()) + ": " + said};
        return {child.exitStatus(), said};
    }

private slots:
    void inTurnUseRuns_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("the .part handed back") << QByteArray("part-in-turn");
        QTest::newRow("the session writer from its own thread") << QByteArray("session-owner");
    }
    void inTurnUseRuns()
    {
        QFETCH(QByteArray, name);
        const auto [status, said] = run(name.constData());
        QVERIFY2(status == QProcess::NormalExit, said.constData());
    }

    void outOfTurnUseStops_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("the .part used while another thread has it")
            << QByteArray("part-out-of-turn") << QByteArray("used by a thread whose turn it is not");
        QTest::newRow("the session writer from another thread")
            << QByteArray("session-other-thread") << QByteArray("called from a thread other than the one it lives in");
    }
    void outOfTurnUseStops()
    {
#ifdef QT_NO_DEBUG
        QSKIP("the turns are checked in debug and sanitizer builds only");
#endif
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, message);
        const auto [status, said] = run(name.constData());
        QCOMPARE(status, QProcess::CrashExit);
        QVERIFY2(said.contains(message), said.constData());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && QByteArrayView(argv[1]) == "--case")
        return runCase(argv[2]);
    TestThreadTurn test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_threadturn.moc"
