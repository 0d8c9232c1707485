#include "addlinkssupport.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Quiver::AddLinksPanel;
using Quiver::Link;
using Quiver::ParsedLinks;
using Quiver::ProblemKind;
using namespace AddLinksSupport;


class TestAddLinks final : public QObject
{
    Q_OBJECT

private slots:
    void typedLinksAreChecked();
    void pastedLinksAndBadLines();
    void patternsArePreviewedBeforeAdding();
    void patternCapAndLiteralBracketsFollowTheOptions();
    void proseLinksAreExtracted();
    void emptyBoxSaysNothing();
    void submitEmitsTheLinks();
    void problemsStayAfterSubmitUntilTheTextChanges();
    void queuedDuplicatesAreReportedNotEmitted();
    void allQueuedDisablesAdd();
    void largeAddAsksFirst();
    void ctrlReturnSubmits();
    void downloadStartsAddPausedWaits();
    void ctrlShiftReturnIsLeftToTheWindow();
    void clearEmptiesEverything();

    void mimeText();
    void mimeHttpUrls();
    void mimeLocalFile();
    void mimeBinaryFile();
    void mimeFolder();
    void mimeOversizedFile();
    void mimeOverlappingFiles();
    void mimeAsyncOutlivesTheMimeData();

    void dropOnThePanel();
    void dropOfABinaryFile();
    void dropWithChecksumsOnProse();
    void appendParsedRoundTripsOptions();
    void bigDropIsKeptBesideTheText();

    void hundredThousandLinks();
};

void TestAddLinks::typedLinksAreChecked()
{
    AddLinksPanel panel;
    QTest::keyClicks(editOf(panel), u"https://example.org/a.zip"_s);
    QTRY_COMPARE(summary(panel), u"1 link found"_s);
    QVERIFY(addButtonOf(panel)->isEnabled());
    QVERIFY(problemsListOf(panel)->isHidden());
}

// The box says how many links a pattern makes before anything is added, and a bad pattern is a line
// with its sentence like any other.
void TestAddLinks::patternsArePreviewedBeforeAdding()
{
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    QTest::keyClicks(editOf(panel), u"https://host/img[001-120].jpg"_s);
    QTRY_COMPARE(summary(panel), u"120 links found · 120 made by patterns"_s);
    QCOMPARE(panel.current().links.size(), 120);

    panel.setText(u"https://host/plain.iso\nhttps://host/{a,b}.png\nhttps://host/x[1-3\n"_s);
    QTRY_COMPARE(summary(panel), u"3 links found · 2 made by patterns · 1 line rejected"_s);
    QCOMPARE(problemRows(panel).size(), 1);
    QVERIFY2(problemRows(panel).front().startsWith(u"Line 3: “https://host/x[1-3” is not a usable link pattern: "
                                                   "The “[” at character 15 is never closed with “]”."_s),
             qPrintable(problemRows(panel).front()));

    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://host/img[001-120].jpg\n"_s);
    QTRY_COMPARE(summary(panel), u"120 links found · 120 made by patterns"_s);
    panel.submit(Quiver::Intent::Run);
    QTRY_COMPARE(spy.size(), 1);
    const QList<Link> links = emitted(spy);
    QCOMPARE(links.size(), 120);
    QCOMPARE(links.constLast().url.toString(), u"https://host/img120.jpg"_s);
}

// The window's settings reach the box: a pattern past the cap is refused with a sentence that says
// where to raise it, a higher cap lets it through, and a literal [ stays possible per line
// (globbing=off) and for the whole box (patterns off), also for dropped files.
void TestAddLinks::patternCapAndLiteralBracketsFollowTheOptions()
{
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    Quiver::LinkListOptions options;
    options.maxPatternLinks = 100;
    panel.setLinkListOptions(options);
    panel.setText(u"https://host/img[001-120].jpg\n"_s);
    QTRY_COMPARE(summary(panel), u"No links found · 1 line rejected"_s);
    QCOMPARE(problemRows(panel).size(), 1);
    QVERIFY2(problemRows(panel).front().startsWith(
                 u"Line 1: This pattern makes 120 links, more than the 100 one pattern may make. Split it into "
                 "smaller ranges, or raise the limit: “Most links from one pattern” in the window's settings"_s),
             qPrintable(problemRows(panel).front()));
    QVERIFY(!addButtonOf(panel)->isEnabled());

    // Raising the cap checks the text again, without an edit.
    options.maxPatternLinks = 120;
    panel.setLinkListOptions(options);
    QTRY_COMPARE(summary(panel), u"120 links found · 120 made by patterns"_s);

    // One line kept as it is.
    panel.setText(u"https://host/a[1-3].txt\n  globbing=off\nhttps://host/b[1-3].txt\n"_s);
    QTRY_COMPARE(summary(panel), u"4 links found · 3 made by patterns"_s);
    QCOMPARE(panel.current().links.front().url.toString(QUrl::FullyEncoded), u"https://host/a[1-3].txt"_s);

    // Patterns off: every bracket is the character itself.
    options.globbing = false;
    panel.setLinkListOptions(options);
    QTRY_COMPARE(summary(panel), u"2 links found"_s);
    QCOMPARE(panel.current().links.at(1).url.toString(QUrl::FullyEncoded), u"https://host/b[1-3].txt"_s);

    // A dropped file is read the same way.
    QTemporaryDir dir;
    const QString file = writeFile(dir, u"links.txt"_s, "https://host/c{x,y}.txt\n");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    panel.setText(QString());
    panel.readMimeData(&mime);
    QTRY_COMPARE(summary(panel), u"1 link found"_s);
    QCOMPARE(panel.current().links.front().url.toString(QUrl::FullyEncoded), u"https://host/c%7Bx,y%7D.txt"_s);
}

void TestAddLinks::pastedLinksAndBadLines()
{
    AddLinksPanel panel;
    panel.setText(u"https://a.example/1\n"
                  "ftp://b.example/x\n"
                  "https://a.example/2\n"
                  "http://exa mple.org/\n"
                  "https://a.example/1\n"
                  "https://a.example/3\n"_s);
    QTRY_COMPARE(summary(panel), u"3 links found · 2 lines rejected"_s);
    QCOMPARE(problemRows(panel), QStringList({
        u"Line 2: “ftp://b.example/x” is not a web link: only http and https links can be downloaded."_s,
        u"Line 4: “http://exa mple.org/” contains a space. Put each link on its own line, and write a space "
        "inside a link as %20."_s,
    }));
    QVERIFY(!problemsListOf(panel)->isHidden());
    QCOMPARE(urlsOf(panel.current().links),
             QStringList({u"https://a.example/1"_s, u"https://a.example/2"_s, u"https://a.example/3"_s}));

    // A reason that does not quote its line gets the excerpt after a dash.
    panel.setText(u"https://a.example/1\n  checksum=sha-256=abc\n"_s);
    QTRY_COMPARE(summary(panel), u"No links found · 1 line rejected"_s);
    QCOMPARE(problemRows(panel).size(), 1);
    QVERIFY(problemRows(panel).front().startsWith(u"Line 2: This is not a valid SHA-256 checksum"_s));
    QVERIFY(problemRows(panel).front().endsWith(u" — checksum=sha-256=abc"_s));
    QVERIFY(!addButtonOf(panel)->isEnabled());
}

void TestAddLinks::proseLinksAreExtracted()
{
    AddLinksPanel panel;
    panel.setText(u"The image is at https://cdn.example/img/disk.iso, and the notes\n"
                  "(see https://docs.example/notes_(2024).html) are mirrored on http://mirror.example/notes.\n"_s);
    QTRY_COMPARE(summary(panel), u"3 links found"_s);
    QCOMPARE(urlsOf(panel.current().links), QStringList({u"https://cdn.example/img/disk.iso"_s,
                                                         u"https://docs.example/notes_(2024).html"_s,
                                                         u"http://mirror.example/notes"_s}));
    QVERIFY(problemsListOf(panel)->isHidden());
}

void TestAddLinks::emptyBoxSaysNothing()
{
    AddLinksPanel panel;
    QCOMPARE(summary(panel), QString());
    QVERIFY(!addButtonOf(panel)->isEnabled());
    panel.setText(u"just some words"_s);
    QTRY_COMPARE(summary(panel), u"No links found"_s);
    QVERIFY(!addButtonOf(panel)->isEnabled());
}

void TestAddLinks::submitEmitsTheLinks()
{
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://a.example/1\nnews:comp.lang\nhttps://a.example/2\n  out=two.bin\n"_s);
    // No waiting: a pending parse is done on the spot.
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    const QList<Link> links = emitted(spy);
    QCOMPARE(urlsOf(links), QStringList({u"https://a.example/1"_s, u"https://a.example/2"_s}));
    QCOMPARE(links[1].options.fileName, u"two.bin"_s);
    QCOMPARE(links[1].line, 3);
    QCOMPARE(panel.text(), QString());

    // Nothing left: a second click does nothing.
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
}

void TestAddLinks::problemsStayAfterSubmitUntilTheTextChanges()
{
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://a.example/1\nmailto:someone@example.org\nhttps://a.example/2\n"_s);
    QTRY_COMPARE(summary(panel), u"2 links found · 1 line rejected"_s);
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(summary(panel), u"2 links added to the queue · 1 line rejected"_s);
    QCOMPARE(problemRows(panel), QStringList({u"Line 2: “mailto:someone@example.org” is not a web link: only "
                                              "http and https links can be downloaded."_s}));

    QTest::keyClicks(editOf(panel), u"https://a.example/3"_s);
    QTRY_COMPARE(summary(panel), u"1 link found"_s);
    QVERIFY(problemRows(panel).isEmpty());
    QVERIFY(problemsListOf(panel)->isHidden());
}

void TestAddLinks::queuedDuplicatesAreReportedNotEmitted()
{
    AddLinksPanel panel;
    panel.setQueuedCheck([](const QString &identity) { return identity == u"https://a.example/2"_s; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://a.example/1\nhttps://A.example:443/2\nftp://x.example/\nhttps://a.example/3\n"_s);
    QTRY_COMPARE(summary(panel), u"3 links found · 1 line rejected · 1 already in the queue"_s);
    QCOMPARE(problemRows(panel),
             QStringList({u"Line 2: already in the queue"_s,
                          u"Line 3: “ftp://x.example/” is not a web link: only http and https links can be "
                          "downloaded."_s}));
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(urlsOf(emitted(spy)), QStringList({u"https://a.example/1"_s, u"https://a.example/3"_s}));
    QCOMPARE(summary(panel), u"2 links added to the queue · 1 line rejected · 1 already in the queue"_s);
}

void TestAddLinks::allQueuedDisablesAdd()
{
    AddLinksPanel panel;
    panel.setQueuedCheck([](const QString &) { return true; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://a.example/1\nhttps://a.example/2\n"_s);
    QTRY_COMPARE(summary(panel), u"2 links found · 2 already in the queue"_s);
    QVERIFY(!addButtonOf(panel)->isEnabled());
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(panel.text(), u"https://a.example/1\nhttps://a.example/2\n"_s);
}

void TestAddLinks::largeAddAsksFirst()
{
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    QList<int> asked;
    bool answer = false;
    panel.setConfirmLargeAdd([&](int count) {
        asked.append(count);
        return answer;
    });

    panel.setText(numberedLinks(1000));
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(asked, QList<int>());   // exactly the limit: no question
    QCOMPARE(spy.count(), 1);

    panel.setText(numberedLinks(1001));
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(asked, QList<int>({1001}));
    QCOMPARE(spy.count(), 1);        // declined: nothing emitted, the text stays
    QCOMPARE(panel.text(), numberedLinks(1001));

    answer = true;
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(asked, QList<int>({1001, 1001}));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(emitted(spy, 1).size(), 1001);
    QCOMPARE(panel.text(), QString());
}

void TestAddLinks::ctrlReturnSubmits()
{
    AddLinksPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    QPlainTextEdit *edit = editOf(panel);
    edit->setFocus();
    QTest::keyClicks(edit, u"https://a.example/1"_s);
    QTest::keyClick(edit, Qt::Key_Return);   // a plain Return is a new line
    QCOMPARE(spy.count(), 0);
    QCOMPARE(panel.text(), u"https://a.example/1\n"_s);
    QTest::keyClicks(edit, u"https://a.example/2"_s);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(urlsOf(emitted(spy)), QStringList({u"https://a.example/1"_s, u"https://a.example/2"_s}));
    QCOMPARE(panel.text(), QString());

    // The keypad's Enter does the same.
    QTest::keyClicks(edit, u"https://a.example/3"_s);
    QTest::keyClick(edit, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(spy.count(), 2);
    // Ctrl+Return is the Download button: the links are to start at once.
    QCOMPARE(spy.at(0).at(2).value<Quiver::Intent>(), Quiver::Intent::Run);
    QCOMPARE(spy.at(1).at(2).value<Quiver::Intent>(), Quiver::Intent::Run);
}

// Issue 8: the obvious button downloads; adding without starting stays possible.
void TestAddLinks::downloadStartsAddPausedWaits()
{
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    QSignalSpy waiting(&panel, &AddLinksPanel::newLinksChanged);
    auto *download = panel.findChild<QPushButton *>(u"downloadButton"_s);
    auto *addPaused = panel.findChild<QPushButton *>(u"addPausedButton"_s);
    QCOMPARE(download->text(), u"Download"_s);
    QCOMPARE(addPaused->text(), u"Add Paused"_s);
    QVERIFY(download->isDefault());
    QVERIFY(!download->isEnabled() && !addPaused->isEnabled());
    QVERIFY(panel.isEmpty());

    panel.setText(u"https://a.example/1"_s);
    QVERIFY(!panel.isEmpty());
    QTRY_VERIFY(download->isEnabled() && addPaused->isEnabled());
    QVERIFY(panel.hasNewLinks());
    QCOMPARE(waiting.count(), 1);
    addPaused->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(2).value<Quiver::Intent>(), Quiver::Intent::Pause);
    QVERIFY(!panel.hasNewLinks());
    QCOMPARE(waiting.count(), 2);

    panel.setText(u"https://a.example/2"_s);
    QTRY_VERIFY(download->isEnabled());
    download->click();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(urlsOf(emitted(spy, 1)), QStringList({u"https://a.example/2"_s}));
    QCOMPARE(spy.at(1).at(2).value<Quiver::Intent>(), Quiver::Intent::Run);
}

// Issue 8: the box took Ctrl+Shift+Return as its own Ctrl+Return, so the window's Start All never saw it.
void TestAddLinks::ctrlShiftReturnIsLeftToTheWindow()
{
    AddLinksPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    QPlainTextEdit *edit = editOf(panel);
    edit->setFocus();
    QTest::keyClicks(edit, u"https://a.example/1"_s);
    // As Qt asks before a shortcut may take a key: not accepted, the window's shortcut gets it.
    QKeyEvent override(QEvent::ShortcutOverride, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    override.ignore();
    QCoreApplication::sendEvent(edit, &override);
    QVERIFY(!override.isAccepted());   // free for a shortcut
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(spy.count(), 0);
}

void TestAddLinks::clearEmptiesEverything()
{
    AddLinksPanel panel;
    panel.setText(u"https://a.example/1\nftp://b.example/\n"_s);
    QTRY_COMPARE(summary(panel), u"1 link found · 1 line rejected"_s);
    auto *clear = panel.findChild<QPushButton *>(u"clearButton"_s);
    QVERIFY(clear->isEnabled());
    clear->click();
    QCOMPARE(panel.text(), QString());
    QCOMPARE(summary(panel), QString());
    QVERIFY(problemRows(panel).isEmpty());
    QVERIFY(!clear->isEnabled());
    QVERIFY(!addButtonOf(panel)->isEnabled());
}

void TestAddLinks::mimeText()
{
    QMimeData mime;
    mime.setText(u"Get it from https://example.org/file.tar.gz today."_s);
    QVERIFY(Quiver::canAcceptLinks(&mime));
    const ParsedLinks parsed = Quiver::linksFromMimeData(&mime);
    QCOMPARE(urlsOf(parsed.links), QStringList({u"https://example.org/file.tar.gz"_s}));
    QVERIFY(parsed.problems.isEmpty());

    mime.setText(u"https://example.org/a\nftp://example.org/b\n"_s);
    const ParsedLinks list = Quiver::linksFromMimeData(&mime);
    QCOMPARE(list.links.size(), 1);
    QCOMPARE(list.problems.size(), 1);
    QCOMPARE(list.problems[0].line, 2);
    QVERIFY2(list.problems[0].reason.startsWith(u"Dropped text, line 2: "_s), qPrintable(list.problems[0].reason));

    QVERIFY(!Quiver::canAcceptLinks(nullptr));
    QMimeData image;
    image.setData(u"image/png"_s, "\x89PNG"_ba);
    QVERIFY(!Quiver::canAcceptLinks(&image));
}

void TestAddLinks::mimeHttpUrls()
{
    const auto mime = mimeWithUrls({QUrl(u"https://example.org/a.iso#top"_s), QUrl(u"ftp://example.org/b"_s),
                                    QUrl(u"HTTP://Example.org:80/c"_s), QUrl(u"https://example.org/a.iso"_s)});
    QVERIFY(Quiver::canAcceptLinks(mime.get()));
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QCOMPARE(urlsOf(parsed.links), QStringList({u"https://example.org/a.iso"_s, u"http://example.org/c"_s}));
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems[0].kind, ProblemKind::RefusedScheme);
    QCOMPARE(parsed.problems[0].line, 2);
    QCOMPARE(parsed.duplicateLines, QList<int>({4}));
    QCOMPARE(Quiver::describeDrop(mime.get()), u"4 dropped links"_s);
}

void TestAddLinks::mimeLocalFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto mime = mimeWithFiles({writeFile(dir, u"list.txt"_s, kListFile)});
    QVERIFY(Quiver::canAcceptLinks(mime.get()));
    QCOMPARE(Quiver::describeDrop(mime.get()), u"“list.txt”"_s);
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QCOMPARE(urlsOf(parsed.links), QStringList({u"https://a.example/one.iso"_s, u"https://a.example/three.iso"_s}));
    QCOMPARE(parsed.links[0].line, 1);
    QCOMPARE(parsed.links[1].line, 4);
    QCOMPARE(parsed.links[1].options.fileName, u"third.iso"_s);
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems[0].line, 2);
    QCOMPARE(parsed.problems[0].kind, ProblemKind::RefusedScheme);
    QCOMPARE(parsed.problems[0].excerpt, u"ftp://b.example/two.iso"_s);
    QCOMPARE(parsed.problems[0].reason, u"list.txt, line 2: “ftp://b.example/two.iso” is not a web link: only "
                                        "http and https links can be downloaded."_s);

    // A file and a dragged link together.
    const auto mixed = mimeWithUrls({QUrl::fromLocalFile(dir.filePath(u"list.txt"_s)), QUrl(u"https://b.example/x"_s)});
    QCOMPARE(urlsOf(Quiver::linksFromMimeData(mixed.get()).links),
             QStringList({u"https://a.example/one.iso"_s, u"https://a.example/three.iso"_s, u"https://b.example/x"_s}));
}

void TestAddLinks::mimeBinaryFile()
{
    QTemporaryDir dir;
    QByteArray bytes;
    for (int i = 0; i < 4096; ++i)
        bytes.append(char(i % 7 == 0 ? 0 : i % 251));
    const auto mime = mimeWithFiles({writeFile(dir, u"photo.jpg"_s, bytes)});
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QVERIFY(parsed.links.isEmpty());
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems[0].line, 0);
    QCOMPARE(parsed.problems[0].kind, ProblemKind::BinaryInput);
    QCOMPARE(parsed.problems[0].reason, u"“photo.jpg” looks like a binary file, not a list of links."_s);
}

void TestAddLinks::mimeFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"downloads"_s));
    const auto mime = mimeWithFiles({dir.filePath(u"downloads"_s), dir.filePath(u"missing.txt"_s)});
    QCOMPARE(Quiver::describeDrop(mime.get()), u"2 files"_s);
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QVERIFY(parsed.links.isEmpty());
    QCOMPARE(parsed.problems.size(), 2);
    QCOMPARE(parsed.problems[0].reason, u"“downloads” is a folder, not a list of links."_s);
    QCOMPARE(parsed.problems[1].reason, u"“missing.txt” could not be read: the file does not exist."_s);
}

void TestAddLinks::mimeOversizedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Sparse: no 64 MiB are written.
    QVERIFY(file.resize(Quiver::kMaxLinksFileSize + 1));
    file.close();
    const auto mime = mimeWithFiles({path});
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QVERIFY(parsed.links.isEmpty());
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems[0].line, 0);
    QCOMPARE(parsed.problems[0].reason, u"“huge.txt” is too large to be a list of links (over 64 MiB)."_s);
}

void TestAddLinks::mimeOverlappingFiles()
{
    QTemporaryDir dir;
    const QString first = writeFile(dir, u"first.txt"_s,
                                    "https://a.example/1\nhttps://a.example/2\n  checksum=sha-256="_ba
                                        + kHexDigest.toLatin1() + "\n"_ba);
    const QString second = writeFile(dir, u"second.txt"_s,
                                     "https://a.example/3\nhttps://a.example/2\n  out=two.bin\n  checksum=sha-256="_ba
                                         + kOtherDigest.toLatin1() + "\nhttps://a.example/1\n"_ba);
    const auto mime = mimeWithFiles({first, second});
    const ParsedLinks parsed = Quiver::linksFromMimeData(mime.get());
    QCOMPARE(urlsOf(parsed.links),
             QStringList({u"https://a.example/1"_s, u"https://a.example/2"_s, u"https://a.example/3"_s}));
    // The duplicate brought a name the first lacked, and a different checksum, which loses.
    QCOMPARE(parsed.links[1].options.fileName, u"two.bin"_s);
    QCOMPARE(parsed.links[1].options.sha256, QByteArray::fromHex(kHexDigest.toLatin1()));
    QCOMPARE(parsed.duplicateLines, QList<int>({2, 5}));
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems[0].kind, ProblemKind::ConflictingOption);
    QCOMPARE(parsed.problems[0].line, 2);
    QCOMPARE(parsed.problems[0].reason, u"second.txt, line 2: This link is also on line 2 of first.txt with a "
                                        "different “checksum”; that one is used."_s);
}

void TestAddLinks::mimeAsyncOutlivesTheMimeData()
{
    QTemporaryDir dir;
    auto mime = mimeWithFiles({writeFile(dir, u"list.txt"_s, kListFile)});
    QFuture<ParsedLinks> future = Quiver::linksFromMimeDataAsync(mime.get());
    mime.reset();   // a drop's data dies with the drop
    QFutureWatcher<ParsedLinks> watcher;
    watcher.setFuture(future);
    QTRY_VERIFY(watcher.isFinished());
    QCOMPARE(future.result().links.size(), 2);
    QCOMPARE(future.result().problems.size(), 1);
}

void TestAddLinks::dropOnThePanel()
{
    QTemporaryDir dir;
    AddLinksPanel panel;
    panel.resize(600, 300);
    QVERIFY(panel.acceptDrops());
    const auto mime = mimeWithFiles({writeFile(dir, u"list.txt"_s, kListFile)});
    QVERIFY(dropOn(&panel, mime.get()));
    // The file is read off the GUI thread; the result can only arrive through the event loop.
    QCOMPARE(summary(panel), u"Reading “list.txt”…"_s);
    QTRY_COMPARE(summary(panel), u"2 links found · 1 line rejected"_s);
    QCOMPARE(panel.text(), u"https://a.example/one.iso\nhttps://a.example/three.iso\n  out=third.iso\n"_s);
    QCOMPARE(problemRows(panel), QStringList({u"list.txt, line 2: “ftp://b.example/two.iso” is not a web link: "
                                              "only http and https links can be downloaded."_s}));

    // Editing the text keeps the file's problems: they are not lines of the box.
    QTest::keyClicks(editOf(panel), u"https://c.example/"_s);
    QTRY_COMPARE(summary(panel), u"3 links found · 1 line rejected"_s);
    QCOMPARE(problemRows(panel).size(), 1);

    // A second drop of the same file only repeats its links, which merge.
    QVERIFY(dropOn(&panel, mime.get()));
    QTRY_COMPARE(summary(panel), u"3 links found · 2 lines rejected"_s);
}

void TestAddLinks::dropOfABinaryFile()
{
    QTemporaryDir dir;
    AddLinksPanel panel;
    QByteArray bytes(2048, '\0');
    for (int i = 0; i < bytes.size(); i += 3)
        bytes[i] = 'x';
    const auto mime = mimeWithFiles({writeFile(dir, u"archive.zip"_s, bytes), writeFile(dir, u"empty.txt"_s, "\n")});
    QVERIFY(dropOn(&panel, mime.get()));
    QCOMPARE(summary(panel), u"Reading 2 files…"_s);
    QTRY_COMPARE(summary(panel), u"No links found · 1 file not read"_s);
    QCOMPARE(problemRows(panel), QStringList({u"“archive.zip” looks like a binary file, not a list of links."_s}));
    QCOMPARE(panel.text(), QString());

    // A drop with nothing in it says so.
    const auto empty = mimeWithFiles({dir.filePath(u"empty.txt"_s)});
    QVERIFY(dropOn(&panel, empty.get()));
    QTRY_COMPARE(problemRows(panel).size(), 2);
    QCOMPARE(problemRows(panel).front(), u"No links found in “empty.txt”."_s);
}

void TestAddLinks::dropWithChecksumsOnProse()
{
    QTemporaryDir dir;
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"Mirror: see https://m.example/a.iso for details."_s);
    const auto mime = mimeWithFiles({writeFile(dir, u"sums.txt"_s,
                                               "https://b.example/b.iso\n  checksum=sha-256="_ba
                                                   + kHexDigest.toLatin1() + "\n"_ba)});
    QVERIFY(dropOn(&panel, mime.get()));
    QTRY_COMPARE(summary(panel), u"2 links found"_s);
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    const QList<Link> links = emitted(spy);
    QCOMPARE(urlsOf(links), QStringList({u"https://m.example/a.iso"_s, u"https://b.example/b.iso"_s}));
    // Appended to prose, the option line would have been read as prose and the checksum lost.
    QCOMPARE(links[1].options.sha256, QByteArray::fromHex(kHexDigest.toLatin1()));
}

void TestAddLinks::appendParsedRoundTripsOptions()
{
    AddLinksPanel panel;
    panel.setText(u"https://a.example/first"_s);
    ParsedLinks parsed;
    Link link;
    link.url = QUrl(u"https://b.example/p%20q?x=%7C"_s);
    link.line = 9;
    link.options.fileName = u"name one.bin"_s;
    link.options.directory = u"sub/dir"_s;
    link.options.sha256 = QByteArray::fromHex(kHexDigest.toLatin1());
    parsed.links.append(link);
    panel.appendParsed(parsed, u"“x.txt”"_s);
    const ParsedLinks now = panel.current();
    QCOMPARE(now.links.size(), 2);
    QCOMPARE(now.links[1].url, link.url);
    QCOMPARE(now.links[1].line, 2);
    QCOMPARE(now.links[1].options.fileName, link.options.fileName);
    QCOMPARE(now.links[1].options.directory, link.options.directory);
    QCOMPARE(now.links[1].options.sha256, link.options.sha256);
    QVERIFY(now.problems.isEmpty());
}

void TestAddLinks::bigDropIsKeptBesideTheText()
{
    QTemporaryDir dir;
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    panel.setQueuedCheck([](const QString &identity) { return identity == u"https://files.example/batch/000002.bin"_s; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    const QString typed = u"https://typed.example/a\nhttps://files.example/batch/000001.bin\n"_s;
    panel.setText(typed);
    const QByteArray bytes = numberedLinks(12'000).toUtf8() + "ftp://x.example/\n"_ba;
    const auto mime = mimeWithFiles({writeFile(dir, u"big.txt"_s, bytes)});
    QVERIFY(dropOn(&panel, mime.get()));
    const QLocale locale;
    // The link both typed and dropped counts once.
    QTRY_COMPARE(summary(panel), u"%1 links found · 1 line rejected · 1 already in the queue"_s.arg(locale.toString(12'001)));
    QCOMPARE(panel.text(), typed);   // 12,000 lines would take the text box too long to lay out
    QCOMPARE(problemRows(panel), QStringList({
        u"%1 links from “big.txt” are ready to add; there are too many to show them in the box."_s.arg(locale.toString(12'000)),
        u"big.txt, line 12001: “ftp://x.example/” is not a web link: only http and https links can be downloaded."_s,
    }));
    QCOMPARE(panel.current().links.size(), 12'001);

    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    const QList<Link> links = emitted(spy);
    QCOMPARE(links.size(), 12'000);
    QCOMPARE(links[0].url.toString(), u"https://typed.example/a"_s);
    QCOMPARE(links[1].url.toString(), u"https://files.example/batch/000001.bin"_s);
    QCOMPARE(links[2].url.toString(), u"https://files.example/batch/000003.bin"_s);
    QCOMPARE(summary(panel),
             u"%1 links added to the queue · 1 line rejected · 1 already in the queue"_s.arg(locale.toString(12'000)));
    QCOMPARE(panel.current().links.size(), 0);
}

void TestAddLinks::hundredThousandLinks()
{
    constexpr int kCount = 100'000;
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    const QString text = numberedLinks(kCount);
    QVERIFY(text.size() > 1'000'000);   // big enough to be parsed off the GUI thread
    panel.setText(text);
    panel.submit(Quiver::Intent::Pause);
    // The parse runs on the thread pool, so nothing can have been submitted yet.
    QCOMPARE(spy.count(), 0);
    QCOMPARE(summary(panel), u"Checking links…"_s);
    QVERIFY(!addButtonOf(panel)->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60'000);
    QCOMPARE(emitted(spy).size(), kCount);
    QCOMPARE(emitted(spy).back().url.toString(), u"https://files.example/batch/100000.bin"_s);
    QCOMPARE(summary(panel), u"%1 links added to the queue"_s.arg(QLocale().toString(kCount)));

    // Pasting them again finds them all, and reports them all as queued once they are.
    panel.setQueuedCheck([](const QString &) { return true; });
    panel.setText(text);
    const QString expected = u"%1 links found · %1 already in the queue"_s.arg(QLocale().toString(kCount));
    QTRY_COMPARE_WITH_TIMEOUT(summary(panel), expected, 60'000);
    // Only the first rows are listed; the last says how many more.
    QCOMPARE(problemsListOf(panel)->count(), 1001);
    QCOMPARE(problemRows(panel).back(), u"… and %1 more"_s.arg(QLocale().toString(kCount - 1000)));
}

QTEST_MAIN(TestAddLinks)
#include "tst_addlinks.moc"
