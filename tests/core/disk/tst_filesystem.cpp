// The local file system fails under a download: a full disk, a file size limit, a read-only disk, a
// target folder that is missing or is a file. Real faults, not mocks: a small tmpfs (or a read-only
// one) in a private mount namespace, and RLIMIT_FSIZE.

#include "clirunner.h"
#include "enginetestbase.h"
#include "mountnamespace.h"

#include <QProcess>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;

// Unmounts on the way out, also when a check fails half-way, so QTemporaryDir can clean up.
class Mount
{
public:
    explicit Mount(QString path) : m_path(std::move(path)) {}
    ~Mount() { unmount(m_path); }
    Q_DISABLE_COPY_MOVE(Mount)

private:
    QString m_path;
};

// Lowers this process's file size limit (SIGXFSZ ignored, so writes past it fail with EFBIG) and puts
// both back on the way out.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit {bytes, m_old.rlim_max};
        m_ok = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { lift(); }
    Q_DISABLE_COPY_MOVE(FileSizeLimit)

    bool ok() const { return m_ok; }
    void lift()
    {
        if (!m_ok)
            return;
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
        m_ok = false;
    }

private:
    struct rlimit m_old {};
    void (*m_oldHandler)(int) = SIG_DFL;
    bool m_ok = false;
};

struct ProcessRun {
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QString err;
};

// quiver-cli with a file size limit, and SIGXFSZ at its default (killing) action, as a shell's
// `ulimit -f` leaves it.
ProcessRun runCliWithFileSizeLimit(const QStringList &arguments, rlim_t bytes)
{
    QProcess process;
    process.setChildProcessModifier([bytes] {
        std::signal(SIGXFSZ, SIG_DFL);
        const struct rlimit limit {bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(cliPath(), arguments);
    if (!process.waitForStarted() || !finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus(), process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
}

// A file served with Range support whose first answer sends `first` bytes, then waits for release().
void serveHeld(FaultServer &server, const QString &path, const QByteArray &content, qint64 first)
{
    Reply held = FaultServer::rangeReply(content);
    held.fault = Fault::HoldAfter;
    held.faultAfter = first;
    server.script(path, {held, FaultServer::rangeReply(content)});
}

QList<RecordedRequest> rangedRequests(const FaultServer &server, const QString &path)
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &request : server.requestsFor(path)) {
        if (!request.header("range").isEmpty())
            result.append(request);
    }
    return result;
}

} // namespace

// A macro, as QSKIP must return from the test function itself.
#define QUIVER_REQUIRE_NAMESPACE()                                                                            \
    do {                                                                                                       \
        if (!m_namespaceProblem.isEmpty())                                                                     \
            QSKIP(qPrintable(u"No private mount namespace for a real full disk: %1"_s.arg(m_namespaceProblem))); \
    } while (false)

class TestFileSystem final : public QObject
{
    Q_OBJECT

public:
    explicit TestFileSystem(QString namespaceProblem) : m_namespaceProblem(std::move(namespaceProblem)) {}

private slots:
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.release();
        m_server.close();
        m_server.reset();
    }

    // ENOSPC on a real tmpfs: the row fails at once with the reason, the .part keeps what was written,
    // no final name appears, the other download goes on; Retry after freeing space continues the .part.
    void diskFullFailsTheRowKeepsThePartAndRetryContinues()
    {
        QUIVER_REQUIRE_NAMESPACE();
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.http.stallTimeout = std::chrono::milliseconds(15000); });
        const QString full = h.path(u"full"_s);
        QVERIFY(QDir().mkpath(full));
        const QString mounted = mountTmpfs(full, 2 * MiB);
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        const Mount mount(full);
        QVERIFY(!writeRandomFile(full + u"/filler"_s, 1536 * KiB, 1).isEmpty());

        const QByteArray big = randomBytes(MiB, 2);
        const QByteArray other = randomBytes(300 * KiB, 3);
        m_server.serveFile(u"/big.bin"_s, big);
        serveHeld(m_server, u"/other.bin"_s, other, 64 * KiB);
        const DownloadId otherId = h.add(m_server.url(u"/other.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 1, 10000);
        LinkOptions intoFull;
        intoFull.directory = u"full"_s;
        const DownloadId bigId = h.add(m_server.url(u"/big.bin"_s), intoFull);

        QTRY_COMPARE_WITH_TIMEOUT(h.item(bigId).state, DownloadState::Failed, 10000);
        const DownloadItem &failed = h.item(bigId);
        QVERIFY2(failed.lastError.startsWith(u"The disk is full: Quiver could not write to “big.bin.part”"_s),
                 qPrintable(failed.lastError));
        QVERIFY2(failed.lastError.endsWith(u"Free some space, then Retry."_s), qPrintable(failed.lastError));
        // The window shows "Failed: " and this reason (tests/gui/tst_queueview.cpp).
        QCOMPARE(failed.state, DownloadState::Failed);
        // No retry loop against a full disk: one attempt, one request.
        QCOMPARE(failed.attempts, 1);
        QCOMPARE(m_server.requestsFor(u"/big.bin"_s).size(), 1);
        const qint64 kept = QFileInfo(full + u"/big.bin.part"_s).size();
        QVERIFY2(kept > 0 && kept < big.size(), qPrintable(QString::number(kept)));
        QCOMPARE(failed.bytesReceived, kept);
        QVERIFY(!QFile::exists(full + u"/big.bin"_s));
        QCOMPARE(readFile(full + u"/big.bin.part"_s), big.left(kept));

        // The other download was running all along and finishes.
        QCOMPARE(h.item(otherId).state, DownloadState::Downloading);
        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(h.item(otherId).state, DownloadState::Finished, 10000);
        QUIVER_VERIFY_FILE(h, otherId, u"other.bin"_s, other);

        QVERIFY(QFile::remove(full + u"/filler"_s));
        h.engine.scheduler()->retry({bigId});
        QVERIFY(h.waitIdle());
        QVERIFY2(h.item(bigId).state == DownloadState::Finished, qPrintable(h.item(bigId).lastError));
        QCOMPARE(fileSha256(full + u"/big.bin"_s), sha256(big));
        QVERIFY(!QFile::exists(full + u"/big.bin.part"_s));
        const auto ranged = rangedRequests(m_server, u"/big.bin"_s);
        QCOMPARE(ranged.size(), 1);
        QCOMPARE(ranged.at(0).header("range"), resumeRange(kept));
        QVERIFY(!ranged.at(0).header("if-range").isEmpty());
    }

    // EFBIG: the same promise for a write error that needs no namespace, so it runs everywhere.
    void fileSizeLimitIsAWriteErrorThatRetryContinues()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.http.stallTimeout = std::chrono::milliseconds(15000); });
        const QByteArray big = randomBytes(MiB, 4);
        const QByteArray other = randomBytes(100 * KiB, 5);
        m_server.serveFile(u"/huge.bin"_s, big);
        serveHeld(m_server, u"/small.bin"_s, other, 10 * KiB);
        const DownloadId otherId = h.add(m_server.url(u"/small.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 1, 10000);

        FileSizeLimit limit(256 * KiB);
        QVERIFY(limit.ok());
        const DownloadId bigId = h.add(m_server.url(u"/huge.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.item(bigId).state, DownloadState::Failed, 10000);
        limit.lift();

        const QString error = h.item(bigId).lastError;
        QVERIFY2(error.startsWith(u"The file is too large for this disk or for the file size limit (ulimit -f): "
                                  u"Quiver could not write to “huge.bin.part”"_s),
                 qPrintable(error));
        QVERIFY2(error.endsWith(u"then Retry."_s), qPrintable(error));
        QCOMPARE(h.item(bigId).attempts, 1);
        QCOMPARE(QFileInfo(h.path(u"huge.bin.part"_s)).size(), 256 * KiB);
        QCOMPARE(h.item(bigId).bytesReceived, 256 * KiB);
        QVERIFY(!QFile::exists(h.path(u"huge.bin"_s)));

        QCOMPARE(h.item(otherId).state, DownloadState::Downloading);
        m_server.release();
        QTRY_COMPARE_WITH_TIMEOUT(h.item(otherId).state, DownloadState::Finished, 10000);
        QUIVER_VERIFY_FILE(h, otherId, u"small.bin"_s, other);

        h.engine.scheduler()->retry({bigId});
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, bigId, u"huge.bin"_s, big);
        const auto ranged = rangedRequests(m_server, u"/huge.bin"_s);
        QCOMPARE(ranged.size(), 1);
        QCOMPARE(ranged.at(0).header("range"), resumeRange(262144));
    }

    // quiver-cli under `ulimit -f`: without SIGXFSZ ignored the kernel would kill it mid-queue.
    void cliReportsAFileSizeLimitInsteadOfDying()
    {
        QTemporaryDir dir;
        const QByteArray big = randomBytes(MiB, 6);
        const QByteArray small = randomBytes(20 * KiB, 7);
        m_server.serveFile(u"/big.bin"_s, big);
        m_server.serveFile(u"/small.bin"_s, small);
        const ProcessRun run = runCliWithFileSizeLimit(
            {u"-d"_s, dir.path(), u"-j"_s, u"1"_s, m_server.url(u"/big.bin"_s).toString(),
             m_server.url(u"/small.bin"_s).toString()},
            256 * KiB);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"The file is too large for this disk or for the file size limit"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"Done: 1 of 2 finished, 1 failed"_s), qPrintable(run.err));
        QCOMPARE(QFileInfo(dir.filePath(u"big.bin.part"_s)).size(), 256 * KiB);
        QVERIFY(!QFile::exists(dir.filePath(u"big.bin"_s)));
        QCOMPARE(fileSha256(dir.filePath(u"small.bin"_s)), sha256(small));
    }

    // The same disk-full story through quiver-cli: its Retry is running again with the same session.
    void cliOnAFullDiskKeepsThePartAndTheNextRunContinues()
    {
        QUIVER_REQUIRE_NAMESPACE();
        QTemporaryDir dir;
        const QString full = dir.filePath(u"full"_s);
        QVERIFY(QDir().mkpath(full));
        const QString mounted = mountTmpfs(full, 2 * MiB);
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        const Mount mount(full);
        QVERIFY(!writeRandomFile(full + u"/filler"_s, 1536 * KiB, 8).isEmpty());
        const QByteArray big = randomBytes(MiB, 9);
        m_server.serveFile(u"/image.iso"_s, big);
        const QString session = dir.filePath(u"queue.json"_s);   // on the big disk: it can still be saved
        const QStringList arguments{u"--session"_s, session, u"-d"_s, full, m_server.url(u"/image.iso"_s).toString()};

        const CliRun first = runCli(arguments);
        QCOMPARE(first.exitCode, 1);
        QVERIFY2(first.err.contains(u"The disk is full: Quiver could not write to “image.iso.part”"_s), qPrintable(first.err));
        const qint64 kept = QFileInfo(full + u"/image.iso.part"_s).size();
        QVERIFY(kept > 0);
        QVERIFY(!QFile::exists(full + u"/image.iso"_s));

        QVERIFY(QFile::remove(full + u"/filler"_s));
        const CliRun second = runCli(arguments);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(fileSha256(full + u"/image.iso"_s), sha256(big));
        QVERIFY(!QFile::exists(full + u"/image.iso.part"_s));
        const auto ranged = rangedRequests(m_server, u"/image.iso"_s);
        QCOMPARE(ranged.size(), 1);
        QCOMPARE(ranged.at(0).header("range"), resumeRange(kept));
    }

    void missingFolderIsCreated()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(5000, 10);
        m_server.serveFile(u"/deep.bin"_s, content);
        LinkOptions options;
        options.directory = u"a/b/c"_s;
        const DownloadId id = h.add(m_server.url(u"/deep.bin"_s), options);
        QVERIFY(h.waitIdle());
        QVERIFY2(h.item(id).state == DownloadState::Finished, qPrintable(h.item(id).lastError));
        QCOMPARE(fileSha256(h.path(u"a/b/c/deep.bin"_s)), sha256(content));
    }

    void folderThatIsAFileFailsWithAClearError_data()
    {
        QTest::addColumn<QString>("directory");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the folder") << u"taken"_s << u"“%1/taken” is a file, not a folder, so nothing can be saved in it."_s;
        QTest::newRow("a parent") << u"taken/sub"_s
                                  << u"“%1/taken” is a file, not a folder, so the folder “%1/taken/sub” cannot be "
                                     u"created in it."_s;
    }
    void folderThatIsAFileFailsWithAClearError()
    {
        QFETCH(QString, directory);
        QFETCH(QString, expected);
        EngineHarness h;
        QVERIFY(!writeFile(h.path(u"taken"_s), "mine").isEmpty());
        m_server.serveFile(u"/f.bin"_s, randomBytes(1000, 11));
        LinkOptions options;
        options.directory = directory;
        const DownloadId id = h.add(m_server.url(u"/f.bin"_s), options);
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        const QString error = h.item(id).lastError;
        QVERIFY2(error.startsWith(expected.arg(h.dir.path())), qPrintable(error));
        QVERIFY2(error.endsWith(u"then Retry."_s), qPrintable(error));
        QCOMPARE(h.item(id).attempts, 1);
        QCOMPARE(readFile(h.path(u"taken"_s)), QByteArray("mine"));
        QCOMPARE(h.files(), QStringList{u"taken"_s});
    }

    // As root (CI, this machine) permission bits stop nothing, so a read-only tmpfs stands in; without
    // a namespace a non-root user gets a folder without write permission instead.
    void readOnlyFolderFailsWithAClearError()
    {
        EngineHarness h;
        const QString locked = h.path(u"locked"_s);
        QVERIFY(QDir().mkpath(locked));
        std::unique_ptr<Mount> mount;
        QString cause = u"The disk is read-only"_s;
        if (m_namespaceProblem.isEmpty()) {
            const QString mounted = mountTmpfs(locked, 64 * KiB, true);
            QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
            mount = std::make_unique<Mount>(locked);
        } else if (::geteuid() != 0) {
            QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
            cause = u"Permission denied"_s;
        } else {
            QSKIP(qPrintable(u"Running as root without a private mount namespace (%1), so no folder here is "
                             u"read-only."_s.arg(m_namespaceProblem)));
        }
        m_server.serveFile(u"/r.bin"_s, randomBytes(1000, 12));
        m_server.serveFile(u"/s.bin"_s, randomBytes(1000, 13));
        LinkOptions inside;
        inside.directory = u"locked"_s;
        LinkOptions below;
        below.directory = u"locked/sub"_s;
        const DownloadId id = h.add(m_server.url(u"/r.bin"_s), inside);
        const DownloadId nested = h.add(m_server.url(u"/s.bin"_s), below);
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(h.item(nested).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.startsWith(cause + u": Quiver could not open “r.bin.part” in “%1”."_s.arg(locked)),
                 qPrintable(h.item(id).lastError));
        QVERIFY2(h.item(nested).lastError.startsWith(cause + u": Quiver could not create the folder “%1/sub”."_s.arg(locked)),
                 qPrintable(h.item(nested).lastError));
        QCOMPARE(QDir(locked).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

private:
    QString m_namespaceProblem;
    FaultServer m_server;
};

int main(int argc, char *argv[])
{
    // Before QCoreApplication, while this process has a single thread.
    const QString namespaceProblem = enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestFileSystem test(namespaceProblem);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_filesystem.moc"
