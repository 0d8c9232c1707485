// Every moment is a safe moment to crash (issue 12): quiver-cli killed at each point of a download's start
// and finish, then run again the same way, ends with exactly the file asked for, under its own name,
// byte-identical, and nothing left over. On a file system that keeps extended attributes and on one that
// does not (a ramfs, in a private mount namespace), with and without a queue file.

#include "clirunner.h"
#include "faultserver.h"
#include "mountnamespace.h"
#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/xattr.h>

using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {
enum class Moment {
    BeforeTheRequest,   // the request reached the server; nothing was answered
    AfterTheHeaders,    // the answer's head is in and the .part exists; no byte yet
    AfterFirstBytes,    // part of the body is in the .part
    BeforePart,         // the name is recorded, the .part not yet created (inside the process)
    PartCreated,        // the .part was just created (inside the process)
    FinishSynced,       // the complete .part is synced, not yet renamed (inside the process)
    FinishRenamed,      // the file has its final name; the queue file does not know yet (inside the process)
};

// Whether files in folder keep user extended attributes (tmpfs before Linux 6.6 does not).
bool keepsAttributes(const QString &folder)
{
    const QString probe = QDir(folder).filePath(u".xattr-probe"_s);
    QFile file(probe);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.close();
    const bool kept = ::setxattr(QFile::encodeName(probe).constData(), "user.quiver.probe", "1", 1, 0) == 0;
    QFile::remove(probe);
    return kept;
}

const char *crashPointOf(Moment moment)
{
    switch (moment) {
    case Moment::BeforePart: return "before-part";
    case Moment::PartCreated: return "part-created";
    case Moment::FinishSynced: return "finish-synced";
    case Moment::FinishRenamed: return "finish-renamed";
    default: return nullptr;
    }
}
} // namespace

class TestCrashSafety final : public QObject
{
    Q_OBJECT

public:
    explicit TestCrashSafety(QString namespaceProblem) : m_namespaceProblem(std::move(namespaceProblem)) {}

private:
    // A folder for the downloads: on the test's disk, or a ramfs (no extended attributes) over it.
    bool prepareFolder(const QString &path, bool withAttributes)
    {
        if (!QDir().mkpath(path))
            return false;
        if (withAttributes) {
            m_skipReason = u"the test folder's file system keeps no extended attributes"_s;
            return keepsAttributes(path);
        }
        if (!m_namespaceProblem.isEmpty()) {
            m_skipReason = u"no private mount namespace for a ramfs: "_s + m_namespaceProblem;
            return false;
        }
        const QString problem = mountRamfs(path);
        if (!problem.isEmpty()) {
            m_skipReason = u"no ramfs: "_s + problem;
            return false;
        }
        m_mounted.append(path);
        return true;
    }

    // Starts quiver-cli, kills it at moment, and returns once it is dead.
    void runAndKill(const QStringList &arguments, Moment moment, const QString &part)
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (const char *point = crashPointOf(moment))
            environment.insert(u"QUIVER_CRASH_AT"_s, QString::fromLatin1(point));
        process.setProcessEnvironment(environment);
        if (moment == Moment::BeforeTheRequest) {
            connect(&m_server, &FaultServer::requestReceived, &process, [&process] { process.kill(); });
        }
        process.start(cliPath(), arguments);
        QVERIFY(process.waitForStarted());
        if (moment == Moment::AfterTheHeaders)
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(part) || finished.count() > 0, 20000);
        if (moment == Moment::AfterFirstBytes)
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() >= 100000 || finished.count() > 0, 20000);
        // An inside moment kills the process itself (SIGKILL) when it gets there.
        if (finished.isEmpty() && !crashPointOf(moment))
            process.kill();   // SIGKILL
        QVERIFY(finished.count() > 0 || finished.wait(20000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        m_server.disconnect(&process);
    }

    QStringList m_mounted;
    QString m_skipReason;
    QString m_namespaceProblem;
    FaultServer m_server;

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(cliPath()).isExecutable(), "QUIVER_CLI must point at quiver-cli"); }
    void init()
    {
        QVERIFY(m_server.listen());
        m_skipReason.clear();
    }
    void cleanup()
    {
        for (const QString &path : std::as_const(m_mounted))
            unmount(path);
        m_mounted.clear();
        m_server.close();
        m_server.reset();
    }

    void killedAtAnyMomentEndsWithTheOneRightFile_data()
    {
        QTest::addColumn<Moment>("moment");
        QTest::addColumn<bool>("withAttributes");
        QTest::addColumn<bool>("withSession");
        const QList<std::pair<const char *, Moment>> moments{
            {"before the request", Moment::BeforeTheRequest}, {"after the headers", Moment::AfterTheHeaders},
            {"after the first bytes", Moment::AfterFirstBytes}, {"name recorded, no .part", Moment::BeforePart},
            {".part just created", Moment::PartCreated}, {"synced, not renamed", Moment::FinishSynced},
            {"renamed, not saved", Moment::FinishRenamed}};
        for (const auto &[name, moment] : moments) {
            QTest::addRow("%s, session, attributes", name) << moment << true << true;
            QTest::addRow("%s, session, no attributes", name) << moment << false << true;
            QTest::addRow("%s, no session, attributes", name) << moment << true << false;
        }
    }

    void killedAtAnyMomentEndsWithTheOneRightFile()
    {
        QFETCH(Moment, moment);
        QFETCH(bool, withAttributes);
        QFETCH(bool, withSession);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        if (!prepareFolder(out, withAttributes))
            QSKIP(qPrintable(m_skipReason));
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 17, 1200 + int(moment));
        const QByteArray etag = "\"k\"";
        Reply first = FaultServer::rangeReply(content, etag);
        if (moment == Moment::AfterTheHeaders || moment == Moment::AfterFirstBytes) {
            first.fault = Fault::HoldAfter;
            first.faultAfter = moment == Moment::AfterTheHeaders ? 0 : 100000;
        }
        m_server.script(u"/k.iso"_s, {first, FaultServer::rangeReply(content, etag)});

        QStringList arguments{u"-d"_s, out, m_server.url(u"/k.iso"_s).toString()};
        if (withSession)
            arguments = QStringList{u"--session"_s, dir.filePath(u"queue.json"_s)} + arguments;
        runAndKill(arguments, moment, QDir(out).filePath(u"k.iso.part"_s));
        m_server.release();

        const CliRun rerun = runCli(arguments);
        QCOMPARE(rerun.exitCode, 0);
        const QStringList left = QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::System);
        if (moment == Moment::FinishRenamed && !withSession) {
            // Without a queue file nothing says the finished file is this run's: a rerun never replaces
            // a file that is there, so the link is fetched again beside it (what curl -o would refuse
            // and wget would number too). Both copies are the right bytes.
            QCOMPARE(left, (QStringList{u"k (1).iso"_s, u"k.iso"_s}));
            QCOMPARE(fileSha256(QDir(out).filePath(u"k (1).iso"_s)), sha256(content));
        } else if (!withAttributes && !withSession && moment != Moment::BeforeTheRequest
                   && moment != Moment::BeforePart) {
            // Nothing on the file nor in a queue says whose the .part is: it stays untouched, numbered
            // around (the behaviour before attributes), never continued as if it were ours.
            QVERIFY2(left.contains(u"k (1).iso"_s), qPrintable(left.join(u", "_s)));
            QCOMPARE(fileSha256(QDir(out).filePath(u"k (1).iso"_s)), sha256(content));
            return;
        } else {
            QCOMPARE(left, QStringList{u"k.iso"_s});
        }
        QCOMPARE(fileSha256(QDir(out).filePath(u"k.iso"_s)), sha256(content));
    }

    // The same command killed again and again early on (cron with a timeout, a laptop losing power),
    // then run to the end: one file, its own name, no .part left behind.
    void killedManyTimesLeavesNoOrphans()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        QVERIFY(QDir().mkpath(out));
        QList<QByteArray> contents;
        QStringList arguments{u"--session"_s, dir.filePath(u"queue.json"_s), u"-j"_s, u"4"_s, u"-d"_s, out};
        for (int i = 0; i < 4; ++i) {
            contents.append(randomBytes(1024 * 1024 + i, 1300 + i));
            m_server.serveFile(u"/k%1.iso"_s.arg(i), contents.constLast());
            arguments.append(m_server.url(u"/k%1.iso"_s.arg(i)).toString());
        }
        const Moment moments[] = {Moment::BeforePart, Moment::PartCreated, Moment::PartCreated,
                                  Moment::FinishSynced, Moment::FinishRenamed};
        for (Moment moment : moments)
            runAndKill(arguments, moment, {});
        const CliRun last = runCli(arguments);
        QCOMPARE(last.exitCode, 0);
        QStringList expected;
        for (int i = 0; i < 4; ++i)
            expected.append(u"k%1.iso"_s.arg(i));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::System), expected);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(fileSha256(QDir(out).filePath(expected.at(i))), sha256(contents.at(i)));
    }

    // A .part of this link found without any queue file is continued, as curl -C - would: the rerun
    // asks for the rest (with If-Range), not for the whole file.
    void aPartOfThisLinkIsContinuedWithoutASession()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        if (!prepareFolder(out, true))
            QSKIP(qPrintable(m_skipReason));
        const QByteArray content = randomBytes(2 * 1024 * 1024, 1400);
        Reply held = FaultServer::rangeReply(content, "\"c\"");
        held.fault = Fault::HoldAfter;
        held.faultAfter = 1024 * 1024;
        m_server.script(u"/c.iso"_s, {held, FaultServer::rangeReply(content, "\"c\"")});
        const QStringList arguments{u"-d"_s, out, m_server.url(u"/c.iso"_s).toString()};
        runAndKill(arguments, Moment::AfterFirstBytes, QDir(out).filePath(u"c.iso.part"_s));
        m_server.release();
        const qint64 kept = QFileInfo(QDir(out).filePath(u"c.iso.part"_s)).size();
        QVERIFY(kept >= 100000);

        const CliRun rerun = runCli(arguments);
        QCOMPARE(rerun.exitCode, 0);
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden), QStringList{u"c.iso"_s});
        QCOMPARE(fileSha256(QDir(out).filePath(u"c.iso"_s)), sha256(content));
        const auto requests = m_server.requestsFor(u"/c.iso"_s);
        // The rerun's first answer named the file and found the .part; the next asked for the rest.
        QCOMPARE(requests.constLast().header("range"), resumeRange(kept));
        QCOMPARE(requests.constLast().header("if-range"), QByteArray("\"c\""));
    }

    // A .part left by another link under the same name is never continued nor touched.
    void aPartOfAnotherLinkIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        if (!prepareFolder(out, true))
            QSKIP(qPrintable(m_skipReason));
        const QByteArray other = randomBytes(2 * 1024 * 1024, 1500);
        Reply held = FaultServer::rangeReply(other, "\"o\"");
        held.fault = Fault::HoldAfter;
        held.faultAfter = 1024 * 1024;
        m_server.script(u"/one/x.iso"_s, {held});
        runAndKill({u"-d"_s, out, m_server.url(u"/one/x.iso"_s).toString()}, Moment::AfterFirstBytes,
                   QDir(out).filePath(u"x.iso.part"_s));
        m_server.release();
        const QByteArray before = readFile(QDir(out).filePath(u"x.iso.part"_s));

        const QByteArray content = randomBytes(300000, 1501);
        m_server.serveFile(u"/two/x.iso"_s, content);
        const CliRun run = runCli({u"-d"_s, out, m_server.url(u"/two/x.iso"_s).toString()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(fileSha256(QDir(out).filePath(u"x (1).iso"_s)), sha256(content));
        QCOMPARE(readFile(QDir(out).filePath(u"x.iso.part"_s)), before);
        QVERIFY(m_server.requestsFor(u"/two/x.iso"_s).constFirst().header("range").isEmpty());
    }
};

int main(int argc, char *argv[])
{
    // Before QCoreApplication, while this process has a single thread.
    const QString namespaceProblem = enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestCrashSafety test(namespaceProblem);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
