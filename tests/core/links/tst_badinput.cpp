// Bad input end to end, through quiver-cli and the parser the window uses: huge, binary, undecodable or
// hostile links files give a clear error naming the line while the good lines download; and links that
// are valid but unusual (IPv6 literals, internationalised domain names, spaces and non-ASCII in paths)
// work against the local server.

#include "clirunner.h"
#include "enginetestbase.h"

#include <QElapsedTimer>
#include <QNetworkProxy>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

// Puts the application proxy back however the test ends: every other test talks to loopback directly.
class ApplicationProxy
{
public:
    explicit ApplicationProxy(const QNetworkProxy &proxy) { QNetworkProxy::setApplicationProxy(proxy); }
    ~ApplicationProxy() { QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy)); }
    Q_DISABLE_COPY_MOVE(ApplicationProxy)
};

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
    }

    // One links file with every kind of bad line between good ones: each bad line is named with a reason,
    // every good one downloads.
    void badLinesAreNamedAndTheGoodOnesDownload()
    {
        QTemporaryDir dir;
        const QByteArray a = randomBytes(70000, 1);
        const QByteArray b = randomBytes(30000, 2);
        m_server.serveFile(u"/a.bin"_s, a);
        m_server.serveFile(u"/b.bin"_s, b);
        const QByteArray good1 = m_server.url(u"/a.bin"_s).toEncoded();
        const QByteArray good2 = m_server.url(u"/b.bin"_s).toEncoded();
        QByteArray links;
        links += good1 + "\n";                                                    // 1
        links += "javascript:alert(document.cookie)\n";                           // 2
        links += "file:///etc/passwd\n";                                          // 3
        links += "http://127.0.0.1/caf\xc3\n";                                    // 4: invalid UTF-8
        links += "http://127.0.0.1/nul" + QByteArray(1, '\0') + "here\n";         // 5: a NUL byte
        links += "http://127.0.0.1/" + QByteArray(64 * 1024, 'x') + "\n";         // 6: a 64 KiB link
        links += "\xff\xfe not text at all \x80\x81\n";                           // 7
        links += good2 + "\n";                                                    // 8
        writeFile(dir.filePath(u"links.txt"_s), links);

        const CliRun run = runCli({u"-i"_s, dir.filePath(u"links.txt"_s), u"-d"_s, dir.filePath(u"out"_s)});
        QCOMPARE(run.exitCode, 1);
        const auto said = [&run](int line, const QString &what) {
            return run.err.contains(u"links.txt, line %1: "_s.arg(line)) && run.err.contains(what);
        };
        QVERIFY2(said(2, u"“javascript:alert(document.cookie)” is not a web link"_s), qPrintable(run.err));
        QVERIFY2(said(3, u"“file:///etc/passwd” is not a web link"_s), qPrintable(run.err));
        QVERIFY2(said(4, u"could not be read (the text is not valid UTF-8)"_s), qPrintable(run.err));
        QVERIFY2(said(5, u"contains invisible characters (such as NUL bytes"_s), qPrintable(run.err));
        QVERIFY2(said(6, u"This link is 65553 characters long; links longer than 8192 characters are refused."_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"links.txt, line 7: "_s), qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"line 1:"_s) && !run.err.contains(u"line 8:"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"Done: 2 of 2 finished, 0 failed"_s), qPrintable(run.err));
        // The 64 KiB line is quoted, but cut: one terminal line, not a screenful.
        for (const QString &line : run.err.split(u'\n'))
            QVERIFY2(line.size() < 400, qPrintable(line.left(100)));
        QCOMPARE(fileSha256(dir.filePath(u"out/a.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(dir.filePath(u"out/b.bin"_s)), sha256(b));
        QCOMPARE(m_server.requests().size(), 2);
    }

    // 100,000 lines: three links repeated (merged), 200 refused lines among them. The first hundred
    // problems are named, the rest counted, and the three files download once each.
    void hundredThousandLinesFromAFile()
    {
        QTemporaryDir dir;
        const QList<QByteArray> contents{randomBytes(10000, 3), randomBytes(20000, 4), randomBytes(30000, 5)};
        QList<QByteArray> urls;
        for (int i = 0; i < 3; ++i) {
            const QString path = u"/f%1.bin"_s.arg(i);
            m_server.serveFile(path, contents.at(i));
            urls.append(m_server.url(path).toEncoded());
        }
        QByteArray links;
        links.reserve(100000 * 40);
        for (int line = 1; line <= 100000; ++line) {
            if (line % 500 == 0)
                links += "javascript:void(" + QByteArray::number(line) + ")\n";
            else
                links += urls.at(line % 3) + '\n';
        }
        writeFile(dir.filePath(u"many.txt"_s), links);

        const CliRun run = runCli({u"-i"_s, dir.filePath(u"many.txt"_s), u"-d"_s, dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"many.txt, line 500: “javascript:void(500)” is not a web link"_s), qPrintable(run.err.left(2000)));
        QVERIFY(run.err.contains(u"many.txt, line 50000: "_s));
        QVERIFY(!run.err.contains(u"many.txt, line 50500: "_s));
        QVERIFY2(run.err.contains(u"many.txt: only the first 100 of 200 problems are listed."_s), qPrintable(run.err.right(2000)));
        QVERIFY2(run.err.contains(u"Done: 3 of 3 finished, 0 failed"_s), qPrintable(run.err.right(2000)));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(fileSha256(dir.filePath(u"f%1.bin"_s.arg(i))), sha256(contents.at(i)));
            QCOMPARE(m_server.requestsFor(u"/f%1.bin"_s.arg(i)).size(), 1);
        }
    }

    // A 50 MB log given as a links file: a bounded report, bounded time, and its one real link works.
    void fiftyMegabyteTextFile()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(40000, 6);
        m_server.serveFile(u"/real.bin"_s, content);
        const QByteArray text = "Mon Nov 24 12:00:00 kernel: eth0 link up at 1000 Mbps, full duplex, flow control off\n";
        QByteArray big;
        big.reserve(50 * 1024 * 1024 + 200);
        big += m_server.url(u"/real.bin"_s).toEncoded() + '\n';
        while (big.size() < 50 * 1024 * 1024)
            big += text;
        const qsizetype lines = big.count('\n');
        writeFile(dir.filePath(u"syslog"_s), big);

        QElapsedTimer clock;
        clock.start();
        // The time limit only tells a hang from slowness (a Debug build on a busy machine takes ~30 s).
        const CliRun run = runCli({u"-i"_s, dir.filePath(u"syslog"_s), u"-d"_s, dir.filePath(u"out"_s)}, {}, 240000);
        qInfo("quiver-cli read 50 MB of log in %lld ms", clock.elapsed());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"syslog: only the first 100 of %1 problems are listed. Check that this is a list "
                                  u"of links."_s.arg(lines - 1)),
                 qPrintable(run.err.right(1000)));
        QVERIFY(run.err.size() < 64 * 1024);
        QVERIFY2(run.err.contains(u"Done: 1 of 1 finished, 0 failed"_s), qPrintable(run.err.right(1000)));
        QCOMPARE(fileSha256(dir.filePath(u"out/real.bin"_s)), sha256(content));
    }

    // The window's path for a dropped file: 50 MB of prose and HTML, parsed promptly, links found.
    void fiftyMegabytesOfProseForTheWindow()
    {
        QByteArray big;
        big.reserve(50 * 1024 * 1024 + 200);
        int paragraphs = 0;
        while (big.size() < 50 * 1024 * 1024) {
            big += "<p>Release notes, part " + QByteArray::number(paragraphs) + ": the files are at "
                   "<a href=\"https://mirror.example/pub/file" + QByteArray::number(paragraphs % 1000)
                   + ".tar.gz\">the mirror</a>, checksums below; nothing else to see here.</p>\n";
            ++paragraphs;
        }
        QElapsedTimer clock;
        clock.start();
        const ParsedLinks parsed = parseAnyBytes(big);
        qInfo("50 MB of HTML parsed in %lld ms", clock.elapsed());
        QCOMPARE(parsed.links.size(), 1000);
        QCOMPARE(parsed.problems.size(), 0);
        QCOMPARE(parsed.links.last().url.toString(), u"https://mirror.example/pub/file999.tar.gz"_s);
    }

    void binaryFileIsOneClearError()
    {
        QTemporaryDir dir;
        QByteArray binary = randomBytes(200000, 7);
        for (qsizetype i = 0; i < binary.size(); i += 97)
            binary[i] = '\0';
        writeFile(dir.filePath(u"image.iso"_s), binary);
        const CliRun run = runCli({u"-i"_s, dir.filePath(u"image.iso"_s), u"-d"_s, dir.filePath(u"out"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"image.iso: This looks like a binary file, not a list of links."_s), qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 2);   // that line and the summary
        QVERIFY(m_server.requests().isEmpty());
    }

    // http://[::1]:PORT/f through quiver-cli: parsed, fetched over IPv6 loopback, saved.
    void ipv6LiteralDownloads()
    {
        FaultServer six;
        if (!six.listen(QHostAddress(QHostAddress::LocalHostIPv6)))
            QSKIP("IPv6 loopback (::1) is not available here.");
        QTemporaryDir dir;
        const QByteArray content = randomBytes(50000, 8);
        six.serveFile(u"/six.bin"_s, content);
        const QString url = u"http://[::1]:%1/six.bin"_s.arg(six.port());
        QCOMPARE(six.url(u"/six.bin"_s).toString(), url);
        const CliRun run = runCli({u"-d"_s, dir.path(), url});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(fileSha256(dir.filePath(u"six.bin"_s)), sha256(content));
        QCOMPARE(six.requests().size(), 1);
        QCOMPARE(six.requests().at(0).header("host"), u"[::1]:%1"_s.arg(six.port()).toLatin1());
    }

    // An internationalised domain name goes on the wire as punycode. No DNS here, so the fault server
    // stands in as an HTTP proxy: it sees the absolute URL and the Host header exactly as sent.
    void internationalisedDomainGoesOutAsPunycode()
    {
        const ParsedLinks parsed = parseLinkList(u"http://bücher.example/katalog/ausgabe.pdf\n"
                                                 u"http://ÄRGER.example/x\n"_s);
        QCOMPARE(parsed.problems.size(), 0);
        QCOMPARE(parsed.links.size(), 2);
        QCOMPARE(linkIdentity(parsed.links.at(0).url), u"http://xn--bcher-kva.example/katalog/ausgabe.pdf"_s);
        QCOMPARE(linkIdentity(parsed.links.at(1).url), u"http://xn--rger-koa.example/x"_s);

        const QByteArray content = randomBytes(25000, 9);
        m_server.serveFile(u"/katalog/ausgabe.pdf"_s, content);
        const ApplicationProxy proxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_server.port()));
        EngineHarness h;
        const DownloadId id = h.add(parsed.links.at(0).url);
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"ausgabe.pdf"_s, content);
        const RecordedRequest request = m_server.requests().constFirst();
        QCOMPARE(request.header("host"), QByteArray("xn--bcher-kva.example"));
        QCOMPARE(request.path, QByteArray("http://xn--bcher-kva.example/katalog/ausgabe.pdf"));
    }

    // Spaces (written %20) and non-ASCII characters in a path: percent-encoded UTF-8 on the wire, the
    // file saved under the decoded name.
    void spacesAndNonAsciiInPaths()
    {
        QTemporaryDir dir;
        const QByteArray report = randomBytes(15000, 10);
        const QByteArray greek = randomBytes(16000, 11);
        m_server.serveFile(u"/docs/my report ü.pdf"_s, report);
        m_server.serveFile(u"/ünï/Ωmega файл.bin"_s, greek);
        const QByteArray base = "http://127.0.0.1:" + QByteArray::number(m_server.port());
        const QByteArray links = base + "/docs/my%20report%20%C3%BC.pdf\n"
                               + base + "/\xc3\xbcn\xc3\xaf/\xce\xa9mega%20\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb.bin\n";
        writeFile(dir.filePath(u"links.txt"_s), links);
        const CliRun run = runCli({u"-i"_s, dir.filePath(u"links.txt"_s), u"-d"_s, dir.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(fileSha256(dir.filePath(u"my report ü.pdf"_s)), sha256(report));
        QCOMPARE(fileSha256(dir.filePath(u"Ωmega файл.bin"_s)), sha256(greek));
        QStringList targets;
        for (const RecordedRequest &request : m_server.requests())
            targets.append(QString::fromLatin1(request.path));
        targets.sort();
        QCOMPARE(targets, QStringList({u"/%C3%BCn%C3%AF/%CE%A9mega%20%D1%84%D0%B0%D0%B9%D0%BB.bin"_s,
                                       u"/docs/my%20report%20%C3%BC.pdf"_s}));
    }

private:
    FaultServer m_server;
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
