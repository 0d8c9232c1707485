#include "links/checksumlist.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Quiver::ChecksumList;

namespace {

const QByteArray kSha256 = QByteArray(64, 'a');
const QByteArray kSha512 = QByteArray(128, 'b');
const QByteArray kSha1 = QByteArray(40, 'c');

QByteArray digestOf(const ChecksumList &list, const QString &name)
{
    const std::optional<Quiver::ExpectedDigest> found = list.find(name);
    return found ? found->digest.toHex() : QByteArray();
}

} // namespace

class TestChecksumList final : public QObject
{
    Q_OBJECT

private slots:
    void gnuFormats()
    {
        const ChecksumList list = ChecksumList::parse(
            "# made by sha256sum\r\n" + kSha256 + "  debian.iso\r\n" + kSha512 + " *big file.img\n" + kSha1
                + "  old.tar\n\n\\" + kSha256.toUpper().replace('A', 'D') + "  back\\\\slash\\nline\n",
            u"SUMS"_s);
        QVERIFY2(list.problems().isEmpty(), qPrintable(list.problems().value(0).reason));
        QCOMPARE(list.size(), 4);
        QCOMPARE(digestOf(list, u"debian.iso"_s), kSha256);
        QCOMPARE(list.find(u"debian.iso"_s)->algorithm, QCryptographicHash::Sha256);
        QCOMPARE(list.find(u"debian.iso"_s)->source, u"SUMS"_s);
        QCOMPARE(digestOf(list, u"big file.img"_s), kSha512);
        QCOMPARE(list.find(u"big file.img"_s)->algorithm, QCryptographicHash::Sha512);
        QCOMPARE(list.find(u"old.tar"_s)->algorithm, QCryptographicHash::Sha1);
        QCOMPARE(digestOf(list, u"back\\slash\nline"_s), QByteArray(64, 'd'));
        QVERIFY(!list.find(u"other.iso"_s));
    }

    void bsdFormat()
    {
        const ChecksumList list = ChecksumList::parse(
            "SHA256 (a.iso) = " + kSha256 + "\nSHA512 (b (1).img) = " + kSha512 + "\nSHA1 (c) = " + kSha1 + "\n", u"x"_s);
        QVERIFY(list.problems().isEmpty());
        QCOMPARE(digestOf(list, u"a.iso"_s), kSha256);
        QCOMPARE(digestOf(list, u"b (1).img"_s), kSha512);
        QCOMPARE(list.find(u"c"_s)->algorithm, QCryptographicHash::Sha1);
    }

    // A download is matched by its own name: a listed path counts by its last part.
    void pathsMatchByLastPart()
    {
        const ChecksumList list = ChecksumList::parse(kSha256 + "  ./dvd/amd64/x.iso\n", u"x"_s);
        QCOMPARE(digestOf(list, u"x.iso"_s), kSha256);
        QVERIFY(!list.find(u"dvd/amd64/x.iso"_s));
    }

    void problemsHaveLineNumbers()
    {
        const ChecksumList list = ChecksumList::parse("d41d8cd98f00b204e9800998ecf8427e  md5.txt\n"
                                                      "not a checksum\n"
                                                      + kSha256 + " x\n"   // one space: neither text nor binary mode
                                                      "MD5 (f) = d41d8cd98f00b204e9800998ecf8427e\n"
                                                      "SHA256 (g) = abc\n"
                                                      + kSha256 + "  good\n",
                                                      u"x"_s);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.problems().size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(list.problems().at(i).line, i + 1);
        QVERIFY(list.problems().at(0).reason.contains(u"MD5"_s));
        QVERIFY(list.problems().at(3).reason.contains(u"MD5"_s));
    }

    void sameNameTwiceWithDifferentDigestsIsRefused()
    {
        const ChecksumList list = ChecksumList::parse(kSha256 + "  a/f.iso\n" + kSha256 + "  f.iso\n"
                                                      + QByteArray(64, 'e') + "  b/f.iso\n" + kSha256 + "  f.iso\n",
                                                      u"x"_s);
        QVERIFY(!list.find(u"f.iso"_s));
        QCOMPARE(list.problems().size(), 1);
        QCOMPARE(list.problems().at(0).line, 3);

        ChecksumList merged = ChecksumList::parse(kSha256 + "  g\n" + kSha256 + "  h\n", u"one"_s);
        merged.merge(ChecksumList::parse(QByteArray(64, 'f') + "  g\n" + kSha1 + "  i\n", u"two"_s));
        QVERIFY(!merged.find(u"g"_s));
        QCOMPARE(digestOf(merged, u"h"_s), kSha256);
        QCOMPARE(merged.find(u"i"_s)->source, u"two"_s);
    }

    void notAList()
    {
        QCOMPARE(ChecksumList::parse(QByteArray("\x7f" "ELF\0\0\0", 7), u"x"_s).problems().size(), 1);
        const ChecksumList empty = ChecksumList::parse("# nothing\n", u"SUMS"_s);
        QCOMPARE(empty.problems().size(), 1);
        QVERIFY(empty.problems().at(0).reason.contains(u"lists no checksums"_s));
        QByteArray many;
        for (int i = 0; i < 500; ++i)
            many += "junk\n";
        const ChecksumList junk = ChecksumList::parse(many, u"x"_s, 100);
        QCOMPARE(junk.problems().size(), 100);
        QCOMPARE(junk.unlistedProblems(), 400);
    }
};

QTEST_GUILESS_MAIN(TestChecksumList)
#include "tst_checksumlist.moc"
