// Hostile servers: credentials and cookies must not follow a redirect to another origin, a password in a
// link never shows, and nothing a server sends (status line, names, Location, other headers) can put
// terminal escapes, control characters or bidi overrides in front of the person. What the window's table
// shows of the same servers is tested in tests/gui/tst_queueview.cpp.

#include "clirunner.h"
#include "enginetestbase.h"
#include "hostileservers.h"
#include "session/sessionformat.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray basicAuth = "Basic " + QByteArray("alice:hunter2").toBase64();

Reply challenge()
{
    Reply reply = FaultServer::statusPage(401);
    reply.headers.append({"WWW-Authenticate"_ba, "Basic realm=\"files\""_ba});
    return reply;
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.listen());
        QVERIFY(m_other.listen());
    }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
        m_other.close();
        m_other.reset();
    }

    // user:password from the link answers the challenge of its own origin, also after a redirect within
    // it, but never goes to another port, even when that one asks for it.
    void credentialsGoOnlyToTheirOwnOrigin()
    {
        EngineHarness h;
        const QByteArray away = randomBytes(40000, 1);
        const QByteArray home = randomBytes(30000, 2);
        m_other.serveFile(u"/away.bin"_s, away);
        m_other.handle(u"/locked.bin"_s, [](const RecordedRequest &) { return challenge(); });
        const QByteArray toAway = m_other.url(u"/away.bin"_s).toEncoded();
        const QByteArray toLocked = m_other.url(u"/locked.bin"_s).toEncoded();
        m_server.handle(u"/start.bin"_s, [toAway](const RecordedRequest &request) {
            return request.header("authorization").isEmpty() ? challenge() : FaultServer::redirect(302, toAway);
        });
        m_server.handle(u"/tolocked.bin"_s, [toLocked](const RecordedRequest &request) {
            return request.header("authorization").isEmpty() ? challenge() : FaultServer::redirect(302, toLocked);
        });
        m_server.handle(u"/same.bin"_s, [](const RecordedRequest &request) {
            return request.header("authorization").isEmpty() ? challenge() : FaultServer::redirect(302, "/inner.bin");
        });
        m_server.handle(u"/inner.bin"_s, [home](const RecordedRequest &request) {
            return request.header("authorization") == basicAuth ? FaultServer::rangeReply(home) : challenge();
        });

        const DownloadId start = h.add(withCredentials(m_server.url(u"/start.bin"_s)));
        const DownloadId locked = h.add(withCredentials(m_server.url(u"/tolocked.bin"_s)));
        const DownloadId same = h.add(withCredentials(m_server.url(u"/same.bin"_s)));
        QVERIFY(h.waitIdle());

        QUIVER_VERIFY_FILE(h, start, u"start.bin"_s, away);
        QUIVER_VERIFY_FILE(h, same, u"same.bin"_s, home);
        QCOMPARE(h.item(locked).state, DownloadState::Failed);
        QVERIFY2(h.item(locked).lastError.startsWith(u"Server answered 401"_s), qPrintable(h.item(locked).lastError));
        // The credentials did go where they belong...
        bool answered = false;
        for (const RecordedRequest &request : m_server.requestsFor(u"/inner.bin"_s))
            answered = answered || request.header("authorization") == basicAuth;
        QVERIFY(answered);
        // ...and never to the other origin, not even when it asked.
        QVERIFY(m_other.requestsFor(u"/locked.bin"_s).size() >= 1);
        for (const RecordedRequest &request : m_other.requests())
            QVERIFY2(request.header("authorization").isEmpty(), request.path.constData());
    }

    // Quiver keeps no cookies, so none can follow a redirect to another origin: not on the hop after the
    // answer that set it (Qt's own jar would send it, a port is no boundary for cookies), not on a later
    // download from the same site, where Qt would copy it from the first request into every hop.
    void cookiesNeverFollowARedirect()
    {
        EngineHarness h;
        const QByteArray away = randomBytes(25000, 3);
        const QByteArray home = randomBytes(15000, 4);
        m_other.serveFile(u"/away.bin"_s, away);
        const QByteArray toAway = m_other.url(u"/away.bin"_s).toEncoded();
        Reply login = FaultServer::redirect(302, toAway);
        login.headers.append({"Set-Cookie"_ba, "sid=secret; Path=/"_ba});
        m_server.script(u"/login.bin"_s, {login});
        m_server.script(u"/again.bin"_s, {FaultServer::redirect(302, toAway)});
        Reply gate = FaultServer::redirect(302, "/gated");
        gate.headers.append({"Set-Cookie"_ba, "gate=open; Path=/"_ba});
        m_server.script(u"/gate.bin"_s, {gate});
        m_server.serveFile(u"/gated"_s, home);

        const DownloadId first = h.add(m_server.url(u"/login.bin"_s));
        QVERIFY(h.waitIdle());
        const DownloadId again = h.add(m_server.url(u"/again.bin"_s));
        const DownloadId gated = h.add(m_server.url(u"/gate.bin"_s));
        QVERIFY(h.waitIdle());

        QUIVER_VERIFY_FILE(h, first, u"login.bin"_s, away);
        QUIVER_VERIFY_FILE(h, again, u"again.bin"_s, away);
        QUIVER_VERIFY_FILE(h, gated, u"gate.bin"_s, home);
        // Qt may silently re-send a request whose keep-alive connection closed under it.
        QVERIFY(m_other.requestsFor(u"/away.bin"_s).size() >= 2);
        for (const RecordedRequest &request : m_other.requests() + m_server.requests())
            QVERIFY2(request.header("cookie").isEmpty(), request.path + ": " + request.header("cookie"));
    }

    // Only the final answer names the file. Qt 6.4 at times replays a redirect's headers after following
    // it and merges them into the final answer's; the hop's Content-Disposition (an .exe here) and its
    // Content-Length must not pass for the final server's. Thirty redirects, half to another origin, no
    // retries: each one must come out right the first time.
    void redirectHeadersNeverReachTheFinalAnswer()
    {
        const QByteArray content = randomBytes(30000, 12);
        m_server.serveFile(u"/real.bin"_s, content);
        m_other.serveFile(u"/real.bin"_s, content);
        // One at a time, each with fresh connections: that is when Qt replays most often.
        for (int i = 0; i < 30; ++i) {
            EngineHarness h;
            h.configure([](EngineSettings &s) { s.retry.maxRetries = 0; });
            const QByteArray target = i % 2 ? m_other.url(u"/real.bin"_s).toEncoded() : QByteArray("/real.bin");
            Reply hop = FaultServer::redirect(302, target);
            hop.headers.append({"Content-Disposition"_ba, "attachment; filename=\"from-the-302.exe\""_ba});
            hop.headers.append({"ETag"_ba, "\"hop\""_ba});
            m_server.script(u"/hop.bin"_s, {hop});
            const DownloadId id = h.add(m_server.url(u"/hop.bin"_s));
            QVERIFY(h.waitIdle());
            QUIVER_VERIFY_FILE(h, id, u"hop.bin"_s, content);
            QCOMPARE(h.item(id).attempts, 1);
            QCOMPARE(h.item(id).etag, FaultServer::defaultEtag(content));
            QCOMPARE(h.files(), QStringList{u"hop.bin"_s});
        }
    }

    // Whatever happens to a link with user:password, quiver-cli shows no password: not on stdout or
    // stderr, not in the session file, for links from the command line and rejected lines of a links file.
    void passwordNeverShowsInQuiverCli()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(20000, 6);
        m_server.serveFile(u"/ok.bin"_s, content);
        m_server.script(u"/missing.bin"_s, {FaultServer::statusPage(404)});
        Reply garbage;
        garbage.raw = "SSH-2.0-OpenSSH_9.2\r\n\r\n"_ba;
        m_server.script(u"/garbage.bin"_s, {garbage});
        m_server.script(u"/ftp.bin"_s, {FaultServer::redirect(302, "ftp://alice:hunter2@127.0.0.1/x")});
        QUrl refused = withCredentials(m_server.url(u"/refused.bin"_s));
        refused.setPort(closedPort());
        const QByteArray links = withCredentials(m_server.url(u"/missing.bin"_s)).toEncoded() + "\n"
            "ftp://alice:hunter2@127.0.0.1/file\n"
            "http://alice:hunter2@127.0.0.1/with space\n"
            "http://alice:hunter2@127.0.0.1/\x1b[0m\n";
        writeFile(dir.filePath(u"links.txt"_s), links);
        const QString session = dir.filePath(u"queue.json"_s);

        const CliRun run = runCli({u"--session"_s, session, u"--retries"_s, u"0"_s, u"-d"_s, dir.filePath(u"out"_s),
                                   u"-i"_s, dir.filePath(u"links.txt"_s),
                                   withCredentials(m_server.url(u"/ok.bin"_s)).toString(),
                                   withCredentials(m_server.url(u"/garbage.bin"_s)).toString(),
                                   withCredentials(m_server.url(u"/ftp.bin"_s)).toString(), refused.toString(),
                                   u"http://alice:hunter2@[::1/"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(fileSha256(dir.filePath(u"out/ok.bin"_s)), sha256(content));
        QVERIFY2(run.err.contains(u"line 2"_s) && run.err.contains(u"line 3"_s) && run.err.contains(u"line 4"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"Done: 1 of 5 finished, 4 failed"_s), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String(password)), qPrintable(run.err));
        QVERIFY2(!run.out.contains(QLatin1String(password)), qPrintable(run.out));
        QVERIFY(!readFile(session).isEmpty());
        QVERIFY(!readFile(session).contains(password));
    }

    // quiver-cli prints names and reasons from hostile servers: only printable text reaches stderr.
    void hostileHeadersNeverReachTheTerminal()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(12345, 8);
        serveHostile(m_server, content);
        QStringList arguments{u"--retries"_s, u"0"_s, u"-d"_s, dir.path()};
        for (const QString &path : hostilePaths())
            arguments.append(m_server.url(path).toString());
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"Done: 3 of %1 finished"_s.arg(hostilePaths().size())), qPrintable(run.err));
        QVERIFY2(unsafeCharacter(run.err, true).isEmpty(), qPrintable(unsafeCharacter(run.err, true)));
        QVERIFY2(unsafeCharacter(run.out, true).isEmpty(), qPrintable(unsafeCharacter(run.out, true)));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
            QCOMPARE(fileSha256(dir.filePath(name)), sha256(content));
    }

    // An ETag with an escape sequence would be sent back in If-Range and make the saved queue unloadable:
    // it is dropped, the item saves and loads, and the download still resumes (without a validator).
    void validatorWithControlCharactersIsDropped()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 0; });
        const QByteArray content = randomBytes(300000, 9);
        const QByteArray etag = "\"v1\x1b[31m\"";
        Reply cut = FaultServer::rangeReply(content, etag, "Wed, 21 Oct 2015 07:28:00 GMT\x07");
        cut.fault = Fault::ResetAfter;
        cut.faultAfter = 100000;
        m_server.script(u"/resume.bin"_s, {cut, FaultServer::rangeReply(content, etag)});
        const DownloadId id = h.add(m_server.url(u"/resume.bin"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY(h.item(id).bytesReceived > 0);
        QCOMPARE(h.item(id).etag, QByteArray());
        QCOMPARE(h.item(id).lastModified, QByteArray());

        DownloadItem restored;
        QString problem;
        QVERIFY2(SessionFormat::fromJson(SessionFormat::toJson(h.item(id)), &restored, &problem), qPrintable(problem));
        QCOMPARE(restored.bytesReceived, h.item(id).bytesReceived);

        h.engine.scheduler()->retry({id});
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"resume.bin"_s, content);
        for (const RecordedRequest &request : m_server.requestsFor(u"/resume.bin"_s))
            QVERIFY(!request.header("if-range").contains('\x1b'));
    }

private:
    FaultServer m_server;
    FaultServer m_other;   // another origin: the same host on another port
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
