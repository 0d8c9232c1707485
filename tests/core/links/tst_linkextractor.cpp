#include "links/linksparser.h"
#include "parsedlinks.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Quiver::ProblemKind;
using namespace Quiver::Test;

// Links in prose, HTML and Markdown (extractLinks), and how a text is told apart from a link list.
class TestLinkExtractor final : public QObject
{
    Q_OBJECT

private slots:
    void extract_data();
    void extract();
    void chooseFormat_data();
    void chooseFormat();
    void hundredThousandLinesOfProse();
};

void TestLinkExtractor::extract_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QList<int>>("lines");

    const QString f = u"https://example.com/f.zip"_s;
    QTest::newRow("sentence") << u"Get it from https://example.com/f.zip."_s << QStringList{f} << QList<int>{1};
    QTest::newRow("punctuation") << u"See http://a.example/x, http://a.example/y; http://a.example/z: yes! "
                                    "http://a.example/w? ok... http://a.example/v!?"_s
                                 << QStringList{u"http://a.example/x"_s, u"http://a.example/y"_s,
                                                u"http://a.example/z"_s, u"http://a.example/w"_s,
                                                u"http://a.example/v"_s}
                                 << QList<int>{1, 1, 1, 1, 1};
    QTest::newRow("in parentheses") << u"(see https://example.com/f.zip)."_s << QStringList{f} << QList<int>{1};
    QTest::newRow("balanced parentheses kept")
        << u"https://en.wikipedia.org/wiki/Pi_(letter) and (https://en.wikipedia.org/wiki/E_(number))."_s
        << QStringList{u"https://en.wikipedia.org/wiki/Pi_(letter)"_s, u"https://en.wikipedia.org/wiki/E_(number)"_s}
        << QList<int>{1, 1};
    QTest::newRow("brackets and braces") << u"[https://example.com/f.zip] {https://example.com/g}"_s
                                         << QStringList{f, u"https://example.com/g"_s} << QList<int>{1, 1};
    QTest::newRow("markdown link") << u"Download [the file](https://example.com/f.zip \"Title\") now"_s
                                   << QStringList{f} << QList<int>{1};
    QTest::newRow("markdown link text is the link") << u"[https://example.com/f.zip](https://example.com/f.zip)"_s
                                                    << QStringList{f} << QList<int>{1};
    QTest::newRow("markdown autolink") << u"<https://example.com/f.zip>"_s << QStringList{f} << QList<int>{1};
    QTest::newRow("html double quotes")
        << u"<p><a href=\"https://example.com/get?a=1&amp;b=2\">download</a></p>"_s
        << QStringList{u"https://example.com/get?a=1&b=2"_s} << QList<int>{1};
    QTest::newRow("html single quotes") << u"<a href='http://example.com/a?x=1&#38;y=2'>x</a>"_s
                                        << QStringList{u"http://example.com/a?x=1&y=2"_s} << QList<int>{1};
    QTest::newRow("html unquoted") << u"<a href=http://example.com/a>x</a>"_s
                                   << QStringList{u"http://example.com/a"_s} << QList<int>{1};
    QTest::newRow("escaped html") << u"&lt;a href=&quot;http://example.com/a&amp;b&quot;&gt;"_s
                                  << QStringList{u"http://example.com/a&b"_s} << QList<int>{1};
    QTest::newRow("quotes") << u"\"https://example.com/f.zip\" 'https://example.com/g' `https://example.com/h`"_s
                            << QStringList{f, u"https://example.com/g"_s, u"https://example.com/h"_s}
                            << QList<int>{1, 1, 1};
    QTest::newRow("curly quotes") << u"“https://example.com/f.zip” «https://example.com/g»"_s
                                  << QStringList{f, u"https://example.com/g"_s} << QList<int>{1, 1};
    QTest::newRow("cjk punctuation") << u"下载：https://example.com/f.zip。谢谢"_s << QStringList{f} << QList<int>{1};
    QTest::newRow("refused schemes are not links")
        << u"ftp://x/y javascript:alert(1) mailto:a@example.com file:///etc/passwd data:,x"_s << QStringList{}
        << QList<int>{};
    QTest::newRow("inside a word") << u"xhttp://example.com/a git+https://example.com/r"_s << QStringList{}
                                   << QList<int>{};
    QTest::newRow("link inside a query") << u"https://a.example/r?to=https://b.example/x"_s
                                         << QStringList{u"https://a.example/r?to=https://b.example/x"_s}
                                         << QList<int>{1};
    QTest::newRow("line numbers") << u"line one\nhttp://a.example/1 and\r\nmore http://a.example/2\rend "
                                     "https://a.example/3"_s
                                  << QStringList{u"http://a.example/1"_s, u"http://a.example/2"_s,
                                                 u"https://a.example/3"_s}
                                  << QList<int>{2, 3, 4};
    QTest::newRow("upper case") << u"HTTP://EXAMPLE.COM/A"_s << QStringList{u"http://example.com/A"_s}
                                << QList<int>{1};
    QTest::newRow("ipv6 and idn") << u"Try http://[::1]:8080/f. Or http://bücher.example/ä!"_s
                                  << QStringList{u"http://[::1]:8080/f"_s, u"http://xn--bcher-kva.example/%C3%A4"_s}
                                  << QList<int>{1, 1};
    QTest::newRow("invalid candidates") << u"http:// and http://[::1 and https://a.example/%zz"_s << QStringList{}
                                        << QList<int>{};
    QTest::newRow("zero-width space hides a link") << u"get https://a.example/\u200Bf.zip now"_s << QStringList{}
                                                   << QList<int>{};
    QTest::newRow("ends at a line break") << u"http://a.example/1\nx"_s << QStringList{u"http://a.example/1"_s}
                                          << QList<int>{1};
}

void TestLinkExtractor::extract()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);
    QFETCH(QList<int>, lines);

    const Quiver::ParsedLinks parsed = Quiver::extractLinks(text);
    QCOMPARE(urlsOf(parsed), urls);
    QCOMPARE(linesOf(parsed), lines);
    QCOMPARE(parsed.problems.size(), 0);
}

void TestLinkExtractor::chooseFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isList");
    QTest::addColumn<int>("links");
    QTest::addColumn<int>("problems");

    QTest::newRow("links list") << u"http://a.example/1\nhttps://a.example/2\n"_s << true << 2 << 0;
    QTest::newRow("list with comments and options") << u"# mine\nhttp://a.example/1\n  out=x\n\n"_s << true << 1 << 0;
    QTest::newRow("refused lines still a list") << u"ftp://a.example/1\nhttp://a.example/2"_s << true << 1 << 1;
    QTest::newRow("mailto line") << u"mailto:x@example.com\nhttp://a.example/2"_s << true << 1 << 1;
    QTest::newRow("windows path") << u"C:\\x\\y.zip"_s << true << 0 << 1;
    QTest::newRow("link with a space") << u"http://a.example/1 2"_s << true << 0 << 1;
    QTest::newRow("indented prose under a link") << u"http://a.example/1\n  more words"_s << true << 1 << 1;
    QTest::newRow("prose") << u"Please fetch http://a.example/1 and http://a.example/2."_s << false << 2 << 0;
    QTest::newRow("label with a colon") << u"Note: http://a.example/1"_s << false << 1 << 0;
    QTest::newRow("a list after a heading") << u"Links:\nhttp://a.example/1"_s << false << 1 << 0;
    QTest::newRow("html") << u"<html><a href=\"http://a.example/1\">x</a></html>"_s << false << 1 << 0;
    QTest::newRow("mixed") << u"http://a.example/1\nsee also http://a.example/2"_s << false << 2 << 0;
    QTest::newRow("only indented text") << u"    http://a.example/1 is here"_s << false << 1 << 0;
    QTest::newRow("empty") << QString() << false << 0 << 0;
    QTest::newRow("only comments") << u"# nothing\n"_s << false << 0 << 0;
}

void TestLinkExtractor::chooseFormat()
{
    QFETCH(QString, text);
    QFETCH(bool, isList);
    QFETCH(int, links);
    QFETCH(int, problems);

    QCOMPARE(Quiver::looksLikeLinkList(text), isList);
    const Quiver::ParsedLinks parsed = Quiver::parseAnyText(text);
    QCOMPARE(parsed.links.size(), links);
    QCOMPARE(parsed.problems.size(), problems);
    const Quiver::ParsedLinks fromBytes = Quiver::parseAnyBytes(text.toUtf8());
    QCOMPARE(urlsOf(fromBytes), urlsOf(parsed));
    QCOMPARE(fromBytes.problems.size(), problems);
}

// Five kinds of line in turn: a comment, a new link, an option for it, a refused link, and a repeat.
void TestLinkExtractor::hundredThousandLinesOfProse()
{
    constexpr int kLines = 100'000;
    QString text;
    text.reserve(kLines * 60);
    for (int i = 0; i < kLines; ++i)
        text += u"Line %1 (see http://a.example/%2), or not.\n"_s.arg(i).arg(i % 1000);

    const Quiver::ParsedLinks parsed = Quiver::extractLinks(text);
    QCOMPARE(parsed.links.size(), 1000);
    QCOMPARE(parsed.duplicateLines.size(), kLines - 1000);
    QCOMPARE(parsed.links.last().url.toString(), u"http://a.example/999"_s);
    QCOMPARE(parsed.links.last().line, 1000);
    QVERIFY(!Quiver::looksLikeLinkList(text));
}

QTEST_APPLESS_MAIN(TestLinkExtractor)

#include "tst_linkextractor.moc"
