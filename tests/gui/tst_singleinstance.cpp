// One Quiver per desktop, with real `quiver` processes under the offscreen platform: a second launch
// hands its links to the running window and exits, a killed window leaves nothing in the way, two
// launches at once end as one window, and --help/--version need no window at all. Each process has its
// own HOME and XDG folders (so none touches the developer's), and they share one runtime folder, as the
// launches of one user session do.

#include "faultserver.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {
// A process that a test ends however it went: no window is left running.
struct Launch {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    std::unique_ptr<QSignalSpy> finished = std::make_unique<QSignalSpy>(process.get(), &QProcess::finished);

    ~Launch()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            finished->wait(10000);
        }
    }
    bool running() const { return process->state() == QProcess::Running; }
    bool endedWith(int code) const
    {
        return process->state() == QProcess::NotRunning && process->exitStatus() == QProcess::NormalExit
            && process->exitCode() == code;
    }
    QString err() const { return QString::fromUtf8(process->readAllStandardError()); }
};
} // namespace

class TestSingleInstance final : public QObject
{
    Q_OBJECT

    QString m_quiver;
    FaultServer m_server;
    std::unique_ptr<QTemporaryDir> m_runtime;   // the session's XDG_RUNTIME_DIR, mode 0700
    QTemporaryDir m_homes;

    QString home(const QString &name) const { return QDir(m_homes.path()).filePath(name); }
    QString socketPath() const { return QDir(m_runtime->path()).filePath(u"quiver-%1.socket"_s.arg(::getuid())); }
    static QString queueFile(const QString &home) { return home + u"/.local/share/Quiver/Quiver/queue.json"_s; }
    static QString download(const QString &home, const QString &name) { return home + u"/Downloads/"_s + name; }

    QProcessEnvironment environment(const QString &homePath) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, homePath);
        env.insert(u"XDG_CONFIG_HOME"_s, homePath + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, homePath + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, homePath + u"/.cache"_s);
        env.insert(u"XDG_STATE_HOME"_s, homePath + u"/.local/state"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime->path());
        env.remove(u"XDG_SESSION_ID"_s);
        return env;
    }

    [[nodiscard]] bool start(Launch &launch, const QString &homePath, const QStringList &arguments,
                             const QString &workingDirectory = {}) const
    {
        QDir().mkpath(homePath);
        launch.process->setProcessEnvironment(environment(homePath));
        launch.process->setWorkingDirectory(workingDirectory.isEmpty() ? homePath : workingDirectory);
        launch.process->start(m_quiver, arguments);
        return launch.process->waitForStarted();
    }

    // Whether the window of homePath saved url as finished in its queue file.
    static bool savedAsFinished(const QString &homePath, const QUrl &url)
    {
        const QJsonArray items = QJsonDocument::fromJson(readFile(queueFile(homePath))).object()["items"_L1].toArray();
        for (const QJsonValue &item : items) {
            if (item["url"_L1].toString() == url.toString())
                return item["state"_L1].toString() == u"finished"_s;
        }
        return false;
    }

    static qint64 lockHolder(const QString &homePath)
    {
        return readFile(queueFile(homePath) + u".lock"_s).split('\n').constFirst().toLongLong();
    }

    QUrl serve(const QString &path, const QByteArray &content)
    {
        m_server.serveFile(path, content);
        return m_server.url(path);
    }

private slots:
    void initTestCase()
    {
        m_quiver = qEnvironmentVariable("QUIVER_GUI");
        QVERIFY2(QFileInfo(m_quiver).isExecutable(), "QUIVER_GUI must point at the quiver binary");
        QVERIFY(m_homes.isValid());
    }
    void init()
    {
        QVERIFY(m_server.listen());
        m_runtime = std::make_unique<QTemporaryDir>();
        QVERIFY(m_runtime->isValid());
    }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
        m_runtime.reset();
    }

    // Issue 8, point 4: --help and --version opened a window. Without any display they would abort if
    // they tried.
    void helpAndVersionPrintWithoutAWindow()
    {
        const QString homePath = home(u"help"_s);
        for (const QString &option : {u"--help"_s, u"-h"_s, u"--version"_s}) {
            Launch launch;
            QDir().mkpath(homePath);
            QProcessEnvironment env = environment(homePath);
            for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
                env.remove(name);
            launch.process->setProcessEnvironment(env);
            launch.process->start(m_quiver, {option});
            QVERIFY(launch.process->waitForStarted());
            QVERIFY(launch.finished->wait(10000));
            QVERIFY2(launch.endedWith(0), qPrintable(option + u": "_s + launch.err()));
            const QString out = QString::fromUtf8(launch.process->readAllStandardOutput());
            if (option == u"--version"_s) {
                QCOMPARE(out, u"quiver " QUIVER_VERSION "\n"_s);
            } else {
                QVERIFY2(out.startsWith(u"Usage: "_s) && out.contains(u"[options] [URL|FILE...]"_s), qPrintable(out));
                QVERIFY2(out.contains(u"--version"_s), qPrintable(out));
            }
            QVERIFY(!QFileInfo::exists(socketPath()));   // never got as far as becoming a window
            QVERIFY(!QFileInfo::exists(queueFile(homePath)));
        }
    }

    void anUnknownOptionIsBadUsageWithTheUsage()
    {
        Launch launch;
        QVERIFY(start(launch, home(u"bad"_s), {u"--bogus"_s, u"https://example.org/a"_s}));
        QVERIFY(launch.finished->wait(10000));
        QVERIFY(launch.endedWith(2));
        const QString err = launch.err();
        QVERIFY2(err.startsWith(u"Unknown option 'bogus'.\n"_s) && err.contains(u"Usage: "_s), qPrintable(err));
        QVERIFY(launch.process->readAllStandardOutput().isEmpty());
        QVERIFY(!QFileInfo::exists(socketPath()));
    }

    // Issue 8, point 2: a second `quiver URL` opened a second window on the same queue and .part files.
    void aSecondLaunchHandsItsLinksToTheRunningWindow()
    {
        const QByteArray a = randomBytes(300000, 800);
        const QByteArray b = randomBytes(200000, 801);
        const QByteArray c = randomBytes(100000, 802);
        const QUrl urlA = serve(u"/a.bin"_s, a);
        const QUrl urlB = serve(u"/b.bin"_s, b);
        const QUrl urlC = serve(u"/c.bin"_s, c);
        const QString first = home(u"first"_s);
        const QString second = home(u"second"_s);

        Launch window;
        QVERIFY(start(window, first, {}));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(queueFile(first) + u".lock"_s), 10000);

        // A links file named relative to the second launch's folder, and a link.
        QTemporaryDir folder;
        QVERIFY(!writeFile(QDir(folder.path()).filePath(u"links.txt"_s),
                           urlA.toEncoded() + '\n' + urlB.toEncoded() + '\n').isEmpty());
        Launch launch;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(start(launch, second, {u"links.txt"_s, urlC.toString()}, folder.path()));
        // It ends on its own while the window runs on: it never became a window of its own. How fast is the
        // benchmarks' business (a sanitizer build on a busy machine takes seconds), not an assertion's.
        QVERIFY(launch.finished->wait(10000));
        qInfo("the hand-over took %lld ms", clock.elapsed());
        QVERIFY2(launch.endedWith(0), qPrintable(launch.err()));
        QVERIFY(window.running());

        // The running window shows them, downloads them, and keeps them in its queue file.
        for (const QUrl &url : {urlA, urlB, urlC})
            QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(first, url), 20000);
        QCOMPARE(fileSha256(download(first, u"a.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(download(first, u"b.bin"_s)), sha256(b));
        QCOMPARE(fileSha256(download(first, u"c.bin"_s)), sha256(c));
        for (const QString &path : {u"/a.bin"_s, u"/b.bin"_s, u"/c.bin"_s})
            QCOMPARE(m_server.requestsFor(path).size(), 1);
        QVERIFY(window.running());
        // One process holds the queue: the window's. The second never had a queue, a window or a file.
        QCOMPARE(lockHolder(first), window.process->processId());
        QVERIFY(!QFileInfo::exists(queueFile(second)));
        QVERIFY(!QFileInfo::exists(queueFile(second) + u".lock"_s));
        QVERIFY(!QFileInfo::exists(second + u"/Downloads"_s));
    }

    // A window killed with kill -9 leaves its socket and its queue's lock: the next launch starts anyway.
    void aKilledWindowLeavesNothingInTheWay()
    {
        const QByteArray a = randomBytes(120000, 810);
        const QByteArray b = randomBytes(130000, 811);
        const QByteArray c = randomBytes(140000, 812);
        const QUrl urlA = serve(u"/ka.bin"_s, a);
        const QUrl urlB = serve(u"/kb.bin"_s, b);
        const QUrl urlC = serve(u"/kc.bin"_s, c);
        const QString first = home(u"killed"_s);
        {
            Launch window;
            QVERIFY(start(window, first, {urlA.toString()}));
            QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(first, urlA), 20000);
            window.process->kill();
            QVERIFY(window.finished->wait(10000));
        }
        QVERIFY(QFileInfo::exists(socketPath()));                  // stale: nobody listens
        QVERIFY(QFileInfo::exists(queueFile(first) + u".lock"_s));   // stale: its process is gone

        Launch window;
        QVERIFY(start(window, first, {urlB.toString()}));
        QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(first, urlB), 20000);
        QVERIFY(savedAsFinished(first, urlA));   // the queue was restored, not refused
        QVERIFY(window.running());
        QCOMPARE(lockHolder(first), window.process->processId());

        // And it listens where the dead one did.
        Launch launch;
        QVERIFY(start(launch, home(u"another"_s), {urlC.toString()}));
        QVERIFY(launch.finished->wait(10000));
        QVERIFY2(launch.endedWith(0), qPrintable(launch.err()));
        QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(first, urlC), 20000);
        QCOMPARE(fileSha256(download(first, u"ka.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(download(first, u"kb.bin"_s)), sha256(b));
        QCOMPARE(fileSha256(download(first, u"kc.bin"_s)), sha256(c));
        for (const QString &path : {u"/ka.bin"_s, u"/kb.bin"_s, u"/kc.bin"_s})
            QCOMPARE(m_server.requestsFor(path).size(), 1);
    }

    void twoLaunchesAtOnceEndAsOneWindow()
    {
        const QByteArray a = randomBytes(110000, 820);
        const QByteArray b = randomBytes(120000, 821);
        const QUrl urlA = serve(u"/ra.bin"_s, a);
        const QUrl urlB = serve(u"/rb.bin"_s, b);
        Launch one;
        Launch two;
        QVERIFY(start(one, home(u"one"_s), {urlA.toString()}));
        QVERIFY(start(two, home(u"two"_s), {urlB.toString()}));
        QTRY_VERIFY_WITH_TIMEOUT(!one.running() || !two.running(), 20000);
        Launch &left = one.running() ? two : one;
        Launch &stayed = one.running() ? one : two;
        QVERIFY2(left.endedWith(0), qPrintable(left.err()));
        const QString homePath = &stayed == &one ? home(u"one"_s) : home(u"two"_s);
        QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(homePath, urlA), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(savedAsFinished(homePath, urlB), 20000);
        QVERIFY(stayed.running());
        QCOMPARE(fileSha256(download(homePath, u"ra.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(download(homePath, u"rb.bin"_s)), sha256(b));
        QCOMPARE(m_server.requestsFor(u"/ra.bin"_s).size(), 1);
        QCOMPARE(m_server.requestsFor(u"/rb.bin"_s).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
