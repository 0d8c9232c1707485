#include "links/linksparser.h"
#include "queue/linksexport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Quiver::DownloadItem;

namespace {

DownloadItem item(const QString &url, const QString &directory, const QString &fileName = {})
{
    DownloadItem it;
    it.url = QUrl(url);
    it.directory = directory;
    it.fileName = fileName;
    return it;
}

} // namespace

class TestLinksExport final : public QObject
{
    Q_OBJECT

private slots:
    void readsBackAsTheSameDownloads()
    {
        QList<DownloadItem> items{item(u"https://h.example/a.iso"_s, u"/data"_s, u"a.iso"_s),
                                  item(u"https://h.example/b?x=1"_s, u"/data/music/live"_s, u"Song (1).ogg"_s),
                                  item(u"http://[::1]:8080/p[1].txt"_s, u"/data/x"_s),
                                  item(u"https://user:secret@h.example/c"_s, u"/data"_s, u"c"_s)};
        items[0].sha256 = QByteArray(32, '\x11');
        const QString text = Quiver::linksFileFor(items, u"/data"_s);
        QVERIFY(!text.contains(u"secret"_s));
        const Quiver::ParsedLinks parsed = Quiver::parseLinkList(text);
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.value(0).reason));
        QCOMPARE(parsed.links.size(), 4);
        QCOMPARE(parsed.links.at(0).url.toString(), u"https://h.example/a.iso"_s);
        QCOMPARE(parsed.links.at(0).options.fileName, u"a.iso"_s);
        QVERIFY(parsed.links.at(0).options.directory.isEmpty());
        QCOMPARE(parsed.links.at(0).options.sha256, QByteArray(32, '\x11'));
        QCOMPARE(parsed.links.at(1).options.fileName, u"Song (1).ogg"_s);
        QCOMPARE(parsed.links.at(1).options.directory, u"music/live"_s);
        // Brackets in the path are not read back as a pattern; the IPv6 host keeps its own.
        QCOMPARE(parsed.links.at(2).url.toString(QUrl::FullyEncoded), u"http://[::1]:8080/p%5B1%5D.txt"_s);
        QCOMPARE(parsed.links.at(2).options.directory, u"x"_s);
        QVERIFY(parsed.links.at(2).options.fileName.isEmpty());
        QCOMPARE(parsed.links.at(3).url.toString(), u"https://h.example/c"_s);
    }

    void folderOutsideTheBaseBecomesAComment()
    {
        const QString text = Quiver::linksFileFor({item(u"https://h.example/a"_s, u"/elsewhere/x"_s, u"a"_s)}, u"/data"_s);
        QCOMPARE(text, u"# saved in /elsewhere/x\nhttps://h.example/a\n  out=a\n"_s);
        QVERIFY(Quiver::parseLinkList(text).problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLinksExport)
#include "tst_linksexport.moc"
