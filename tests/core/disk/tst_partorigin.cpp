// Where a .part came from, on the file itself: what is recorded, read back and kept on the finished file,
// in as few system calls as that takes (one attribute for the validators and the total), and the older
// form of the record (three attributes) still continued and never left on a finished file.

#include "disk/partfile.h"
#include "disk/partorigin.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/xattr.h>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

// The names of the user attributes on path, sorted.
QList<QByteArray> attributeNames(const QString &path)
{
    QByteArray list(4096, '\0');
    const ssize_t size = ::llistxattr(native(path).constData(), list.data(), size_t(list.size()));
    if (size <= 0)
        return {};
    list.truncate(size - 1);   // the last name ends with a NUL too
    QList<QByteArray> names = list.split('\0');
    std::sort(names.begin(), names.end());
    return names;
}

void setAttribute(const QString &path, const char *name, const QByteArray &value)
{
    QVERIFY(::lsetxattr(native(path).constData(), name, value.constData(), size_t(value.size()), 0) == 0);
}

PartOrigin sampleOrigin()
{
    PartOrigin origin;
    origin.url = QUrl(u"http://example.test/files/a.bin?x=1"_s);
    origin.etag = "\"abc-123\"";
    origin.lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
    origin.total = 65536;
    return origin;
}
} // namespace

class TestPartOrigin : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // The test's folder must keep user attributes (tmpfs before Linux 6.6 does not).
        const QString probe = m_dir.filePath(u"probe"_s);
        QFile file(probe);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        if (::lsetxattr(native(probe).constData(), "user.quiver.probe", "1", 1, 0) != 0)
            QSKIP("the test folder keeps no extended attributes");
        QFile::remove(probe);
    }

    void recordsAndReadsBackEverything()
    {
        const QString part = m_dir.filePath(u"a.bin.part"_s);
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, 0, sampleOrigin()));
        // One attribute for the link (freedesktop's, read by other tools) and one for the rest.
        QCOMPARE(attributeNames(part), (QList<QByteArray>{"user.quiver.origin", "user.xdg.origin.url"}));
        const std::optional<PartOrigin> read = PartOrigin::readFrom(part);
        QVERIFY(read);
        QCOMPARE(read->url, sampleOrigin().url);
        QCOMPARE(read->etag, sampleOrigin().etag);
        QCOMPARE(read->lastModified, sampleOrigin().lastModified);
        QCOMPARE(read->total, sampleOrigin().total);
    }

    void unknownValuesReadBackAsUnknown()
    {
        const QString part = m_dir.filePath(u"b.bin.part"_s);
        PartOrigin origin;
        origin.url = QUrl(u"http://example.test/b.bin"_s);
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, 0, origin));
        const std::optional<PartOrigin> read = PartOrigin::readFrom(part);
        QVERIFY(read);
        QVERIFY(read->etag.isEmpty());
        QVERIFY(read->lastModified.isEmpty());
        QCOMPARE(read->total, -1);
    }

    // A value no answer's head would keep (a line break) is left out, and does not shift the others.
    void unstorableValueIsLeftOut()
    {
        const QString part = m_dir.filePath(u"h.bin.part"_s);
        PartOrigin origin = sampleOrigin();
        origin.etag = "\"a\nb\"";
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, 0, origin));
        const std::optional<PartOrigin> read = PartOrigin::readFrom(part);
        QVERIFY(read);
        QVERIFY(read->etag.isEmpty());
        QCOMPARE(read->lastModified, sampleOrigin().lastModified);
        QCOMPARE(read->total, sampleOrigin().total);
    }

    // A .part opened again (a resume, a fresh start of the same name) gets the new record whole: an ETag
    // the server no longer sends must not survive from the old one.
    void reopeningReplacesTheRecord()
    {
        const QString part = m_dir.filePath(u"c.bin.part"_s);
        {
            PartFile file;
            const ThreadTurn::Scope turn(file.turn());
            QVERIFY(file.open(part, 0, sampleOrigin()));
            QVERIFY(file.write("0123456789", 10));
        }
        PartOrigin newer;
        newer.url = sampleOrigin().url;
        newer.total = 99;
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, 10, newer));
        QCOMPARE(file.size(), 10);
        const std::optional<PartOrigin> read = PartOrigin::readFrom(part);
        QVERIFY(read);
        QVERIFY(read->etag.isEmpty());
        QVERIFY(read->lastModified.isEmpty());
        QCOMPARE(read->total, 99);
    }

    // A .part left by an older Quiver (three attributes) is recognised and continued.
    void readsTheOlderRecord()
    {
        const QString part = m_dir.filePath(u"d.bin.part"_s);
        QFile file(part);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        setAttribute(part, "user.xdg.origin.url", "http://example.test/d.bin");
        setAttribute(part, "user.quiver.etag", "\"old\"");
        setAttribute(part, "user.quiver.last_modified", "Wed, 21 Oct 2015 07:28:00 GMT");
        setAttribute(part, "user.quiver.total", "1234");
        const std::optional<PartOrigin> read = PartOrigin::readFrom(part);
        QVERIFY(read);
        QCOMPARE(read->url, QUrl(u"http://example.test/d.bin"_s));
        QCOMPARE(read->etag, QByteArray("\"old\""));
        QCOMPARE(read->lastModified, QByteArray("Wed, 21 Oct 2015 07:28:00 GMT"));
        QCOMPARE(read->total, 1234);
    }

    // The finished file keeps only where it came from: a new .part, and one of an older Quiver that was
    // continued.
    void finishedFileKeepsOnlyTheLink_data()
    {
        QTest::addColumn<bool>("olderRecord");
        QTest::newRow("new part") << false;
        QTest::newRow("older part continued") << true;
    }
    void finishedFileKeepsOnlyTheLink()
    {
        QFETCH(bool, olderRecord);
        const QString name = olderRecord ? u"e-older.bin"_s : u"e-new.bin"_s;
        const QString part = m_dir.filePath(name + u".part"_s);
        const QString target = m_dir.filePath(name);
        qint64 offset = 0;
        if (olderRecord) {
            QFile file(part);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write("01234"), 5);
            file.close();
            setAttribute(part, "user.xdg.origin.url", "http://example.test/files/a.bin?x=1");
            setAttribute(part, "user.quiver.etag", "\"abc-123\"");
            setAttribute(part, "user.quiver.last_modified", "Wed, 21 Oct 2015 07:28:00 GMT");
            setAttribute(part, "user.quiver.total", "10");
            offset = 5;
        }
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, offset, sampleOrigin()));
        QVERIFY(file.write("56789", 5));
        QVERIFY(file.sync());
        QVERIFY(file.commit(target));
        QVERIFY(!QFile::exists(part));
        QCOMPARE(attributeNames(target), (QList<QByteArray>{"user.xdg.origin.url"}));
        QFile finished(target);
        QVERIFY(finished.open(QIODevice::ReadOnly));
        QCOMPARE(finished.readAll(), olderRecord ? QByteArray("0123456789") : QByteArray("56789"));
    }

    // A new .part is made afresh; an existing one (another program's, or a leftover) is opened, cut to
    // the offset asked for and never replaced, and a symlink in its place is refused.
    void existingPartIsCutNotReplaced()
    {
        const QString part = m_dir.filePath(u"f.bin.part"_s);
        QFile old(part);
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write("abcdefgh"), 8);
        old.close();
        PartFile file;
        const ThreadTurn::Scope turn(file.turn());
        QVERIFY(file.open(part, 3, sampleOrigin()));
        QCOMPARE(file.size(), 3);
        QVERIFY(file.write("XY", 2));
        file.close();
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("abcXY"));
        old.close();

        const QString link = m_dir.filePath(u"g.bin.part"_s);
        QVERIFY(QFile::link(m_dir.filePath(u"elsewhere"_s), link));
        QVERIFY(!file.open(link, 0, sampleOrigin()));
        QVERIFY(!QFile::exists(m_dir.filePath(u"elsewhere"_s)));
    }

private:
    QTemporaryDir m_dir{QDir::tempPath() + u"/tst_partorigin-XXXXXX"_s};
};

QTEST_GUILESS_MAIN(TestPartOrigin)
#include "tst_partorigin.moc"
