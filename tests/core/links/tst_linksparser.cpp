#include "links/linksparser.h"
#include "parsedlinks.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using Quiver::ProblemKind;
using namespace Quiver::Test;


class TestLinksParser final : public QObject
{
    Q_OBJECT

private slots:
    void acceptedLinks_data();
    void acceptedLinks();
    void duplicates_data();
    void duplicates();
    void options_data();
    void options();
    void refusedLines_data();
    void refusedLines();
    void exactReasons_data();
    void exactReasons();
    void longLinks_data();
    void longLinks();
    void excerpts_data();
    void excerpts();
    void bytes_data();
    void bytes();
    void hundredThousandLines();
    void identitiesComeWithTheLinks();
};

void TestLinksParser::acceptedLinks_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("one link") << u"https://example.com/file.zip"_s
                              << QStringList{u"https://example.com/file.zip"_s} << QList<int>{1};
    QTest::newRow("comments and blanks")
        << u"# my list\n\nhttp://a.example/1\n   \n  # indented comment\n\t\nhttp://a.example/2\n"_s
        << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s} << QList<int>{3, 7};
    QTest::newRow("crlf") << u"http://a.example/1\r\nhttp://a.example/2\r\n"_s
                          << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s} << QList<int>{1, 2};
    QTest::newRow("cr only") << u"http://a.example/1\rhttp://a.example/2"_s
                             << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s} << QList<int>{1, 2};
    QTest::newRow("mixed endings") << u"http://a.example/1\r\n\rhttp://a.example/2\nhttp://a.example/3"_s
                                   << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s,
                                                  u"http://a.example/3"_s}
                                   << QList<int>{1, 3, 4};
    QTest::newRow("bom") << u"\uFEFFhttp://a.example/1\n"_s << QStringList{u"http://a.example/1"_s} << QList<int>{1};
    QTest::newRow("trailing whitespace") << u"http://a.example/1 \t \nhttp://a.example/2\u00A0"_s
                                         << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s}
                                         << QList<int>{1, 2};
    QTest::newRow("indented link") << u"  http://a.example/1\n\thttps://a.example/2"_s
                                   << QStringList{u"http://a.example/1"_s, u"https://a.example/2"_s}
                                   << QList<int>{1, 2};
    QTest::newRow("ipv6") << u"http://[::1]:8080/f"_s << QStringList{u"http://[::1]:8080/f"_s} << QList<int>{1};
    QTest::newRow("ipv6 mapped") << u"http://[::FFFF:192.0.2.1]/f"_s
                                 << QStringList{u"http://[::ffff:192.0.2.1]/f"_s} << QList<int>{1};
    QTest::newRow("idn") << u"http://bücher.example/"_s << QStringList{u"http://xn--bcher-kva.example/"_s}
                         << QList<int>{1};
    QTest::newRow("non-ascii path") << u"https://example.com/ä?q=ü"_s
                                    << QStringList{u"https://example.com/%C3%A4?q=%C3%BC"_s} << QList<int>{1};
    QTest::newRow("percent-encoded path") << u"https://example.com/a%20b/%2f"_s
                                          << QStringList{u"https://example.com/a%20b/%2F"_s} << QList<int>{1};
    QTest::newRow("case of scheme and host") << u"HTTPS://EXAMPLE.COM/Path"_s
                                             << QStringList{u"https://example.com/Path"_s} << QList<int>{1};
    QTest::newRow("default ports dropped") << u"http://example.com:80/a\nhttps://example.com:443/b"_s
                                           << QStringList{u"http://example.com/a"_s, u"https://example.com/b"_s}
                                           << QList<int>{1, 2};
    QTest::newRow("other port kept") << u"https://example.com:8443/a"_s
                                     << QStringList{u"https://example.com:8443/a"_s} << QList<int>{1};
    QTest::newRow("fragment dropped") << u"http://example.com/a#part"_s << QStringList{u"http://example.com/a"_s}
                                      << QList<int>{1};
    QTest::newRow("empty path") << u"http://example.com"_s << QStringList{u"http://example.com/"_s} << QList<int>{1};
    QTest::newRow("query kept") << u"http://example.com/get?id=1&x=y"_s
                                << QStringList{u"http://example.com/get?id=1&x=y"_s} << QList<int>{1};
    // Braces are a URL pattern unless globbing=off (tst_urlpattern); a one-item list is the item.
    QTest::newRow("pipe and braces encoded") << u"https://fonts.example/css?family=A|B&t={x}\n  globbing=off"_s
                                             << QStringList{u"https://fonts.example/css?family=A%7CB&t=%7Bx%7D"_s}
                                             << QList<int>{1};
    QTest::newRow("credentials") << u"http://user:pw@example.com/f"_s
                                 << QStringList{u"http://user:pw@example.com/f"_s} << QList<int>{1};
    QTest::newRow("dot segments kept") << u"http://example.com/a/./b/../c"_s
                                       << QStringList{u"http://example.com/a/./b/../c"_s} << QList<int>{1};
    QTest::newRow("bom on a later line") << u"http://a.example/1\n\uFEFFhttp://a.example/2"_s
                                         << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s}
                                         << QList<int>{1, 2};
    QTest::newRow("empty input") << QString() << QStringList{} << QList<int>{};
    QTest::newRow("only comments") << u"# a\n#b\n"_s << QStringList{} << QList<int>{};
}

void TestLinksParser::acceptedLinks()
{
    QFETCH(QString, input);
    QFETCH(QStringList, urls);
    QFETCH(QList<int>, lines);

    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(input);
    QCOMPARE(urlsOf(parsed), urls);
    QCOMPARE(linesOf(parsed), lines);
    QCOMPARE(parsed.problems.size(), 0);
    QCOMPARE(parsed.duplicateLines, QList<int>{});
}

void TestLinksParser::duplicates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QList<int>>("duplicateLines");

    QTest::newRow("exact repeat") << u"http://a.example/1\nhttp://a.example/2\nhttp://a.example/1"_s
                                  << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s} << QList<int>{3};
    QTest::newRow("host case") << u"http://a.example/1\nhttp://A.EXAMPLE/1"_s << QStringList{u"http://a.example/1"_s}
                               << QList<int>{2};
    QTest::newRow("path case differs") << u"http://a.example/x\nhttp://a.example/X"_s
                                       << QStringList{u"http://a.example/x"_s, u"http://a.example/X"_s}
                                       << QList<int>{};
    QTest::newRow("default port") << u"http://a.example/1\nhttp://a.example:80/1"_s
                                  << QStringList{u"http://a.example/1"_s} << QList<int>{2};
    QTest::newRow("fragment") << u"http://a.example/1#x\n# c\nhttp://a.example/1#y"_s
                              << QStringList{u"http://a.example/1"_s} << QList<int>{3};
    QTest::newRow("idn and punycode") << u"http://bücher.example/\nhttp://xn--bcher-kva.example/"_s
                                      << QStringList{u"http://xn--bcher-kva.example/"_s} << QList<int>{2};
    QTest::newRow("unreserved escape") << u"http://a.example/~u\nhttp://a.example/%7Eu"_s
                                       << QStringList{u"http://a.example/~u"_s} << QList<int>{2};
    QTest::newRow("empty path") << u"http://a.example\nhttp://a.example/"_s << QStringList{u"http://a.example/"_s}
                                << QList<int>{2};
    QTest::newRow("three times") << u"http://a.example/1\nhttp://a.example/1\r\nhttp://a.example/1"_s
                                 << QStringList{u"http://a.example/1"_s} << QList<int>{2, 3};
    QTest::newRow("http and https differ") << u"http://a.example/1\nhttps://a.example/1"_s
                                           << QStringList{u"http://a.example/1"_s, u"https://a.example/1"_s}
                                           << QList<int>{};
}

void TestLinksParser::duplicates()
{
    QFETCH(QString, input);
    QFETCH(QStringList, urls);
    QFETCH(QList<int>, duplicateLines);

    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(input);
    QCOMPARE(urlsOf(parsed), urls);
    QCOMPARE(parsed.duplicateLines, duplicateLines);
    QCOMPARE(parsed.problems.size(), 0);
}

void TestLinksParser::options_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QString>("fileName");      // of the first link
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QByteArray>("sha256Hex");
    QTest::addColumn<QList<ProblemKind>>("kinds");
    QTest::addColumn<QList<int>>("problemLines");

    const QString a = u"http://a.example/1"_s;
    const QString b = u"http://a.example/2"_s;
    const QByteArray hex = kHexDigest.toLatin1();
    using K = ProblemKind;

    QTest::newRow("out") << a + u"\n  out=file.zip"_s << QStringList{a} << u"file.zip"_s << QString() << QByteArray()
                         << QList<K>{} << QList<int>{};
    QTest::newRow("dir") << a + u"\n\tdir=music/x y"_s << QStringList{a} << QString() << u"music/x y"_s << QByteArray()
                         << QList<K>{} << QList<int>{};
    QTest::newRow("dir climbing but staying inside") << a + u"\n dir=a/../b"_s << QStringList{a} << QString() << u"a/../b"_s
                                                     << QByteArray() << QList<K>{} << QList<int>{};
    QTest::newRow("dir absolute is refused") << a + u"\n\tdir=/tmp/x"_s << QStringList{a} << QString() << QString()
                                             << QByteArray() << QList<K>{K::FolderOutside} << QList<int>{2};
    QTest::newRow("dir climbing out is refused") << a + u"\n dir=a/../../etc"_s << QStringList{a} << QString() << QString()
                                                 << QByteArray() << QList<K>{K::FolderOutside} << QList<int>{2};
    QTest::newRow("dir home is refused") << a + u"\n dir=~/x"_s << QStringList{a} << QString() << QString()
                                         << QByteArray() << QList<K>{K::FolderOutside} << QList<int>{2};
    QTest::newRow("dir windows drive is refused") << a + u"\n dir=C:\\x"_s << QStringList{a} << QString() << QString()
                                                  << QByteArray() << QList<K>{K::FolderOutside} << QList<int>{2};
    QTest::newRow("checksum sha-256") << a + u"\n checksum=sha-256="_s + kHexDigest << QStringList{a} << QString()
                                      << QString() << hex << QList<K>{} << QList<int>{};
    QTest::newRow("checksum SHA256 upper case") << a + u"\n CHECKSUM=SHA256="_s + kHexDigest.toUpper()
                                                << QStringList{a} << QString() << QString() << hex << QList<K>{}
                                                << QList<int>{};
    QTest::newRow("all three, spaced") << a + u"\n  Out = My File.zip \n\tDIR=d\n  checksum = sha-256 = "_s + kHexDigest
                                       << QStringList{a} << u"My File.zip"_s << u"d"_s << hex << QList<K>{}
                                       << QList<int>{};
    QTest::newRow("across comments and blanks") << a + u"\n\n# note\n  out=x.bin"_s << QStringList{a} << u"x.bin"_s
                                                << QString() << QByteArray() << QList<K>{} << QList<int>{};
    QTest::newRow("options belong to the right link") << a + u"\n"_s + b + u"\n  out=two.bin"_s << QStringList{a, b}
                                                      << QString() << QString() << QByteArray() << QList<K>{}
                                                      << QList<int>{};
    QTest::newRow("unknown key ignored") << a + u"\n  split=4\n  out=x"_s << QStringList{a} << u"x"_s << QString()
                                         << QByteArray() << QList<K>{K::UnknownOption} << QList<int>{2};
    QTest::newRow("no equals sign") << a + u"\n  out"_s << QStringList{a} << QString() << QString() << QByteArray()
                                    << QList<K>{K::MalformedOption} << QList<int>{2};
    QTest::newRow("empty value") << a + u"\n  out="_s << QStringList{a} << QString() << QString() << QByteArray()
                                 << QList<K>{K::EmptyOptionValue} << QList<int>{2};
    QTest::newRow("repeated key keeps first") << a + u"\n  out=one\n  OUT=two"_s << QStringList{a} << u"one"_s
                                              << QString() << QByteArray() << QList<K>{K::RepeatedOption}
                                              << QList<int>{3};
    QTest::newRow("control character in out") << a + withChar(u"\n  out=a"_s, 0x1B, u"b"_s) << QStringList{a}
                                              << QString() << QString() << QByteArray()
                                              << QList<K>{K::BadOptionValue} << QList<int>{2};
    QTest::newRow("bidi override in out") << a + u"\n  out=\u202Etxt.exe"_s << QStringList{a} << QString()
                                          << QString() << QByteArray() << QList<K>{K::BadOptionValue}
                                          << QList<int>{2};
    QTest::newRow("undecodable dir") << a + u"\n  dir=caf\uFFFD"_s << QStringList{a} << QString() << QString()
                                     << QByteArray() << QList<K>{K::BadOptionValue} << QList<int>{2};
    QTest::newRow("checksum 63 digits drops link") << a + u"\n  checksum=sha-256="_s + kHexDigest.chopped(1)
                                                   << QStringList{} << QString() << QString() << QByteArray()
                                                   << QList<K>{K::BadChecksum} << QList<int>{2};
    QTest::newRow("checksum 65 digits drops link") << a + u"\n  checksum=sha-256="_s + kHexDigest + u"0"_s
                                                   << QStringList{} << QString() << QString() << QByteArray()
                                                   << QList<K>{K::BadChecksum} << QList<int>{2};
    QTest::newRow("checksum not hex drops link")
        << a + u"\n  checksum=sha-256="_s + kHexDigest.chopped(1) + u"g"_s << QStringList{} << QString() << QString()
        << QByteArray() << QList<K>{K::BadChecksum} << QList<int>{2};
    QTest::newRow("checksum without type") << a + u"\n  checksum="_s + kHexDigest << QStringList{} << QString()
                                           << QString() << QByteArray() << QList<K>{K::BadChecksum} << QList<int>{2};
    QTest::newRow("checksum empty") << a + u"\n  checksum="_s << QStringList{} << QString() << QString()
                                    << QByteArray() << QList<K>{K::BadChecksum} << QList<int>{2};
    QTest::newRow("checksum md5") << a + u"\n  checksum=md5=d41d8cd98f00b204e9800998ecf8427e"_s << QStringList{}
                                  << QString() << QString() << QByteArray() << QList<K>{K::UnsupportedChecksum}
                                  << QList<int>{2};
    QTest::newRow("bad checksum drops only its link") << a + u"\n  checksum=sha-1=abc\n"_s + b << QStringList{b}
                                                      << QString() << QString() << QByteArray()
                                                      << QList<K>{K::UnsupportedChecksum} << QList<int>{2};
    QTest::newRow("option before any link") << u"  out=x\n"_s + a << QStringList{a} << QString() << QString()
                                            << QByteArray() << QList<K>{K::OptionWithoutLink} << QList<int>{1};
    QTest::newRow("option after invalid link") << u"ftp://x/y\n  out=x\n"_s + a << QStringList{a} << QString()
                                               << QString() << QByteArray()
                                               << QList<K>{K::RefusedScheme, K::OptionForRejectedLink}
                                               << QList<int>{1, 2};
    QTest::newRow("option not indented") << a + u"\nout=x\n  dir=d"_s << QStringList{a} << QString() << u"d"_s
                                         << QByteArray() << QList<K>{K::OptionNotIndented} << QList<int>{2};
    QTest::newRow("duplicate fills a missing option") << a + u"\n"_s + a + u"\n  out=x"_s << QStringList{a} << u"x"_s
                                                      << QString() << QByteArray() << QList<K>{} << QList<int>{};
    QTest::newRow("duplicate with a different name") << a + u"\n  out=x\n"_s + a + u"\n  out=y"_s << QStringList{a}
                                                     << u"x"_s << QString() << QByteArray()
                                                     << QList<K>{K::ConflictingOption} << QList<int>{4};
    QTest::newRow("duplicate with the same name") << a + u"\n  out=x\n"_s + a + u"\n  out=x"_s << QStringList{a}
                                                  << u"x"_s << QString() << QByteArray() << QList<K>{}
                                                  << QList<int>{};
    QTest::newRow("duplicate with a different checksum")
        << a + u"\n  checksum=sha-256="_s + kHexDigest + u"\n"_s + a + u"\n  checksum=sha-256="_s + QString(64, u'0')
        << QStringList{a} << QString() << QString() << hex << QList<K>{K::ConflictingOption} << QList<int>{4};
    QTest::newRow("bad checksum on a duplicate drops the link")
        << a + u"\n"_s + b + u"\n"_s + a + u"\n  checksum=sha-256=zz"_s << QStringList{b} << QString() << QString()
        << QByteArray() << QList<K>{K::BadChecksum} << QList<int>{4};
    QTest::newRow("later copy of a dropped link stays dropped")
        << a + u"\n  checksum=x\n"_s + a << QStringList{} << QString() << QString() << QByteArray()
        << QList<K>{K::BadChecksum} << QList<int>{2};
}

void TestLinksParser::options()
{
    QFETCH(QString, input);
    QFETCH(QStringList, urls);
    QFETCH(QString, fileName);
    QFETCH(QString, directory);
    QFETCH(QByteArray, sha256Hex);
    QFETCH(QList<ProblemKind>, kinds);
    QFETCH(QList<int>, problemLines);

    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(input);
    QCOMPARE(urlsOf(parsed), urls);
    QCOMPARE(kindsOf(parsed), kinds);
    QCOMPARE(problemLinesOf(parsed), problemLines);
    for (const Quiver::InputProblem &problem : parsed.problems)
        QVERIFY(!problem.reason.isEmpty());
    if (!parsed.links.isEmpty()) {
        const Quiver::LinkOptions &options = parsed.links.first().options;
        QCOMPARE(options.fileName, fileName);
        QCOMPARE(options.directory, directory);
        QCOMPARE(options.sha256.toHex(), sha256Hex);
        QVERIFY(options.sha256.isEmpty() || options.sha256.size() == 32);
    }
}

void TestLinksParser::refusedLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<ProblemKind>("kind");
    QTest::addColumn<QString>("excerpt");

    using K = ProblemKind;
    const auto row = [](const char *name, const QString &line, K kind, const QString &excerpt) {
        QTest::newRow(name) << line << kind << excerpt;
    };
    row("ftp", u"ftp://x/y"_s, K::RefusedScheme, u"ftp://x/y"_s);
    row("file", u"file:///etc/passwd"_s, K::RefusedScheme, u"file:///etc/passwd"_s);
    row("javascript", u"javascript:alert(1)"_s, K::RefusedScheme, u"javascript:alert(1)"_s);
    row("javascript upper case", u"JAVASCRIPT:alert(1)"_s, K::RefusedScheme, u"JAVASCRIPT:alert(1)"_s);
    row("data", u"data:text/html,<b>hi</b>"_s, K::RefusedScheme, u"data:text/html,<b>hi</b>"_s);
    row("mailto", u"mailto:a@example.com"_s, K::RefusedScheme, u"mailto:a@example.com"_s);
    row("gopher", u"gopher://example.com/1"_s, K::RefusedScheme, u"gopher://example.com/1"_s);
    row("websocket", u"wss://example.com/s"_s, K::RefusedScheme, u"wss://example.com/s"_s);
    row("windows path", u"C:\\Users\\me\\f.zip"_s, K::RefusedScheme, u"C:\\Users\\me\\f.zip"_s);
    row("host without scheme", u"example.com/file.zip"_s, K::NotALink, u"example.com/file.zip"_s);
    row("prose", u"see the list below"_s, K::NotALink, u"see the list below"_s);
    row("scheme only", u"http://"_s, K::NoHost, u"http://"_s);
    row("one slash", u"http:/example.com/a"_s, K::NoHost, u"http:/example.com/a"_s);
    row("no slashes", u"http:example.com"_s, K::NoHost, u"http:example.com"_s);
    row("space in host", u"https://exa mple.com/"_s, K::SpaceInLink, u"https://exa mple.com/"_s);
    row("space in path", u"http://a.example/a b.zip"_s, K::SpaceInLink, u"http://a.example/a b.zip"_s);
    row("two links on a line", u"http://a.example/1 http://a.example/2"_s, K::SpaceInLink,
        u"http://a.example/1 http://a.example/2"_s);
    row("nul byte", withChar(u"http://a.example/a"_s, 0, u"b"_s), K::ControlCharacters, u"http://a.example/ab"_s);
    row("escape sequence", withChar(u"http://a.example/"_s, 0x1B, u"[31m"_s), K::ControlCharacters,
        u"http://a.example/[31m"_s);
    row("delete", withChar(u"http://a.example/"_s, 0x7F, u"x"_s), K::ControlCharacters, u"http://a.example/x"_s);
    row("c1 control", withChar(u"http://a.example/"_s, 0x85, u"x"_s), K::ControlCharacters, u"http://a.example/x"_s);
    row("control in user info", withChar(u"http://us"_s, 0x0B, u"er@a.example/"_s), K::ControlCharacters,
        u"http://user@a.example/"_s);
    row("bidi override", u"http://a.example/\u202Etxt.exe"_s, K::ControlCharacters, u"http://a.example/txt.exe"_s);
    row("zero-width space", u"https://exa\u200Bmple.com/f"_s, K::ControlCharacters, u"https://example.com/f"_s);
    row("soft hyphen", u"https://a.example/fi\u00ADle"_s, K::ControlCharacters, u"https://a.example/file"_s);
    // The excerpt never shows the password (it ends up in logs and on screen).
    row("encoded crlf in user info", u"http://u%0D%0A:p@a.example/"_s, K::BadCredentials,
        u"http://u%0D%0A:***@a.example/"_s);
    row("encoded crlf in password", u"http://u:p%0A@a.example/"_s, K::BadCredentials, u"http://u:***@a.example/"_s);
    row("password in a refused link", u"ftp://alice:hunter2@a.example/x"_s, K::RefusedScheme,
        u"ftp://alice:***@a.example/x"_s);
    row("bad percent escape", u"http://a.example/%zz"_s, K::InvalidLink, u"http://a.example/%zz"_s);
    row("unclosed ipv6", u"http://[::1/"_s, K::InvalidLink, u"http://[::1/"_s);
    row("port out of range", u"http://a.example:99999/"_s, K::InvalidLink, u"http://a.example:99999/"_s);
    row("backslash", u"http://a.example/a\\b"_s, K::InvalidLink, u"http://a.example/a\\b"_s);
    row("double quote", u"http://a.example/a\"b"_s, K::InvalidLink, u"http://a.example/a\"b"_s);
    row("replacement character", u"http://a.example/caf\uFFFD"_s, K::UndecodableText, u"http://a.example/caf\uFFFD"_s);
}

void TestLinksParser::refusedLines()
{
    QFETCH(QString, line);
    QFETCH(ProblemKind, kind);
    QFETCH(QString, excerpt);

    const QString input = u"http://ok.example/1\n"_s + line + u"\nhttp://ok.example/2\n"_s;
    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(input);
    QCOMPARE(urlsOf(parsed), (QStringList{u"http://ok.example/1"_s, u"http://ok.example/2"_s}));
    QCOMPARE(linesOf(parsed), (QList<int>{1, 3}));
    QCOMPARE(parsed.problems.size(), 1);
    const Quiver::InputProblem &problem = parsed.problems.first();
    QCOMPARE(problem.line, 2);
    QCOMPARE(problem.kind, kind);
    QCOMPARE(problem.excerpt, excerpt);
    QVERIFY(problem.reason.contains(excerpt));

    const Quiver::LinkCheck check = Quiver::checkLink(line);
    QVERIFY(!check.isOk());
    QCOMPARE(check.kind, kind);
    QVERIFY(check.url.isEmpty());
}

void TestLinksParser::exactReasons_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");

    QTest::newRow("refused scheme")
        << u"ftp://x/y"_s << u"“ftp://x/y” is not a web link: only http and https links can be downloaded."_s;
    QTest::newRow("space")
        << u"http://a.example/a b"_s
        << u"“http://a.example/a b” contains a space. Put each link on its own line, and write a space inside a "
           "link as %20."_s;
    QTest::newRow("option of a rejected link")
        << u"\n\nmailto:x@example.com\n  out=y"_s
        << u"This option was ignored because its link on line 3 could not be used."_s;
    QTest::newRow("excerpt with a percent sign is not an argument")
        << u"ftp://x/%1%2"_s << u"“ftp://x/%1%2” is not a web link: only http and https links can be downloaded."_s;
    QTest::newRow("conflicting name")
        << u"http://a.example/1\n out=x\nhttp://a.example/1\n Out=y"_s
        << u"This link already appeared on line 1 with a different “out”; the first one is used."_s;
}

void TestLinksParser::exactReasons()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);

    // The sentence under test is the last problem; a refused link before its option is one more.
    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(input);
    QVERIFY(!parsed.problems.isEmpty());
    QCOMPARE(parsed.problems.last().reason, reason);
}

void TestLinksParser::longLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("accepted");

    const QString prefix = u"http://a.example/"_s;
    QTest::newRow("exactly 8 KiB") << prefix + QString(Quiver::kMaxLinkLength - prefix.size(), u'x') << true;
    QTest::newRow("one over 8 KiB") << prefix + QString(Quiver::kMaxLinkLength - prefix.size() + 1, u'x') << false;
    QTest::newRow("64 KiB") << prefix + QString(64 * 1024, u'x') << false;
    // 3,000 characters, but 18,000 once percent-encoded for the request.
    QTest::newRow("grows when encoded") << prefix + QString(3000, u'ä') << false;
}

void TestLinksParser::longLinks()
{
    QFETCH(QString, link);
    QFETCH(bool, accepted);

    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(link + u"\nhttp://a.example/short"_s);
    QCOMPARE(parsed.links.size(), accepted ? 2 : 1);
    QCOMPARE(parsed.links.last().url.toString(), u"http://a.example/short"_s);
    if (accepted) {
        QCOMPARE(parsed.problems.size(), 0);
        QCOMPARE(parsed.links.first().url.toString(QUrl::FullyEncoded), link);
        return;
    }
    QCOMPARE(parsed.problems.size(), 1);
    const Quiver::InputProblem &problem = parsed.problems.first();
    QCOMPARE(problem.line, 1);
    QCOMPARE(problem.kind, ProblemKind::TooLong);
    QCOMPARE(problem.excerpt.size(), Quiver::kMaxExcerptLength);
    QVERIFY(problem.excerpt.startsWith(u"http://a.example/"_s));
    QVERIFY(problem.excerpt.endsWith(u'…'));
    QVERIFY(problem.reason.size() < 200);
}

void TestLinksParser::excerpts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("excerpt");

    QTest::newRow("plain") << u"http://a.example/x"_s << u"http://a.example/x"_s;
    QTest::newRow("controls removed") << withChar(withChar(u"a"_s, 0, u"b"_s), 0x7, u"c\td"_s) << u"abcd"_s;
    QTest::newRow("bidi overrides removed") << u"a\u202Eb\u2066c\u200Fd"_s << u"abcd"_s;
    QTest::newRow("zero-width characters removed") << u"\uFEFFa\u200Bb\u00ADc"_s << u"abc"_s;
    QTest::newRow("120 characters kept") << QString(120, u'x') << QString(120, u'x');
    QTest::newRow("121 characters cut") << QString(121, u'x') << QString(119, u'x') + u"…"_s;
    QTest::newRow("controls do not count") << QString(60, u'x') + QString(10, QChar(0x1)) + QString(60, u'y')
                                           << QString(60, u'x') + QString(60, u'y');
    // U+1F600 is a surrogate pair; cutting between its halves would leave an invalid string.
    QTest::newRow("surrogate pair not split") << QString(118, u'x') + u"😀😀"_s + u"z"_s
                                              << QString(118, u'x') + u"…"_s;
    QTest::newRow("password hidden") << u"see http://alice:hunter2@a.example/f and https://b:c@d/"_s
                                     << u"see http://alice:***@a.example/f and https://b:***@d/"_s;
    QTest::newRow("port kept") << u"http://a.example:8080/f"_s << u"http://a.example:8080/f"_s;
    QTest::newRow("password cut off hidden") << QString(100, u'x') + u" http://alice:hunter2hunter2hunter2@h/"_s
                                             << QString(100, u'x') + u" http://alice:***…"_s;
    // "***" is longer than a one-letter password: hiding it must not push the excerpt past the limit.
    QTest::newRow("hidden password grows to the limit") << QString(96, u'x') + u" http://u:p@h.example/ab"_s
                                                        << QString(96, u'x') + u" http://u:***@h.example…"_s;
    QTest::newRow("hidden password within the limit") << QString(94, u'x') + u" http://u:p@h.example/ab"_s
                                                      << QString(94, u'x') + u" http://u:***@h.example/ab"_s;
    QTest::newRow("port cut off kept") << QString(106, u'x') + u" http://h:8080808080/"_s
                                       << QString(106, u'x') + u" http://h:808…"_s;
}

void TestLinksParser::excerpts()
{
    QFETCH(QString, text);
    QFETCH(QString, excerpt);
    QCOMPARE(Quiver::cleanExcerpt(text), excerpt);
}

namespace {
// text as UTF-32 without a byte order mark.
QByteArray utf32(const QString &text, bool bigEndian)
{
    QByteArray bytes;
    for (char32_t value : text.toUcs4()) {
        for (int shift : {24, 16, 8, 0})
            bytes.append(char(value >> (bigEndian ? shift : 24 - shift)));
    }
    return bytes;
}
} // namespace

void TestLinksParser::bytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QList<ProblemKind>>("kinds");
    QTest::addColumn<QList<int>>("problemLines");

    using K = ProblemKind;
    const QString twoLinks = u"http://a.example/1\r\nhttps://bücher.example/ü\r\n"_s;
    const QStringList twoUrls{u"http://a.example/1"_s, u"https://xn--bcher-kva.example/%C3%BC"_s};
    QStringEncoder toUtf16Le(QStringEncoder::Utf16LE);
    QStringEncoder toUtf16Be(QStringEncoder::Utf16BE);
    QByteArray zeroTail = twoLinks.toUtf8();
    zeroTail.append(QByteArray(4096, '\0'));

    QTest::newRow("utf-8") << twoLinks.toUtf8() << twoUrls << QList<K>{} << QList<int>{};
    QTest::newRow("utf-8 bom") << "\xEF\xBB\xBF"_ba + twoLinks.toUtf8() << twoUrls << QList<K>{} << QList<int>{};
    QTest::newRow("utf-16le bom") << "\xFF\xFE"_ba + QByteArray(toUtf16Le(twoLinks)) << twoUrls << QList<K>{}
                                  << QList<int>{};
    QTest::newRow("utf-16be bom") << "\xFE\xFF"_ba + QByteArray(toUtf16Be(twoLinks)) << twoUrls << QList<K>{}
                                  << QList<int>{};
    QTest::newRow("utf-32le bom") << "\xFF\xFE\0\0"_ba + utf32(twoLinks, false) << twoUrls << QList<K>{} << QList<int>{};
    QTest::newRow("utf-32be bom") << "\0\0\xFE\xFF"_ba + utf32(twoLinks, true) << twoUrls << QList<K>{} << QList<int>{};
    // Values past U+10FFFF and surrogates are not characters; Qt 6.4's own decoder made line breaks of some.
    QTest::newRow("utf-32be values that are not characters")
        << "\0\0\xFE\xFF"_ba + utf32(u"http://a.example/"_s, true) + "\x68\x74\x74\x0A\0\0\xD8\0\x7F\xFF\xFF\xFF"_ba
               + utf32(u"\nhttp://a.example/2"_s, true) + "\0\0"_ba
        << QStringList{} << QList<K>{K::UndecodableText, K::UndecodableText} << QList<int>{1, 2};
    QTest::newRow("latin-1 in a link") << "http://a.example/1\nhttp://a.example/caf\xE9\nhttp://a.example/3"_ba
                                       << QStringList{u"http://a.example/1"_s, u"http://a.example/3"_s}
                                       << QList<K>{K::UndecodableText} << QList<int>{2};
    QTest::newRow("truncated sequence in a link") << "http://a.example/\xC3"_ba << QStringList{}
                                                  << QList<K>{K::UndecodableText} << QList<int>{1};
    QTest::newRow("invalid bytes in a comment") << "# caf\xE9 \xFF\xFE list\nhttp://a.example/1"_ba
                                                << QStringList{u"http://a.example/1"_s} << QList<K>{} << QList<int>{};
    QTest::newRow("invalid bytes in out=") << "http://a.example/1\n  out=caf\xE9.txt"_ba
                                           << QStringList{u"http://a.example/1"_s} << QList<K>{K::BadOptionValue}
                                           << QList<int>{2};
    QTest::newRow("a few nul bytes") << "http://a.example/1\nhttp://a\0\0.example/\nhttp://a.example/\0x\n\0"_ba
                                     << QStringList{u"http://a.example/1"_s}
                                     << QList<K>{K::ControlCharacters, K::ControlCharacters, K::ControlCharacters}
                                     << QList<int>{2, 3, 4};
    QTest::newRow("zero-filled tail after a crash") << zeroTail << twoUrls << QList<K>{K::ControlCharacters}
                                                    << QList<int>{3};
    QTest::newRow("png") << "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"_ba << QStringList{}
                         << QList<K>{K::BinaryInput} << QList<int>{0};
    QTest::newRow("nul bytes in four places") << "\0a\0b\0c\0"_ba << QStringList{} << QList<K>{K::BinaryInput}
                                              << QList<int>{0};
    QByteArray lateNuls = QByteArray(64 * 1024, '#');
    lateNuls.append("\nhttp://a.example/1\n");
    lateNuls.append(QByteArray::fromRawData("\0\n\0\n\0\n\0\n\0", 9));
    QTest::newRow("nul bytes only after 64 KiB") << lateNuls << QStringList{u"http://a.example/1"_s}
                                                 << QList<K>{K::ControlCharacters, K::ControlCharacters,
                                                             K::ControlCharacters, K::ControlCharacters,
                                                             K::ControlCharacters}
                                                 << QList<int>{3, 4, 5, 6, 7};
    QTest::newRow("empty") << QByteArray() << QStringList{} << QList<K>{} << QList<int>{};
}

void TestLinksParser::bytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, urls);
    QFETCH(QList<ProblemKind>, kinds);
    QFETCH(QList<int>, problemLines);

    const Quiver::ParsedLinks parsed = Quiver::parseLinkListBytes(bytes);
    QCOMPARE(urlsOf(parsed), urls);
    QCOMPARE(kindsOf(parsed), kinds);
    QCOMPARE(problemLinesOf(parsed), problemLines);
    if (kinds == QList<ProblemKind>{ProblemKind::BinaryInput}) {
        QCOMPARE(parsed.problems.first().reason, u"This looks like a binary file, not a list of links."_s);
        QCOMPARE(Quiver::parseAnyBytes(bytes).problems.size(), 1);
    }
}

void TestLinksParser::hundredThousandLines()
{
    constexpr int kLines = 100'000;
    QString text;
    text.reserve(kLines * 40);
    for (int i = 0; i < kLines; ++i) {
        switch (i % 5) {
        case 0: text += u"# comment "_s + QString::number(i); break;
        case 1: text += u"https://host"_s + QString::number(i % 97) + u".example/file/"_s + QString::number(i); break;
        case 2: text += u"  out=file"_s + QString::number(i - 1) + u".bin"_s; break;
        case 3: text += u"ftp://refused.example/"_s + QString::number(i); break;
        case 4:
            text += u"https://HOST"_s + QString::number((i - 3) % 97) + u".example:443/file/"_s
                  + QString::number(i - 3);
            break;
        }
        text += (i % 2) ? u"\r\n"_s : u"\n"_s;
    }

    const Quiver::ParsedLinks parsed = Quiver::parseLinkList(text);
    QCOMPARE(parsed.links.size(), kLines / 5);
    QCOMPARE(parsed.problems.size(), kLines / 5);
    QCOMPARE(parsed.duplicateLines.size(), kLines / 5);
    QCOMPARE(parsed.links.first().url.toString(), u"https://host1.example/file/1"_s);
    QCOMPARE(parsed.links.first().line, 2);
    QCOMPARE(parsed.links.first().options.fileName, u"file1.bin"_s);
    QCOMPARE(parsed.links.last().line, kLines - 3);
    QCOMPARE(parsed.links.last().options.fileName, u"file%1.bin"_s.arg(kLines - 4));
    QCOMPARE(parsed.problems.last().line, kLines - 1);
    QCOMPARE(parsed.problems.last().kind, ProblemKind::RefusedScheme);
    QCOMPARE(parsed.duplicateLines.first(), 5);
    QCOMPARE(parsed.duplicateLines.last(), kLines);
}

void TestLinksParser::identitiesComeWithTheLinks()
{
    const auto check = [](const Quiver::ParsedLinks &parsed) {
        QCOMPARE(parsed.identities.size(), parsed.links.size());
        for (qsizetype i = 0; i < parsed.links.size(); ++i)
            QCOMPARE(parsed.identities[i], Quiver::linkIdentity(parsed.links[i].url));
    };
    // A list with a duplicate and a link dropped for its bad checksum: the identities stay parallel.
    const Quiver::ParsedLinks list = Quiver::parseLinkList(u"https://A.example:443/1\n"
                                           "https://b.example/2\n  checksum=sha-256=abc\n"
                                           "https://a.example/1#again\n"
                                           "https://c.example/3\n"_s);
    QCOMPARE(list.links.size(), 2);
    check(list);
    QCOMPARE(list.identities, QStringList({u"https://a.example/1"_s, u"https://c.example/3"_s}));
    const Quiver::ParsedLinks prose = Quiver::extractLinks(u"See https://d.example/x, and https://d.example/x again, or http://e.example."_s);
    QCOMPARE(prose.links.size(), 2);
    check(prose);
}

QTEST_APPLESS_MAIN(TestLinksParser)

#include "tst_linksparser.moc"
