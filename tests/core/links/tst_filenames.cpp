#include "links/filenames.h"
#include "disk/nameregistry.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Quiver;

namespace {

template <qsizetype N>
QString withNul(const char16_t (&text)[N])
{
    return QString::fromUtf16(text, N - 1);
}

qsizetype utf8Size(const QString &text)
{
    return text.toUtf8().size();
}

// An independent statement of the Windows device-name rule, so the random test does not trust the code
// it checks.
bool isWindowsDevice(const QString &name)
{
    static const QRegularExpression device(u"^(con|prn|aux|nul|conin\\$|conout\\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\\.|$)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return device.match(name).hasMatch();
}

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("old") == 3;
}

} // namespace

class tst_FileNames final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sanitize_data();
    void sanitize();
    void sanitizeLength_data();
    void sanitizeLength();
    void sanitizeRandom();
    void fromUrl_data();
    void fromUrl();
    void choose_data();
    void choose();
    void numbered_data();
    void numbered();
    void extensionStart_data();
    void extensionStart();

    void registryClaimsFreshName();
    void registryAvoidsExisting_data();
    void registryAvoidsExisting();
    void registrySanitizesAgain_data();
    void registrySanitizesAgain();
    void registryClaimSequence_data();
    void registryClaimSequence();
    void registryReleaseThenClaim();
    void registryAdopt();
    void registryCleansDirectory();

private:
    std::unique_ptr<QTemporaryDir> m_temporary; // a fresh folder for every test function and row
    QString m_dir;
};

void tst_FileNames::init()
{
    m_temporary = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temporary->isValid());
    m_dir = QDir::cleanPath(m_temporary->path());
}

void tst_FileNames::cleanup()
{
    m_temporary.reset();
    m_dir.clear();
}

void tst_FileNames::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"report.pdf"_s << u"report.pdf"_s;
    QTest::newRow("unicode") << u"中文.zip"_s << u"中文.zip"_s;
    QTest::newRow("emoji") << u"📦 box.tar.gz"_s << u"📦 box.tar.gz"_s;
    QTest::newRow("inner spaces kept") << u"a  b.txt"_s << u"a  b.txt"_s;
    QTest::newRow("combining mark kept") << u"e\u0301.txt"_s << u"e\u0301.txt"_s;
    QTest::newRow("empty") << QString() << QString();

    // Paths: only the last component survives.
    QTest::newRow("relative traversal") << u"../../evil.txt"_s << u"evil.txt"_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << u"passwd"_s;
    QTest::newRow("windows path") << u"C:\\Windows\\evil.dll"_s << u"evil.dll"_s;
    QTest::newRow("unc path") << u"\\\\server\\share\\x.txt"_s << u"x.txt"_s;
    QTest::newRow("mixed separators") << u"a/b\\c.txt"_s << u"c.txt"_s;
    QTest::newRow("traversal to dotfile") << u"../../.bashrc"_s << u"bashrc"_s;
    QTest::newRow("trailing slash") << u"dir/"_s << QString();
    QTest::newRow("trailing backslash") << u"dir\\"_s << QString();
    QTest::newRow("slash only") << u"/"_s << QString();

    // Windows-illegal characters.
    QTest::newRow("drive relative") << u"C:evil.txt"_s << u"C_evil.txt"_s;
    QTest::newRow("alternate data stream") << u"file.txt:stream"_s << u"file.txt_stream"_s;
    QTest::newRow("all illegal") << u"a<b>c:d\"e|f?g*h.txt"_s << u"a_b_c_d_e_f_g_h.txt"_s;
    QTest::newRow("only illegal") << u"???"_s << u"___"_s;

    // Dots, whitespace, "~".
    QTest::newRow("dot") << u"."_s << QString();
    QTest::newRow("dot dot") << u".."_s << QString();
    QTest::newRow("three dots") << u"..."_s << QString();
    QTest::newRow("tilde") << u"~"_s << QString();
    QTest::newRow("tilde with spaces") << u" ~ "_s << QString();
    QTest::newRow("tilde with dots") << u".~."_s << QString();
    QTest::newRow("tilde prefix") << u"~notes.txt"_s << u"~notes.txt"_s;
    QTest::newRow("tilde suffix") << u"notes.txt~"_s << u"notes.txt~"_s;
    QTest::newRow("dotfile") << u".bashrc"_s << u"bashrc"_s;
    QTest::newRow("two leading dots") << u"..bashrc"_s << u"bashrc"_s;
    QTest::newRow("dots and spaces") << u" . .profile"_s << u"profile"_s;
    QTest::newRow("trailing dot") << u"file.txt."_s << u"file.txt"_s;
    QTest::newRow("trailing dots and spaces") << u"file.txt . . "_s << u"file.txt"_s;
    QTest::newRow("leading spaces") << u"   a.txt"_s << u"a.txt"_s;
    QTest::newRow("trailing no-break space") << u"a.txt\u00a0"_s << u"a.txt"_s;
    QTest::newRow("leading ideographic space") << u"\u3000a.txt"_s << u"a.txt"_s;
    QTest::newRow("spaces only") << u"   "_s << QString();

    // Control characters.
    QTest::newRow("NUL") << withNul(u"a\0b.txt") << u"ab.txt"_s;
    QTest::newRow("CR LF") << u"a\r\nb.txt"_s << u"ab.txt"_s;
    QTest::newRow("tab") << u"a\tb.txt"_s << u"ab.txt"_s;
    QTest::newRow("terminal escape") << u"\x1b[31mred.txt"_s << u"[31mred.txt"_s;
    QTest::newRow("DEL") << u"a\x7f" u"b"_s << u"ab"_s;
    QTest::newRow("C1") << u"a\u0085b\u009bc\u0080\u009f"_s << u"abc"_s;
    QTest::newRow("only controls") << u"\x01\x02\x1f"_s << QString();
    QTest::newRow("control hides dotfile") << u"\x01.hidden"_s << u"hidden"_s;
    QTest::newRow("tab before trailing dot") << u"a.txt.\t"_s << u"a.txt"_s;
    QTest::newRow("newline before dot dot") << u"\n.."_s << QString();

    // Bidi controls, which can make "evil\u202etxt.exe" display as "evilexe.txt".
    QTest::newRow("RLO") << u"evil\u202etxt.exe"_s << u"eviltxt.exe"_s;
    QTest::newRow("embeddings and overrides") << u"a\u202ab\u202bc\u202cd\u202de\u202e.txt"_s << u"abcde.txt"_s;
    QTest::newRow("isolates") << u"a\u2066b\u2067c\u2068d\u2069.txt"_s << u"abcd.txt"_s;
    QTest::newRow("marks") << u"a\u200eb\u200fc\u061c.txt"_s << u"abc.txt"_s;
    QTest::newRow("only bidi") << u"\u202e\u2066"_s << QString();
    QTest::newRow("bidi hides dotfile") << u"\u202e.bashrc"_s << u"bashrc"_s;
    QTest::newRow("arabic letters kept") << u"ملف.txt"_s << u"ملف.txt"_s;

    // Surrogates.
    QTest::newRow("pair kept") << u"😀.png"_s << u"😀.png"_s;
    QTest::newRow("lone high") << (u"a"_s + QChar(0xd800) + u"b.txt"_s) << u"ab.txt"_s;
    QTest::newRow("lone low") << (u"a"_s + QChar(0xdc00) + u"b.txt"_s) << u"ab.txt"_s;
    QTest::newRow("reversed pair") << (u"a"_s + QChar(0xdc00) + QChar(0xd800) + u"b"_s) << u"ab"_s;
    QTest::newRow("high at end") << (u"a"_s + QChar(0xd83d)) << u"a"_s;

    // Windows device names.
    QTest::newRow("CON") << u"CON"_s << u"_CON"_s;
    QTest::newRow("con") << u"con"_s << u"_con"_s;
    QTest::newRow("Con.txt") << u"Con.txt"_s << u"_Con.txt"_s;
    QTest::newRow("PRN") << u"PRN"_s << u"_PRN"_s;
    QTest::newRow("aux.c") << u"aux.c"_s << u"_aux.c"_s;
    QTest::newRow("nul.tar.gz") << u"nul.tar.gz"_s << u"_nul.tar.gz"_s;
    QTest::newRow("COM1") << u"COM1"_s << u"_COM1"_s;
    QTest::newRow("com9.log") << u"com9.log"_s << u"_com9.log"_s;
    QTest::newRow("COM0") << u"COM0"_s << u"_COM0"_s;
    QTest::newRow("LPT1") << u"LPT1"_s << u"_LPT1"_s;
    QTest::newRow("lpt9.txt") << u"lpt9.txt"_s << u"_lpt9.txt"_s;
    QTest::newRow("COM superscript") << u"COM\u00b9.txt"_s << u"_COM\u00b9.txt"_s;
    QTest::newRow("LPT superscript") << u"lpt\u00b3"_s << u"_lpt\u00b3"_s;
    QTest::newRow("CONIN$") << u"CONIN$"_s << u"_CONIN$"_s;
    QTest::newRow("conout$.txt") << u"conout$.txt"_s << u"_conout$.txt"_s;
    QTest::newRow("space before dot") << u"AUX .txt"_s << u"_AUX .txt"_s;
    QTest::newRow("trailing space") << u"NUL "_s << u"_NUL"_s;
    QTest::newRow("trailing dot") << u"prn."_s << u"_prn"_s;
    QTest::newRow("from dotfile") << u".con"_s << u"_con"_s;
    QTest::newRow("from path") << u"dir/aux.c"_s << u"_aux.c"_s;
    QTest::newRow("with colon") << u"CON:"_s << u"CON_"_s;
    QTest::newRow("not: CONSOLE") << u"CONSOLE.txt"_s << u"CONSOLE.txt"_s;
    QTest::newRow("not: COM10") << u"COM10"_s << u"COM10"_s;
    QTest::newRow("not: LPT") << u"LPT"_s << u"LPT"_s;
    QTest::newRow("not: COMA") << u"COMA"_s << u"COMA"_s;
    QTest::newRow("not: icon.png") << u"icon.png"_s << u"icon.png"_s;
    QTest::newRow("not: xCON") << u"xCON"_s << u"xCON"_s;
    QTest::newRow("not: CON_") << u"CON_"_s << u"CON_"_s;
}

void tst_FileNames::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(FileNames::sanitize(input), expected);
    QCOMPARE(FileNames::sanitize(expected), expected);
}

void tst_FileNames::sanitizeLength_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QCOMPARE(FileNames::MaxNameBytes, 250);
    const QString a(u'a');
    const QString ae(u'ä');         // 2 bytes
    const QString han(u'中');       // 3 bytes
    const QString grin = u"😀"_s;   // 4 bytes, a surrogate pair
    const QString accented = u"e\u0301"_s; // 3 bytes, one grapheme
    const QString nbsp(u'\u00a0');  // 2 bytes, whitespace

    QTest::newRow("250 bytes kept") << a.repeated(250) << a.repeated(250);
    QTest::newRow("251 bytes cut") << a.repeated(251) << a.repeated(250);
    QTest::newRow("ascii, no extension") << a.repeated(300) << a.repeated(250);
    QTest::newRow("ascii, extension kept") << a.repeated(300) + u".txt"_s << a.repeated(246) + u".txt"_s;
    QTest::newRow("tar.gz kept") << a.repeated(300) + u".tar.gz"_s << a.repeated(243) + u".tar.gz"_s;
    QTest::newRow("long extension not kept")
        << a.repeated(300) + u"."_s + QString(20, u'b') << a.repeated(250);
    QTest::newRow("2-byte") << ae.repeated(200) + u".pdf"_s << ae.repeated(123) + u".pdf"_s;
    QTest::newRow("2-byte, odd offset") << a + ae.repeated(200) + u".pdf"_s << a + ae.repeated(122) + u".pdf"_s;
    QTest::newRow("3-byte") << han.repeated(100) + u".txt"_s << han.repeated(82) + u".txt"_s;
    QTest::newRow("3-byte, offset 1") << a + han.repeated(100) << a + han.repeated(83);
    QTest::newRow("4-byte") << grin.repeated(100) + u".png"_s << grin.repeated(61) + u".png"_s;
    QTest::newRow("4-byte, offset 3") << u"abc"_s + grin.repeated(100) << u"abc"_s + grin.repeated(61);
    // Qt 6.4's grapheme finder, once the text holds an Indic letter, reports a boundary inside every
    // surrogate pair.
    QTest::newRow("4-byte beside Bengali") << u"\u09a6"_s + grin.repeated(100) << u"\u09a6"_s + grin.repeated(61);
    QTest::newRow("4-byte before Bengali")
        << grin.repeated(100) + u"\u09a6.png"_s << grin.repeated(61) + u".png"_s;
    QTest::newRow("grapheme not split") << u"xx"_s + accented.repeated(100) + u".txt"_s
                                        << u"xx"_s + accented.repeated(81) + u".txt"_s;
    QTest::newRow("multi-byte extension") << a.repeated(300) + u".中文"_s << a.repeated(243) + u".中文"_s;
    QTest::newRow("giant grapheme falls back to code points")
        << u"x"_s + QString(300, QChar(0x0301)) << u"x"_s + QString(124, QChar(0x0301));
    QTest::newRow("cut leaves trailing spaces") << a.repeated(240) + QString(50, u' ') + u"b"_s << a.repeated(240);
    QTest::newRow("cut leaves trailing dots") << a.repeated(240) + QString(50, u'.') + u" b"_s << a.repeated(240);
    QTest::newRow("dots before a kept extension")
        << a.repeated(240) + QString(50, u'.') + u"b"_s << a.repeated(240) + QString(9, u'.') + u"b"_s;
    QTest::newRow("cut reveals device name") << u"CON"_s + nbsp.repeated(300) + u"x"_s << u"_CON"_s;
    QTest::newRow("cut reveals tilde") << u"~"_s + QString(300, u' ') + u"x"_s << QString();
    QTest::newRow("device then cut") << u"con."_s + a.repeated(300) << u"_con."_s + a.repeated(245);
    QTest::newRow("controls do not count") << QString(300, QChar(1)) + u"a.txt"_s << u"a.txt"_s;
}

void tst_FileNames::sanitizeLength()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString actual = FileNames::sanitize(input);
    QCOMPARE(actual, expected);
    QVERIFY(utf8Size(actual) <= FileNames::MaxNameBytes);
    QVERIFY(utf8Size(actual + FileNames::PartSuffix) <= 255);
    QCOMPARE(FileNames::sanitize(actual), actual);
}

// Invariants over a fixed-seed stream of hostile strings, assembled from the pieces the rules care about.
void tst_FileNames::sanitizeRandom()
{
    static const std::array<QString, 24> pieces{
        u"a"_s, u"."_s, u" "_s, u"/"_s, u"\\"_s, u":"_s, u"~"_s, withNul(u"\0"), u"\u202e"_s, u"ä"_s, u"中"_s,
        u"😀"_s, QString(QChar(0xd800)), QString(QChar(0xdc00)), u"\u0301"_s, u"CON"_s, u"lpt1"_s, u"\u00a0"_s,
        u"txt"_s, u"\n"_s, u"\u0085"_s, u"?"_s, u"tar"_s, u"\u2066"_s,
    };
    QRandomGenerator random(7);
    for (int round = 0; round < 5000; ++round) {
        QString input;
        const int count = random.bounded(0, round % 10 == 0 ? 400 : 12);
        for (int i = 0; i < count; ++i)
            input += pieces.at(random.bounded(int(pieces.size())));
        const QString name = FileNames::sanitize(input);
        const QByteArray context = input.toUtf8().toPercentEncoding();

        QVERIFY2(utf8Size(name) <= FileNames::MaxNameBytes, context.constData());
        QVERIFY2(FileNames::sanitize(name) == name, context.constData());
        if (name.isEmpty())
            continue;
        QVERIFY2(name != u"~" && name != u"." && name != u"..", context.constData());
        QVERIFY2(!name.front().isSpace() && name.front() != u'.', context.constData());
        QVERIFY2(!name.back().isSpace() && name.back() != u'.', context.constData());
        QVERIFY2(!isWindowsDevice(name), context.constData());
        for (qsizetype i = 0; i < name.size(); ++i) {
            const char16_t u = name.at(i).unicode();
            QVERIFY2(!u"/\\<>:\"|?*"_s.contains(QChar(u)), context.constData());
            QVERIFY2(u >= 0x20 && !(u >= 0x7f && u <= 0x9f), context.constData());
            QVERIFY2(u != 0x202e && u != 0x2066, context.constData());
            if (QChar::isHighSurrogate(u)) {
                QVERIFY2(i + 1 < name.size() && name.at(i + 1).isLowSurrogate(), context.constData());
                ++i;
            } else {
                QVERIFY2(!QChar::isLowSurrogate(u), context.constData());
            }
        }
    }
}

void tst_FileNames::fromUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");

    const auto url = [](const char *text) { return QUrl(QString::fromUtf8(text)); };
    QTest::newRow("query and fragment") << url("http://example.com/dl?id=1#x") << u"dl"_s;
    QTest::newRow("slashes in query") << url("http://example.com/dir/file.tar.gz?x=/y/z") << u"file.tar.gz"_s;
    QTest::newRow("deep path") << url("http://example.com/a/b/c.iso") << u"c.iso"_s;
    QTest::newRow("%2F") << url("http://example.com/a%2Fb") << u"a_b"_s;
    QTest::newRow("%2f") << url("http://example.com/a%2fb") << u"a_b"_s;
    QTest::newRow("%5C") << url("http://example.com/a%5Cb.txt") << u"a_b.txt"_s;
    QTest::newRow("literal backslash") << url("http://example.com/a\\b.txt") << u"a_b.txt"_s;
    QTest::newRow("encoded traversal") << url("http://example.com/..%2F..%2Fetc%2Fpasswd") << u".._.._etc_passwd"_s;
    QTest::newRow("%20") << url("http://example.com/a%20b.txt") << u"a b.txt"_s;
    QTest::newRow("%2B") << url("http://example.com/a%2Bb.html") << u"a+b.html"_s;
    QTest::newRow("%25") << url("http://example.com/100%25.txt") << u"100%.txt"_s;
    QTest::newRow("utf-8 escapes") << url("http://example.com/%E4%B8%AD%E6%96%87.zip") << u"中文.zip"_s;
    QTest::newRow("unicode path") << url("http://example.com/ä b.txt") << u"ä b.txt"_s;
    QTest::newRow("latin-1 escape") << url("http://example.com/caf%E9.txt") << u"café.txt"_s;
    QTest::newRow("NUL stays raw") << url("http://example.com/a%00b") << withNul(u"a\0b");
    QTest::newRow("dot dot") << url("http://example.com/%2e%2e") << u".."_s;
    QTest::newRow("trailing slash") << url("http://example.com/dir/") << QString();
    QTest::newRow("root") << url("http://example.com/") << QString();
    QTest::newRow("no path") << url("http://example.com") << QString();
    QTest::newRow("no path, query") << url("http://example.com?x=a.txt") << QString();
    QTest::newRow("file url") << url("file:///tmp/x.txt") << u"x.txt"_s;
    QTest::newRow("empty url") << QUrl() << QString();
}

void tst_FileNames::fromUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    QCOMPARE(FileNames::fromUrl(url), expected);
}

void tst_FileNames::choose_data()
{
    QTest::addColumn<QByteArray>("contentDisposition");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");

    const QUrl dl(u"http://example.com/files/dl?id=1"_s);
    const QUrl zip(u"http://example.com/files/file.zip"_s);
    QTest::newRow("header wins") << QByteArray(R"(attachment; filename="report.pdf")") << dl << u"report.pdf"_s;
    QTest::newRow("header traversal") << QByteArray(R"(attachment; filename="../../.bashrc")") << dl << u"bashrc"_s;
    QTest::newRow("header disguised traversal")
        << QByteArray("attachment; filename*=UTF-8''%2e%2e%2f%2e%2e%2fetc%2fpasswd") << dl << u"passwd"_s;
    QTest::newRow("header disguised backslash")
        << QByteArray("attachment; filename*=UTF-8''..%5c..%5cevil.exe") << dl << u"evil.exe"_s;
    QTest::newRow("header NUL") << QByteArray("attachment; filename*=UTF-8''a%00b.txt") << dl << u"ab.txt"_s;
    QTest::newRow("header device") << QByteArray("attachment; filename=aux.txt") << dl << u"_aux.txt"_s;
    QTest::newRow("header RLO") << QByteArray("attachment; filename*=UTF-8''evil%e2%80%aetxt.exe") << dl
                                << u"eviltxt.exe"_s;
    QTest::newRow("header unusable") << QByteArray(R"(attachment; filename="..")") << zip << u"file.zip"_s;
    QTest::newRow("header path only") << QByteArray(R"(attachment; filename="/tmp/")") << zip << u"file.zip"_s;
    QTest::newRow("header broken") << QByteArray(R"(attachment; filename="unterminated)") << zip << u"file.zip"_s;
    QTest::newRow("header injection") << QByteArray("attachment; filename=a.txt\r\nX: y") << zip << u"file.zip"_s;
    QTest::newRow("header without name") << QByteArray("attachment") << zip << u"file.zip"_s;
    QTest::newRow("no header") << QByteArray() << dl << u"dl"_s;
    QTest::newRow("url encoded slash") << QByteArray() << QUrl(u"http://example.com/a%2F..%2Fb"_s) << u"a_.._b"_s;
    QTest::newRow("url RLO") << QByteArray() << QUrl(u"http://example.com/evil%E2%80%AEtxt.exe"_s)
                             << u"eviltxt.exe"_s;
    QTest::newRow("url dotfile") << QByteArray() << QUrl(u"http://example.com/.bashrc"_s) << u"bashrc"_s;
    QTest::newRow("url dot dot") << QByteArray() << QUrl(u"http://example.com/%2e%2e"_s) << u"example.com"_s;
    QTest::newRow("url trailing slash") << QByteArray() << QUrl(u"http://example.com/dir/"_s) << u"example.com"_s;
    QTest::newRow("url without path") << QByteArray() << QUrl(u"http://example.com"_s) << u"example.com"_s;
    QTest::newRow("ip host") << QByteArray() << QUrl(u"http://127.0.0.1:8080/"_s) << u"127.0.0.1"_s;
    QTest::newRow("ipv6 host") << QByteArray() << QUrl(u"http://[::1]/"_s) << u"__1"_s;
    QTest::newRow("no host") << QByteArray() << QUrl(u"file:///"_s) << u"download"_s;
    QTest::newRow("empty url") << QByteArray() << QUrl() << u"download"_s;
}

void tst_FileNames::choose()
{
    QFETCH(QByteArray, contentDisposition);
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    QCOMPARE(FileNames::choose(contentDisposition, url), expected);
}

void tst_FileNames::numbered_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    QTest::newRow("extension") << u"name.ext"_s << 1 << u"name (1).ext"_s;
    QTest::newRow("tar.gz") << u"archive.tar.gz"_s << 2 << u"archive (2).tar.gz"_s;
    QTest::newRow("TAR.XZ") << u"ARCHIVE.TAR.XZ"_s << 3 << u"ARCHIVE (3).TAR.XZ"_s;
    QTest::newRow("no extension") << u"noext"_s << 1 << u"noext (1)"_s;
    QTest::newRow("several dots") << u"a.b.c"_s << 4 << u"a.b (4).c"_s;
    QTest::newRow("tar alone") << u"tar.gz"_s << 1 << u"tar (1).gz"_s;
    QTest::newRow("long extension") << u"x.verylongextension12345"_s << 1 << u"x.verylongextension12345 (1)"_s;
    QTest::newRow("space after dot") << u"my file. final"_s << 1 << u"my file. final (1)"_s;
    QTest::newRow("unicode") << u"中文.zip"_s << 2 << u"中文 (2).zip"_s;
    QTest::newRow("large n") << u"x"_s << 1000000 << u"x (1000000)"_s;
    QTest::newRow("empty name") << QString() << 1 << u"download (1)"_s;
    QTest::newRow("n = 0") << u"x.txt"_s << 0 << u"x.txt"_s;
    QTest::newRow("n < 0") << u"x.txt"_s << -1 << u"x.txt"_s;
    QTest::newRow("at the limit") << QString(246, u'a') + u".txt"_s << 12 << QString(241, u'a') + u" (12).txt"_s;
    QTest::newRow("at the limit, 3-byte") << QString(82, u'中') + u".txt"_s << 1 << QString(80, u'中') + u" (1).txt"_s;
    QTest::newRow("at the limit, tar.gz") << QString(243, u'a') + u".tar.gz"_s << 7
                                          << QString(239, u'a') + u" (7).tar.gz"_s;
}

void tst_FileNames::numbered()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(QString, expected);
    const QString actual = FileNames::numbered(name, n);
    QCOMPARE(actual, expected);
    QVERIFY(utf8Size(actual) <= FileNames::MaxNameBytes);
}

void tst_FileNames::extensionStart_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qsizetype>("expected");

    QTest::newRow("simple") << u"a.txt"_s << qsizetype(1);
    QTest::newRow("none") << u"abc"_s << qsizetype(3);
    QTest::newRow("leading dot only") << u".txt"_s << qsizetype(4);
    QTest::newRow("trailing dot") << u"a."_s << qsizetype(2);
    QTest::newRow("tar.bz2") << u"x.tar.bz2"_s << qsizetype(1);
    QTest::newRow("not tar") << u"x.star.gz"_s << qsizetype(6);
    QTest::newRow("16 characters") << u"a.abcdefghijklmnop"_s << qsizetype(1);
    QTest::newRow("17 characters") << u"a.abcdefghijklmnopq"_s << qsizetype(19);
}

void tst_FileNames::extensionStart()
{
    QFETCH(QString, name);
    QFETCH(qsizetype, expected);
    QCOMPARE(FileNames::extensionStart(name), expected);
}

void tst_FileNames::registryClaimsFreshName()
{
    NameRegistry registry;

    const QString path = registry.claim(m_dir, u"a.txt"_s);
    QCOMPARE(path, m_dir + u"/a.txt"_s);
    QVERIFY(registry.isClaimed(path));
    QVERIFY(registry.isClaimed(m_dir + u"/A.TXT"_s));
    QVERIFY(registry.isClaimed(m_dir + u"/sub/../a.txt"_s));
    QVERIFY(!registry.isClaimed(path + FileNames::PartSuffix));
    QVERIFY(!QFile::exists(path)); // claiming reserves a name; it creates nothing
    QCOMPARE(registry.size(), 1);
}

void tst_FileNames::registryAvoidsExisting_data()
{
    // setup: what exists before the claim; "f:" a file, "d:" a directory, "l:" a dangling symlink.
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("existing file") << QStringList{u"f:a.txt"_s} << u"a.txt"_s << u"a (1).txt"_s;
    QTest::newRow("existing .part") << QStringList{u"f:b.txt.part"_s} << u"b.txt"_s << u"b (1).txt"_s;
    QTest::newRow("existing directory") << QStringList{u"d:sub"_s} << u"sub"_s << u"sub (1)"_s;
    QTest::newRow("directory named like the .part") << QStringList{u"d:d.bin.part"_s} << u"d.bin"_s << u"d (1).bin"_s;
    QTest::newRow("dangling symlink") << QStringList{u"l:gone.txt"_s} << u"gone.txt"_s << u"gone (1).txt"_s;
    QTest::newRow("dangling symlink as .part") << QStringList{u"l:g.txt.part"_s} << u"g.txt"_s << u"g (1).txt"_s;
    QTest::newRow("numbered ones taken too")
        << QStringList{u"f:c.txt"_s, u"f:c (1).txt"_s, u"f:c (2).txt.part"_s, u"d:c (3).txt"_s} << u"c.txt"_s
        << u"c (4).txt"_s;
    QTest::newRow("tar.gz numbering") << QStringList{u"f:x.tar.gz"_s} << u"x.tar.gz"_s << u"x (1).tar.gz"_s;
    QTest::newRow("unrelated file") << QStringList{u"f:other.txt"_s} << u"e.txt"_s << u"e.txt"_s;
}

void tst_FileNames::registryAvoidsExisting()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QStringList files;
    for (const QString &entry : setup) {
        const QString path = m_dir + u'/' + entry.mid(2);
        if (entry.startsWith(u"f:")) {
            QVERIFY(touch(path));
            files.append(path);
        } else if (entry.startsWith(u"d:")) {
            QVERIFY(QDir().mkdir(path));
        } else {
            QVERIFY(QFile::link(m_dir + u"/does-not-exist"_s, path));
        }
    }

    NameRegistry registry;
    const QString path = registry.claim(m_dir, name);
    QCOMPARE(path, m_dir + u'/' + expected);
    QVERIFY(registry.isClaimed(path));
    for (const QString &file : files) {
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("old"));
    }
}

void tst_FileNames::registrySanitizesAgain_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("traversal") << u"../../evil.txt"_s << u"evil.txt"_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << u"passwd"_s;
    QTest::newRow("backslashes") << u"..\\..\\evil.exe"_s << u"evil.exe"_s;
    QTest::newRow("empty") << QString() << u"download"_s;
    QTest::newRow("dot dot") << u".."_s << u"download"_s;
    QTest::newRow("dot") << u"."_s << u"download"_s;
    QTest::newRow("trailing slash") << u"x/"_s << u"download"_s;
    QTest::newRow("tilde") << u"~"_s << u"download"_s;
    QTest::newRow("device") << u"CON"_s << u"_CON"_s;
    QTest::newRow("bidi") << u"a\u202e.txt"_s << u"a.txt"_s;
    QTest::newRow("too long") << QString(300, u'a') + u".txt"_s << QString(246, u'a') + u".txt"_s;
}

void tst_FileNames::registrySanitizesAgain()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    NameRegistry registry;
    const QString path = registry.claim(m_dir, name);
    QCOMPARE(path, m_dir + u'/' + expected);
    QCOMPARE(QDir::cleanPath(path + u"/.."_s), m_dir);
}

void tst_FileNames::registryClaimSequence_data()
{
    QTest::addColumn<QStringList>("names");    // claimed in this order
    QTest::addColumn<QStringList>("expected"); // the file names handed out

    QTest::newRow("different names") << QStringList{u"a.txt"_s, u"b.txt"_s} << QStringList{u"a.txt"_s, u"b.txt"_s};
    QTest::newRow("same name") << QStringList{u"same.zip"_s, u"same.zip"_s, u"same.zip"_s, u"../same.zip"_s}
                               << QStringList{u"same.zip"_s, u"same (1).zip"_s, u"same (2).zip"_s, u"same (3).zip"_s};
    // One item's final name must never be another item's .part.
    QTest::newRow("final, then its .part") << QStringList{u"x"_s, u"x.part"_s} << QStringList{u"x"_s, u"x (1).part"_s};
    QTest::newRow(".part, then its final") << QStringList{u"y.part"_s, u"y"_s} << QStringList{u"y.part"_s, u"y (1)"_s};
    // One file on Windows and macOS.
    QTest::newRow("case") << QStringList{u"Readme.md"_s, u"README.md"_s}
                          << QStringList{u"Readme.md"_s, u"README (1).md"_s};
    QTest::newRow("NFC and NFD") << QStringList{u"caf\u00e9.txt"_s, u"cafe\u0301.txt"_s}
                                 << QStringList{u"caf\u00e9.txt"_s, u"cafe\u0301 (1).txt"_s};
}

void tst_FileNames::registryClaimSequence()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, expected);
    QCOMPARE(names.size(), expected.size());

    NameRegistry registry;
    for (qsizetype i = 0; i < names.size(); ++i)
        QCOMPARE(registry.claim(m_dir, names.at(i)), m_dir + u'/' + expected.at(i));
    QCOMPARE(registry.size(), names.size());
}

void tst_FileNames::registryReleaseThenClaim()
{
    NameRegistry registry;

    const QString first = registry.claim(m_dir, u"r.txt"_s);
    QCOMPARE(first, m_dir + u"/r.txt"_s);
    registry.release(first);
    QVERIFY(!registry.isClaimed(first));
    QCOMPARE(registry.size(), 0);
    QCOMPARE(registry.claim(m_dir, u"r.txt"_s), first);

    registry.release(m_dir + u"/never-claimed.txt"_s);
    registry.release(QString());
    QCOMPARE(registry.size(), 1);

    // Released, but the file now exists on disk: still not handed out again.
    registry.release(first);
    QVERIFY(touch(first));
    QCOMPARE(registry.claim(m_dir, u"r.txt"_s), m_dir + u"/r (1).txt"_s);
}

void tst_FileNames::registryAdopt()
{
    NameRegistry registry;

    const QString restored = m_dir + u"/s.txt"_s;
    QVERIFY(touch(restored + FileNames::PartSuffix)); // a session item that already has its .part
    QVERIFY(registry.adopt(restored));
    QVERIFY(registry.isClaimed(restored));
    QVERIFY(!registry.adopt(restored));
    QVERIFY(!registry.adopt(m_dir + u"/S.TXT"_s));
    QVERIFY(!registry.adopt(m_dir + u"/sub/../s.txt"_s));
    QVERIFY(!registry.adopt(restored + FileNames::PartSuffix));
    QVERIFY(!registry.adopt(QString()));
    QCOMPARE(registry.claim(m_dir, u"s.txt"_s), m_dir + u"/s (1).txt"_s);

    QVERIFY(registry.adopt(m_dir + u"/sub/../t.txt"_s));
    QVERIFY(registry.isClaimed(m_dir + u"/t.txt"_s));

    registry.release(restored);
    QVERIFY(!registry.isClaimed(restored));
    QVERIFY(registry.adopt(restored));
}

void tst_FileNames::registryCleansDirectory()
{
    QVERIFY(QDir(m_dir).mkdir(u"sub"_s));
    NameRegistry registry;

    QCOMPARE(registry.claim(m_dir + u"/"_s, u"z"_s), m_dir + u"/z"_s);
    QCOMPARE(registry.claim(m_dir + u"/sub/../."_s, u"z"_s), m_dir + u"/z (1)"_s);
    QCOMPARE(registry.claim(m_dir + u"//sub//"_s, u"z"_s), m_dir + u"/sub/z"_s);
    QCOMPARE(registry.claim(u"/"_s, u"../quiver-test-\u00e4"_s), u"/quiver-test-\u00e4"_s);
}

QTEST_APPLESS_MAIN(tst_FileNames)

#include "tst_filenames.moc"
