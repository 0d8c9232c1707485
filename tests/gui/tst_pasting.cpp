// Pasting into the add-links panel: a paste too big for the text box is read like a dropped file, Add
// waits for what is still being read, and the links go out with their identities.

#include "addlinkssupport.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>
#include <QTest>

using namespace AddLinksSupport;

class TestPasting final : public QObject
{
    Q_OBJECT

private slots:
    void bigPasteIsReadBesideTheText();
    void ctrlVOfABigTextIsNotLaidOut();
    void smallPasteGoesToTheEnd();
    void addWhileADropIsReadWaitsForIt();
    void submittedLinksComeWithTheirIdentities();
};

void TestPasting::bigPasteIsReadBesideTheText()
{
    constexpr int kCount = 100'000;
    constexpr int kBadLine = 54'321;
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    panel.setQueuedCheck([](const QString &identity) { return identity == u"https://files.example/batch/000007.bin"_s; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    const QString typed = u"https://typed.example/a\n"_s;
    panel.setText(typed);
    QStringList lines = numberedLinks(kCount).split(u'\n');
    lines[kBadLine - 1] = u"ftp://x.example/"_s;
    panel.paste(lines.join(u'\n'));
    // Not laid out as text: read off the GUI thread, like a dropped file.
    QCOMPARE(panel.text(), typed);
    QCOMPARE(summary(panel), u"Reading the pasted text…"_s);
    const QLocale locale;
    QTRY_COMPARE_WITH_TIMEOUT(summary(panel),
                              u"%1 links found · 1 line rejected · 1 already in the queue"_s.arg(locale.toString(kCount)),
                              60'000);
    QCOMPARE(panel.text(), typed);
    // The bad line is named by its number in the paste.
    QCOMPARE(problemRows(panel), QStringList({
        u"%1 links from the pasted text are ready to add; there are too many to show them in the box."_s
            .arg(locale.toString(kCount - 1)),
        u"Pasted text, line %1: “ftp://x.example/” is not a web link: only http and https links can be downloaded."_s
            .arg(kBadLine),
    }));

    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    const QList<Link> links = emitted(spy);
    QCOMPARE(links.size(), kCount - 1);   // the typed one, and all pasted ones but the bad and the queued
    QCOMPARE(links[0].url.toString(), u"https://typed.example/a"_s);
    QCOMPARE(links[1].url.toString(), u"https://files.example/batch/000001.bin"_s);
    QCOMPARE(links.back().url.toString(), u"https://files.example/batch/100000.bin"_s);
    QCOMPARE(summary(panel), u"%1 links added to the queue · 1 line rejected · 1 already in the queue"_s
                                 .arg(locale.toString(kCount - 1)));
}

void TestPasting::ctrlVOfABigTextIsNotLaidOut()
{
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    QPlainTextEdit *edit = editOf(panel);
    const QLocale locale;
    QGuiApplication::clipboard()->setText(u"mailto:someone@example.org\n"_s + numberedLinks(10'001));
    edit->paste();   // what Ctrl+V and the context menu's Paste do
    QCOMPARE(panel.text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(summary(panel), u"%1 links found · 1 line rejected"_s.arg(locale.toString(10'001)), 60'000);
    QCOMPARE(panel.text(), QString());
    QVERIFY(problemRows(panel).contains(u"Pasted text, line 1: “mailto:someone@example.org” is not a web link: only "
                                        "http and https links can be downloaded."_s));

    // A paste that fits is text like any other, at the cursor.
    QGuiApplication::clipboard()->setText(u"https://small.example/1"_s);
    edit->paste();
    QCOMPARE(panel.text(), u"https://small.example/1"_s);
    QTRY_COMPARE(summary(panel), u"%1 links found · 1 line rejected"_s.arg(locale.toString(10'002)));
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(emitted(spy).size(), 10'002);
}

void TestPasting::smallPasteGoesToTheEnd()
{
    AddLinksPanel panel;
    panel.paste(u"https://a.example/1"_s);
    QCOMPARE(panel.text(), u"https://a.example/1"_s);
    panel.paste(u"https://a.example/2"_s);
    QCOMPARE(panel.text(), u"https://a.example/1\nhttps://a.example/2"_s);
    QTRY_COMPARE(summary(panel), u"2 links found"_s);
}

void TestPasting::addWhileADropIsReadWaitsForIt()
{
    QTemporaryDir dir;
    AddLinksPanel panel;
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://typed.example/a\n"_s);
    const auto mime = mimeWithFiles({writeFile(dir, u"list.txt"_s, kListFile)});
    panel.readMimeData(mime.get());
    // Add is clicked while the file is still being read: the links go once it has been.
    panel.submit(Quiver::Intent::Pause);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(summary(panel), u"Reading “list.txt”…"_s);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(urlsOf(emitted(spy)), QStringList({u"https://typed.example/a"_s, u"https://a.example/one.iso"_s,
                                               u"https://a.example/three.iso"_s}));
    QCOMPARE(summary(panel), u"3 links added to the queue · 1 line rejected"_s);

    // Editing the text meanwhile takes the click back.
    panel.readMimeData(mime.get());
    panel.submit(Quiver::Intent::Pause);
    QTest::keyClicks(editOf(panel), u"https://typed.example/b"_s);
    QTRY_COMPARE(summary(panel), u"3 links found · 1 line rejected"_s);
    QCOMPARE(spy.count(), 1);
}

void TestPasting::submittedLinksComeWithTheirIdentities()
{
    AddLinksPanel panel;
    panel.setConfirmLargeAdd([](int) { return true; });
    QSignalSpy spy(&panel, &AddLinksPanel::linksSubmitted);
    panel.setText(u"https://A.example:443/x\nhttps://b.example/y#part\n"_s);
    panel.paste(numberedLinks(12'000));
    panel.submit(Quiver::Intent::Pause);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60'000);
    const QList<Link> links = emitted(spy);
    const QStringList identities = spy.at(0).at(1).toStringList();
    QCOMPARE(links.size(), 12'002);
    QCOMPARE(identities.size(), links.size());
    for (qsizetype i = 0; i < links.size(); ++i)
        QCOMPARE(identities[i], Quiver::linkIdentity(links[i].url));
    QCOMPARE(identities.first(), u"https://a.example/x"_s);
}

QTEST_MAIN(TestPasting)
#include "tst_pasting.moc"
