#include "links/linksparser.h"
#include "links/urlpattern.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Quiver::LinkListOptions;
using Quiver::ParsedLinks;
using Quiver::ProblemKind;
using Quiver::UrlPattern;

namespace {

QStringList expandAll(const UrlPattern &pattern)
{
    QStringList links;
    for (quint64 i = 0; i < pattern.count().value_or(0); ++i)
        links.append(pattern.at(i));
    return links;
}

QStringList urlsOf(const ParsedLinks &parsed)
{
    QStringList urls;
    for (const Quiver::Link &link : parsed.links)
        urls.append(link.url.toString());
    return urls;
}

} // namespace

class TestUrlPattern final : public QObject
{
    Q_OBJECT

private slots:
    void expansion_data();
    void expansion();
    void errors_data();
    void errors();
    void countsWithoutExpanding();
    void references();
    void parserExpandsPatterns();
    void parserOutNamesWithReferences();
    void globbingOff();
    void globbingOffForTheWholeInput();
    void capIsCheckedBeforeExpanding();
    void capForTheWholeInput();
    void hostilePatternsGiveLineNumbers_data();
    void hostilePatternsGiveLineNumbers();
    void refusedLinksOfAPatternAreReportedOnce();
    void ipv6StaysALink();
    void arguments();
};

void TestUrlPattern::expansion_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("links");

    QTest::newRow("no glob") << u"http://h/a"_s << QStringList{u"http://h/a"_s};
    QTest::newRow("range") << u"http://h/[1-3]"_s << QStringList{u"http://h/1"_s, u"http://h/2"_s, u"http://h/3"_s};
    QTest::newRow("zero padded") << u"h/[08-11]"_s << QStringList{u"h/08"_s, u"h/09"_s, u"h/10"_s, u"h/11"_s};
    QTest::newRow("padded wider") << u"[001-003]"_s << QStringList{u"001"_s, u"002"_s, u"003"_s};
    QTest::newRow("step") << u"[0-25:10]"_s << QStringList{u"0"_s, u"10"_s, u"20"_s};
    QTest::newRow("letters") << u"x[a-c]"_s << QStringList{u"xa"_s, u"xb"_s, u"xc"_s};
    QTest::newRow("upper letters step") << u"[A-E:2]"_s << QStringList{u"A"_s, u"C"_s, u"E"_s};
    QTest::newRow("one number") << u"[5-5]"_s << QStringList{u"5"_s};
    QTest::newRow("list") << u"f.{jpg,png}"_s << QStringList{u"f.jpg"_s, u"f.png"_s};
    QTest::newRow("list with empty item") << u"f{,s}"_s << QStringList{u"f"_s, u"fs"_s};
    // curl's order: the last glob varies fastest.
    QTest::newRow("product") << u"{a,b}[1-2]"_s << QStringList{u"a1"_s, u"a2"_s, u"b1"_s, u"b2"_s};
    QTest::newRow("three globs") << u"[1-2]{x,y}[a-b]"_s
                                 << QStringList{u"1xa"_s, u"1xb"_s, u"1ya"_s, u"1yb"_s,
                                                u"2xa"_s, u"2xb"_s, u"2ya"_s, u"2yb"_s};
    QTest::newRow("escapes") << u"a\\[1-2\\]\\{x\\}"_s << QStringList{u"a[1-2]{x}"_s};
    QTest::newRow("escaped comma in list") << u"{a\\,b,c}"_s << QStringList{u"a,b"_s, u"c"_s};
    QTest::newRow("other backslash kept") << u"a\\b[1-2]"_s << QStringList{u"a\\b1"_s, u"a\\b2"_s};
    QTest::newRow("ipv6 host") << u"http://[::1]:8080/f[1-2]"_s
                               << QStringList{u"http://[::1]:8080/f1"_s, u"http://[::1]:8080/f2"_s};
    QTest::newRow("ipv6 with user") << u"http://u@[fe80::1]/x"_s << QStringList{u"http://u@[fe80::1]/x"_s};
    QTest::newRow("host list") << u"http://{a,b}.example/"_s
                               << QStringList{u"http://a.example/"_s, u"http://b.example/"_s};
}

void TestUrlPattern::expansion()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, links);
    const UrlPattern parsed(pattern);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.count().value_or(0), quint64(links.size()));
    QCOMPARE(expandAll(parsed), links);
}

void TestUrlPattern::errors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("words");

    QTest::newRow("unclosed bracket") << u"http://h/[1-3"_s << u"never closed"_s;
    QTest::newRow("unclosed brace") << u"http://h/{a,b"_s << u"never closed"_s;
    QTest::newRow("stray close bracket") << u"http://h/a]"_s << u"closes nothing"_s;
    QTest::newRow("stray close brace") << u"http://h/a}"_s << u"closes nothing"_s;
    QTest::newRow("nested braces") << u"http://h/{a,{b,c}}"_s << u"nested"_s;
    QTest::newRow("range in list") << u"http://h/{a,[1-2]}"_s << u"nested"_s;
    QTest::newRow("brace in range") << u"http://h/[1-{2}]"_s << u"nested"_s;
    QTest::newRow("backwards") << u"http://h/[9-1]"_s << u"backwards"_s;
    QTest::newRow("not a range") << u"http://h/[abc]"_s << u"not a range"_s;
    QTest::newRow("empty range") << u"http://h/[]"_s << u"not a range"_s;
    QTest::newRow("mixed") << u"http://h/[1-z]"_s << u"not a range"_s;
    QTest::newRow("mixed case letters") << u"http://h/[a-Z]"_s << u"not a range"_s;
    QTest::newRow("negative") << u"http://h/[-1-5]"_s << u"not a range"_s;
    QTest::newRow("huge number") << u"http://h/[1-99999999999999999999]"_s << u"longer than 18 digits"_s;
    QTest::newRow("zero step") << u"http://h/[1-9:0]"_s << u"step"_s;
    QTest::newRow("bad step") << u"http://h/[1-9:x]"_s << u"step"_s;
    QTest::newRow("too many globs") << (u"http://h/"_s + u"{a}"_s.repeated(UrlPattern::kMaxGlobs + 1))
                                    << u"more than 20"_s;
}

void TestUrlPattern::errors()
{
    QFETCH(QString, pattern);
    QFETCH(QString, words);
    const UrlPattern parsed(pattern);
    QVERIFY(!parsed.isValid());
    QVERIFY2(parsed.errorString().contains(words), qPrintable(parsed.errorString()));
    QVERIFY(!parsed.hasGlobs());
}

void TestUrlPattern::countsWithoutExpanding()
{
    // Counted from the globs alone: a hundred million billion links cost nothing until expanded.
    const UrlPattern huge(u"http://h/[1-999999999999999999]/[0-9]"_s);
    QVERIFY(huge.isValid());
    QCOMPARE(huge.count().value_or(0), quint64(9999999999999999990ULL));
    QCOMPARE(huge.at(9999999999999999989ULL), u"http://h/999999999999999999/9"_s);

    // 2^20 * 10^18 does not fit in 64 bits.
    const UrlPattern overflow(u"[1-999999999999999999]"_s + u"{a,b}"_s.repeated(19));
    QVERIFY(overflow.isValid());
    QVERIFY(!overflow.count());
}

void TestUrlPattern::references()
{
    const QStringList values{u"007"_s, u"png"_s};
    QCOMPARE(UrlPattern::substitute(u"shot_#1.#2"_s, values), u"shot_007.png"_s);
    QCOMPARE(UrlPattern::substitute(u"#3#0##1"_s, values), u"#3#0#007"_s);
    QCOMPARE(UrlPattern::substitute(u"#12"_s, values), u"#12"_s);
    QCOMPARE(UrlPattern::substitute(u"end#"_s, values), u"end#"_s);
}

void TestUrlPattern::parserExpandsPatterns()
{
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://h/plain\nhttps://host/img[001-120].jpg\n"_s);
    QVERIFY(parsed.problems.isEmpty());
    QCOMPARE(parsed.links.size(), 121);
    QCOMPARE(parsed.linksFromPatterns, 120);
    QCOMPARE(parsed.links.at(1).url.toString(), u"https://host/img001.jpg"_s);
    QCOMPARE(parsed.links.at(120).url.toString(), u"https://host/img120.jpg"_s);
    QCOMPARE(parsed.links.at(120).line, 2);
    QCOMPARE(parsed.identities.size(), 121);

    // A link a pattern makes again is a duplicate, merged as duplicate lines are.
    const ParsedLinks twice = Quiver::parseLinkList(u"http://h/2\nhttp://h/[1-3]\n"_s);
    QCOMPARE(urlsOf(twice), (QStringList{u"http://h/2"_s, u"http://h/1"_s, u"http://h/3"_s}));
    QCOMPARE(twice.duplicateLines, QList<int>{2});
}

void TestUrlPattern::parserOutNamesWithReferences()
{
    const ParsedLinks parsed = Quiver::parseLinkList(
        u"http://h/{cat,dog}/[1-2].jpg\n  out=#1-#2.jpg\n  dir=pets/#1\nhttp://h/next\n"_s);
    QVERIFY(parsed.problems.isEmpty());
    QCOMPARE(parsed.links.size(), 5);
    QCOMPARE(parsed.links.at(0).options.fileName, u"cat-1.jpg"_s);
    QCOMPARE(parsed.links.at(0).options.directory, u"pets/cat"_s);
    QCOMPARE(parsed.links.at(3).url.toString(), u"http://h/dog/2.jpg"_s);
    QCOMPARE(parsed.links.at(3).options.fileName, u"dog-2.jpg"_s);
    QCOMPARE(parsed.links.at(3).options.directory, u"pets/dog"_s);
    QVERIFY(parsed.links.at(4).options.fileName.isEmpty());

    // An option problem is reported once for the whole pattern, not once per link.
    const ParsedLinks bad = Quiver::parseLinkList(u"http://h/[1-50]\n  colour=red\n"_s);
    QCOMPARE(bad.links.size(), 50);
    QCOMPARE(bad.problems.size(), 1);
    QCOMPARE(bad.problems.at(0).kind, ProblemKind::UnknownOption);
    QCOMPARE(bad.problems.at(0).line, 2);
}

void TestUrlPattern::globbingOff()
{
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://h/a[1-2]{x}\n  globbing=off\n  out=f\n"_s);
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.value(0).reason));
    QCOMPARE(parsed.links.size(), 1);
    QCOMPARE(parsed.links.at(0).url.toString(QUrl::FullyEncoded), u"http://h/a[1-2]%7Bx%7D"_s);
    QCOMPARE(parsed.links.at(0).options.fileName, u"f"_s);

    // Escapes keep one character literal and leave the rest a pattern.
    const ParsedLinks escaped = Quiver::parseLinkList(u"http://h/\\{v\\}[1-2]\n"_s);
    QCOMPARE(escaped.links.size(), 2);
    QCOMPARE(escaped.links.at(0).url.toString(QUrl::FullyEncoded), u"http://h/%7Bv%7D1"_s);

    const ParsedLinks badValue = Quiver::parseLinkList(u"http://h/a\n  globbing=maybe\n"_s);
    QCOMPARE(badValue.problems.size(), 1);
    QCOMPARE(badValue.problems.at(0).kind, ProblemKind::BadOptionValue);
}

void TestUrlPattern::globbingOffForTheWholeInput()
{
    LinkListOptions options;
    options.globbing = false;
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://h/{a,b}\n"_s, options);
    QVERIFY(parsed.problems.isEmpty());
    QCOMPARE(parsed.links.size(), 1);
    QCOMPARE(parsed.links.at(0).url.toString(QUrl::FullyEncoded), u"http://h/%7Ba,b%7D"_s);
    QCOMPARE(parsed.linksFromPatterns, 0);
}

void TestUrlPattern::capIsCheckedBeforeExpanding()
{
    LinkListOptions options;
    options.maxPatternLinks = 100;
    const ParsedLinks exact = Quiver::parseLinkList(u"http://h/[1-100]\n"_s, options);
    QCOMPARE(exact.links.size(), 100);
    QVERIFY(exact.problems.isEmpty());

    const ParsedLinks over = Quiver::parseLinkList(u"http://h/[1-101]\n  out=#1\nhttp://h/after\n"_s, options);
    QCOMPARE(urlsOf(over), QStringList{u"http://h/after"_s});
    QCOMPARE(over.problems.size(), 2);   // the pattern, and its option line left without a link
    QCOMPARE(over.problems.at(0).kind, ProblemKind::TooManyPatternLinks);
    QCOMPARE(over.problems.at(0).line, 1);
    QVERIFY2(over.problems.at(0).reason.contains(u"101 links"_s), qPrintable(over.problems.at(0).reason));
    QVERIFY(over.problems.at(0).reason.contains(u"100"_s));
    QCOMPARE(over.problems.at(1).kind, ProblemKind::OptionForRejectedLink);

    // The default cap: 100,000 links are fine, one more is refused without making any.
    const ParsedLinks defaultCap = Quiver::parseLinkList(u"http://h/[1-100001]\n"_s);
    QCOMPARE(defaultCap.links.size(), 0);
    QCOMPARE(defaultCap.problems.value(0).kind, ProblemKind::TooManyPatternLinks);
}

void TestUrlPattern::capForTheWholeInput()
{
    LinkListOptions options;
    options.maxPatternLinks = 10;
    QString text;
    for (int i = 0; i < Quiver::kPatternLinksPerInputFactor + 1; ++i)
        text += u"http://h/%1/[0-9]\n"_s.arg(i);
    const ParsedLinks parsed = Quiver::parseLinkList(text, options);
    QCOMPARE(parsed.links.size(), 10 * Quiver::kPatternLinksPerInputFactor);
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems.at(0).kind, ProblemKind::TooManyPatternLinks);
    QCOMPARE(parsed.problems.at(0).line, Quiver::kPatternLinksPerInputFactor + 1);
}

void TestUrlPattern::hostilePatternsGiveLineNumbers_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<ProblemKind>("kind");

    QTest::newRow("huge range") << u"http://h/[1-999999999999999999]"_s << ProblemKind::TooManyPatternLinks;
    QTest::newRow("too big to count") << (u"http://h/[1-999999999999999999]"_s + u"{a,b}"_s.repeated(19))
                                      << ProblemKind::TooManyPatternLinks;
    QTest::newRow("many small globs") << (u"http://h/"_s + u"{a,b}"_s.repeated(20)) << ProblemKind::TooManyPatternLinks;
    QTest::newRow("20 digits") << u"http://h/[1-99999999999999999999]"_s << ProblemKind::BadPattern;
    QTest::newRow("nested") << u"http://h/{{{{{{a}}}}}}"_s << ProblemKind::BadPattern;
    QTest::newRow("unbalanced") << u"http://h/[[[[["_s << ProblemKind::BadPattern;
    QTest::newRow("long pattern") << (u"http://h/{"_s + u"a,"_s.repeated(5000) + u"}"_s) << ProblemKind::TooLong;
}

void TestUrlPattern::hostilePatternsGiveLineNumbers()
{
    QFETCH(QString, line);
    QFETCH(ProblemKind, kind);
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://h/ok\n\n"_s + line + u"\n"_s);
    QCOMPARE(urlsOf(parsed), QStringList{u"http://h/ok"_s});
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems.at(0).kind, kind);
    QCOMPARE(parsed.problems.at(0).line, 3);
    QVERIFY(!parsed.problems.at(0).reason.isEmpty());
}

void TestUrlPattern::refusedLinksOfAPatternAreReportedOnce()
{
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://h/{a b,c d,ok}\n"_s);
    QCOMPARE(urlsOf(parsed), QStringList{u"http://h/ok"_s});
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems.at(0).kind, ProblemKind::SpaceInLink);
    QVERIFY2(parsed.problems.at(0).reason.contains(u"3 links; 2 of them"_s), qPrintable(parsed.problems.at(0).reason));
}

void TestUrlPattern::ipv6StaysALink()
{
    const ParsedLinks parsed = Quiver::parseLinkList(u"http://[::1]:8080/file\nhttp://[::1]:8080/f[1-2]\n"_s);
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.value(0).reason));
    QCOMPARE(urlsOf(parsed), (QStringList{u"http://[::1]:8080/file"_s, u"http://[::1]:8080/f1"_s,
                                          u"http://[::1]:8080/f2"_s}));
    QCOMPARE(parsed.linksFromPatterns, 2);   // the first line has no glob, only an IPv6 host
}

void TestUrlPattern::arguments()
{
    const ParsedLinks parsed = Quiver::parseLinkArgument(u"http://h/[1-3]"_s);
    QCOMPARE(parsed.links.size(), 3);
    QCOMPARE(parsed.links.at(0).line, 0);
    const ParsedLinks bad = Quiver::parseLinkArgument(u"http://h/[1-3"_s);
    QCOMPARE(bad.problems.size(), 1);
    QCOMPARE(bad.problems.at(0).line, 0);
    QCOMPARE(bad.problems.at(0).kind, ProblemKind::BadPattern);
    LinkListOptions off;
    off.globbing = false;
    QCOMPARE(Quiver::parseLinkArgument(u"http://h/[1-3]"_s, off).links.size(), 1);
    QCOMPARE(Quiver::parseLinkArgument(u"  http://h/plain  "_s).links.size(), 1);
}

QTEST_GUILESS_MAIN(TestUrlPattern)
#include "tst_urlpattern.moc"
