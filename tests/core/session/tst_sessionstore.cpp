// SessionStore and its SessionFormat: what is written, what is read back, what is refused, and how
// often the disk is touched.

#include "engine/downloadengine.h"
#include "links/checksumlist.h"
#include "disk/nameregistry.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "session/sessionformat.h"
#include "session/sessionstore.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {
DownloadItem fullItem(const QString &directory)
{
    DownloadItem item;
    item.url = QUrl(u"https://user:secret@example.org/path/file%20name.iso?token=1"_s);
    item.directory = directory;
    item.fileName = u"file name.iso"_s;
    item.fileNameFromUser = true;
    item.state = DownloadState::Downloading;
    item.intent = Intent::Pause;
    item.bytesReceived = 123456789012;
    item.bytesTotal = 223456789012;
    item.attempts = 3;
    item.attemptsWithoutProgress = 2;
    item.lastError = u"Server answered 503 “Busy”."_s;
    item.etag = "\"abc-123\"";
    item.lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
    item.sha256 = QByteArray::fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    item.partUrl = QUrl(u"https://user:secret@old.example.org/file.iso"_s);
    item.backendState = QJsonObject{{u"gid"_s, u"2089b05ecca3d829"_s}, {u"engine"_s, u"nas"_s}};
    return item;
}

// One item as the store writes it, for tests that hand-edit a field.
QJsonObject goodObject(const QString &directory, const QString &name)
{
    DownloadItem item;
    item.url = QUrl(u"http://example.org/"_s + name);
    item.directory = directory;
    item.fileName = name;
    item.state = DownloadState::Paused;
    return SessionFormat::toJson(item);
}

QByteArray sessionOf(const QList<QJsonObject> &objects)
{
    QByteArray data = "{\"version\":1,\"items\":[\n";
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (i > 0)
            data += ",\n";
        data += QJsonDocument(objects.at(i)).toJson(QJsonDocument::Compact);
    }
    return data + "\n]}\n";
}

QStringList corruptFiles(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({u"*.corrupt-*"_s}, QDir::Files);
}
} // namespace

class TestSessionStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"session.json"_s);
        QueueModel model;
        const DownloadItem original = fullItem(dir.path());
        DownloadItem minimal;
        minimal.url = QUrl(u"http://example.org/"_s);
        minimal.directory = dir.path();
        model.append({original, minimal});
        SessionStore store(&model, file);
        QVERIFY(store.saveNow(true));
        QCOMPARE(store.saveCount(), 1);

        QueueModel other;
        SessionStore reader(&other, file);
        const SessionLoadResult loaded = reader.load();
        QCOMPARE(loaded.problems, QStringList());
        QVERIFY(loaded.quarantinedPath.isEmpty());
        QCOMPARE(loaded.items.size(), 2);
        const DownloadItem &item = loaded.items.at(0);
        QCOMPARE(item.url, original.url.adjusted(QUrl::RemoveUserInfo));
        QCOMPARE(item.directory, original.directory);
        QCOMPARE(item.fileName, original.fileName);
        QCOMPARE(item.fileNameFromUser, true);
        QCOMPARE(item.state, DownloadState::Downloading);
        QCOMPARE(item.intent, Intent::Pause);
        QCOMPARE(item.bytesReceived, original.bytesReceived);
        QCOMPARE(item.bytesTotal, original.bytesTotal);
        QCOMPARE(item.attempts, 3);
        QCOMPARE(item.attemptsWithoutProgress, 2);
        QCOMPARE(item.lastError, original.lastError);
        QCOMPARE(item.etag, original.etag);
        QCOMPARE(item.lastModified, original.lastModified);
        QCOMPARE(item.sha256, original.sha256);
        QCOMPARE(item.partUrl, original.partUrl.adjusted(QUrl::RemoveUserInfo));
        QCOMPARE(item.backendState, original.backendState);

        const DownloadItem &plain = loaded.items.at(1);
        QCOMPARE(plain.url, minimal.url);
        QVERIFY(plain.fileName.isEmpty());
        QCOMPARE(plain.state, DownloadState::Queued);
        QCOMPARE(plain.intent, Intent::Run);
        QCOMPARE(plain.bytesTotal, -1);
        QVERIFY(plain.etag.isEmpty() && plain.sha256.isEmpty());
        QVERIFY(plain.partUrl.isEmpty());
        QVERIFY(plain.backendState.isEmpty());
    }

    void editedUrlIsALinkChange()
    {
        // Choice: "url" is the field a person edits to give an item a new link; "partUrl" says where the
        // bytes in the .part came from, so the edit is seen and the new link has to prove it serves the
        // same file before those bytes are continued.
        QTemporaryDir dir;
        DownloadItem written;
        written.url = QUrl(u"https://old.example.org/disk.img?token=expired"_s);
        written.partUrl = written.url;
        written.directory = dir.path();
        written.fileName = u"disk.img"_s;
        written.state = DownloadState::Failed;
        written.bytesReceived = 1000;
        written.bytesTotal = 5000;
        written.etag = "\"v1\"";
        QJsonObject object = SessionFormat::toJson(written);
        QCOMPARE(object.value("partUrl"_L1).toString(), u"https://old.example.org/disk.img?token=expired"_s);

        DownloadItem item;
        QString problem;
        QVERIFY(SessionFormat::fromJson(object, &item, &problem));
        QVERIFY(!item.linkChanged());
        object.insert("url"_L1, u"https://mirror.example.net/disk.img"_s);
        QVERIFY2(SessionFormat::fromJson(object, &item, &problem), qPrintable(problem));
        QVERIFY(item.linkChanged());
        QCOMPARE(item.url, QUrl(u"https://mirror.example.net/disk.img"_s));
        QCOMPARE(item.bytesReceived, 1000);
        // A session written before partUrl existed: nothing to compare with, so no change is seen.
        object.remove("partUrl"_L1);
        QVERIFY(SessionFormat::fromJson(object, &item, &problem));
        QVERIFY(!item.linkChanged());
        // A finished file has no .part left to continue.
        written.state = DownloadState::Finished;
        QVERIFY(!SessionFormat::toJson(written).contains("partUrl"_L1));
    }

    void credentialsAreNeverWritten()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        model.append({fullItem(dir.path())});
        SessionStore store(&model, file);
        QVERIFY(store.saveNow(true));
        const QByteArray bytes = readFile(file);
        QVERIFY(bytes.contains("example.org"));
        QVERIFY(!bytes.contains("secret"));
        QVERIFY(!bytes.contains("user"));
        // The links may carry tokens: the file is the user's alone.
        QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    }

    // "http://:@host/" has neither a user name nor a password, but it still has user info (":"),
    // which would go out with every request and make two spellings of one link. Found by fuzz_sessionstore.
    void emptyUserInfoIsDroppedWhenLoading()
    {
        for (const QString &link : {u"http://:@example.org/a.iso"_s, u"http://@example.org/a.iso"_s,
                                    u"http://u:@example.org/a.iso"_s, u"http://:p@example.org/a.iso"_s}) {
            QJsonObject object = SessionFormat::toJson(fullItem(u"/tmp"_s));
            object.insert("url"_L1, link);
            object.insert("partUrl"_L1, link);
            DownloadItem item;
            QString problem;
            QVERIFY2(SessionFormat::fromJson(object, &item, &problem), qPrintable(problem));
            QVERIFY2(item.url.userInfo().isEmpty(), qPrintable(link));
            QCOMPARE(item.url.toString(), u"http://example.org/a.iso"_s);
            QVERIFY2(item.partUrl.userInfo().isEmpty(), qPrintable(link));
        }
    }

    void progressIsCoalesced()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        SessionStore store(&model, file);
        store.setDelays(std::chrono::milliseconds(20), std::chrono::milliseconds(100));
        QSignalSpy saved(&store, &SessionStore::saved);
        const DownloadId id = model.append({fullItem(dir.path())}).constFirst();
        QVERIFY(saved.wait(5000));
        QCOMPARE(store.saveCount(), 1);

        for (int i = 1; i <= 100; ++i) {
            model.setProgress(id, i * 1000, 1000000);
            model.flush();   // each one a dataChanged(), as if 100 flush intervals had passed
        }
        QVERIFY(store.isDirty());
        QVERIFY(saved.wait(5000));
        QCOMPARE(store.saveCount(), 2);
        QVERIFY(!store.isDirty());
        const QJsonObject item = QJsonDocument::fromJson(readFile(file)).object().value("items"_L1).toArray().at(0).toObject();
        QCOMPARE(item.value("bytesReceived"_L1).toInteger(), 100000);

        // A state change brings a pending progress save forward instead of adding another.
        store.setDelays(std::chrono::milliseconds(20), std::chrono::milliseconds(60000));
        model.setProgress(id, 200000, 1000000);
        model.flush();
        QVERIFY(model.setState(id, DownloadState::Paused));
        QVERIFY(saved.wait(5000));
        QCOMPARE(store.saveCount(), 3);
        QVERIFY(!store.isDirty());
    }

    void missingFileIsAnEmptySession()
    {
        QTemporaryDir dir;
        QueueModel model;
        SessionStore store(&model, dir.filePath(u"nothing.json"_s));
        const SessionLoadResult loaded = store.load();
        QVERIFY(loaded.items.isEmpty());
        QVERIFY(loaded.problems.isEmpty());
        QVERIFY(!loaded.unreadable);
    }

    void corruptFileIsQuarantined_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{not json at all");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("no items") << QByteArray("{\"version\":1}");
        QTest::newRow("future version") << QByteArray("{\"version\":2,\"items\":[]}");
    }
    void corruptFileIsQuarantined()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QVERIFY(!writeFile(file, content).isEmpty());
        QueueModel model;
        SessionStore store(&model, file);
        const SessionLoadResult loaded = store.load();
        QVERIFY(loaded.items.isEmpty());
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY2(loaded.problems.constFirst().contains(u"could not be read in full"_s), qPrintable(loaded.problems.constFirst()));
        QVERIFY2(loaded.problems.constFirst().contains(loaded.quarantinedPath), qPrintable(loaded.problems.constFirst()));
        QVERIFY(!QFile::exists(file));
        QVERIFY(loaded.quarantinedPath.startsWith(file + u".corrupt-"_s));
        QCOMPARE(readFile(loaded.quarantinedPath), content);
        QCOMPARE(corruptFiles(dir).size(), 1);
        // The next save starts a fresh file; the damaged one stays aside.
        QVERIFY(store.saveNow(true));
        QVERIFY(QFile::exists(file));
        QCOMPARE(readFile(loaded.quarantinedPath), content);
    }

    void truncatedFileKeepsCompleteItems()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        for (int i = 0; i < 3; ++i) {
            DownloadItem item = fullItem(dir.path());
            item.fileName = u"f%1.bin"_s.arg(i);
            model.append({item});
        }
        SessionStore store(&model, file);
        QVERIFY(store.saveNow(true));
        const QByteArray whole = readFile(file);
        // Cut in the middle of the third item.
        const qsizetype third = whole.indexOf("f2.bin");
        QVERIFY(third > 0);
        QVERIFY(!writeFile(file, whole.left(third)).isEmpty());

        QueueModel other;
        SessionStore reader(&other, file);
        const SessionLoadResult loaded = reader.load();
        QCOMPARE(loaded.items.size(), 2);
        QCOMPARE(loaded.items.at(0).fileName, u"f0.bin"_s);
        QCOMPARE(loaded.items.at(1).fileName, u"f1.bin"_s);
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY2(loaded.problems.constFirst().contains(u"2 item(s) recovered"_s), qPrintable(loaded.problems.constFirst()));
        QVERIFY(QFile::exists(loaded.quarantinedPath));
        QVERIFY(!QFile::exists(file));
    }

    // The checksum lists of a run follow the items: saved, read back equal (digests of each kind, the
    // list's name, names refused for two digests), kept by a save that never set them again, and cut
    // files still yield the entries before the cut.
    void checksumListsAreKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        const QByteArray sha256 = QByteArray(32, 'a').toHex();
        const QByteArray sha512 = QByteArray(64, 'b').toHex();
        const QByteArray sha1 = QByteArray(20, 'c').toHex();
        const ChecksumList list = ChecksumList::parse(sha256 + "  dvd/x.iso\n" + sha512 + " *y.img\n" + sha1
                                                          + "  z.tar\n" + sha256 + "  twice.iso\n" + sha1.left(38)
                                                          + "00  twice.iso\n",
                                                      u"SHA256SUMS"_s);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.refusedNames(), QStringList{u"twice.iso"_s});

        QueueModel model;
        model.append({fullItem(dir.path())});
        {
            SessionStore store(&model, file);
            store.setChecksums(list);
            QVERIFY(store.saveNow());
        }
        const QByteArray written = readFile(file);
        QVERIFY2(written.contains("\n],\"checksums\":[\n"), written.constData());

        QueueModel other;
        SessionStore reader(&other, file);
        SessionLoadResult loaded = reader.load();
        QCOMPARE(loaded.problems, QStringList());
        QCOMPARE(loaded.items.size(), 1);
        QVERIFY(loaded.checksums == list);
        QCOMPARE(loaded.checksums.find(u"x.iso"_s)->source, u"SHA256SUMS"_s);
        QCOMPARE(loaded.checksums.find(u"y.img"_s)->algorithm, QCryptographicHash::Sha512);
        QVERIFY(!loaded.checksums.find(u"twice.iso"_s));

        // A save after loading, with no list set again, keeps them (the model is the reader's own, empty
        // until something restores into it).
        other.append({fullItem(dir.path())});
        QVERIFY(reader.saveNow());
        QueueModel third;
        SessionStore again(&third, file);
        loaded = again.load();
        QCOMPARE(loaded.items.size(), 1);
        QVERIFY(loaded.checksums == list);

        // Cut after the first checksum entry: the items and that entry are salvaged.
        const QByteArray whole = readFile(file);
        const qsizetype section = whole.indexOf("],\"checksums\":[\n");
        QVERIFY(section > 0);
        const qsizetype firstEnd = whole.indexOf('\n', section + 17);
        QVERIFY(!writeFile(file, whole.left(firstEnd + 1) + "{\"name\":").isEmpty());
        QueueModel fourth;
        SessionStore salvager(&fourth, file);
        loaded = salvager.load();
        QCOMPARE(loaded.items.size(), 1);
        QCOMPARE(loaded.problems.size(), 1);   // the damage, and no item made of a checksum line
        QCOMPARE(loaded.checksums.size() + loaded.checksums.refusedNames().size(), 1);
    }

    // A file from before checksum lists reads as it did; hostile entries are skipped with a sentence each.
    void checksumEntriesAreChecked()
    {
        const QString directory = QDir::tempPath();
        const QByteArray hex = QByteArray(32, 'a').toHex();
        QByteArray data = sessionOf({goodObject(directory, u"a.iso"_s)});
        SessionParseResult parsed = SessionFormat::parse(data);
        QCOMPARE(parsed.items.size(), 1);
        QVERIFY(parsed.checksums.isEmpty() && parsed.problems.isEmpty());

        data.chop(3);   // "]}\n"
        data += "],\"checksums\":[\n"
                "{\"name\":\"ok.iso\",\"sha256\":\"" + hex + "\",\"source\":\"SUMS\"},\n"
                "{\"name\":\"../x\",\"sha256\":\"" + hex + "\"},\n"
                "{\"name\":\"short.iso\",\"sha256\":\"abcd\"},\n"
                "{\"name\":\"odd.iso\",\"sha256\":\"" + hex.left(62) + "zz\"},\n"
                "{\"name\":\"two.iso\",\"sha256\":\"" + hex + "\",\"sha1\":\"" + hex.left(40) + "\"},\n"
                "{\"name\":\"none.iso\"},\n"
                "{\"name\":42,\"sha256\":\"" + hex + "\"},\n"
                "{\"name\":\"src.iso\",\"sha256\":\"" + hex + "\",\"source\":7},\n"
                "\"not an object\"\n"
                "]}\n";
        parsed = SessionFormat::parse(data);
        QVERIFY2(parsed.damage.isEmpty(), qPrintable(parsed.damage));
        QCOMPARE(parsed.items.size(), 1);
        QCOMPARE(parsed.checksums.size(), 1);
        QVERIFY(parsed.checksums.find(u"ok.iso"_s));
        QCOMPARE(parsed.problems.size(), 8);
        QVERIFY2(parsed.problems.at(0).startsWith(u"Skipped checksum 2: its file name is not a plain file name"_s),
                 qPrintable(parsed.problems.at(0)));
        QVERIFY2(parsed.problems.at(3).contains(u"more than one checksum"_s), qPrintable(parsed.problems.at(3)));
    }

    void badItemIsSkippedOthersLoad()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QJsonObject bad = goodObject(dir.path(), u"b.bin"_s);
        bad.insert("state"_L1, u"exploded"_s);
        QVERIFY(!writeFile(file, sessionOf({goodObject(dir.path(), u"a.bin"_s), bad,
                                             goodObject(dir.path(), u"c.bin"_s)})).isEmpty());
        QueueModel model;
        SessionStore store(&model, file);
        const SessionLoadResult loaded = store.load();
        QCOMPARE(loaded.items.size(), 2);
        QCOMPARE(loaded.items.at(0).fileName, u"a.bin"_s);
        QCOMPARE(loaded.items.at(1).fileName, u"c.bin"_s);
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY2(loaded.problems.constFirst().contains(u"item 2"_s), qPrintable(loaded.problems.constFirst()));
        QVERIFY2(loaded.problems.constFirst().contains(u"state is unknown"_s), qPrintable(loaded.problems.constFirst()));
        // An item that is bad is not damage: the file stays where it is.
        QVERIFY(loaded.quarantinedPath.isEmpty());
        QVERIFY(QFile::exists(file));
    }

    void hostileItemIsRejected_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("dot-dot name") << u"fileName"_s << QJsonValue(u"../x"_s) << u"file name"_s;
        QTest::newRow("dot-dot") << u"fileName"_s << QJsonValue(u".."_s) << u"file name"_s;
        QTest::newRow("absolute name") << u"fileName"_s << QJsonValue(u"/etc/passwd"_s) << u"file name"_s;
        QTest::newRow("subfolder name") << u"fileName"_s << QJsonValue(u"sub/x"_s) << u"file name"_s;
        QTest::newRow("hidden name") << u"fileName"_s << QJsonValue(u".bashrc"_s) << u"file name"_s;
        QTest::newRow("name not text") << u"fileName"_s << QJsonValue(7) << u"file name"_s;
        QTest::newRow("relative folder") << u"directory"_s << QJsonValue(u"downloads"_s) << u"absolute"_s;
        QTest::newRow("no folder") << u"directory"_s << QJsonValue() << u"absolute"_s;
        // QDir takes ':' for a Qt resource, so these passed as absolute; the first cleaned to the relative
        // "etc" (found by fuzz_sessionstore).
        QTest::newRow("resource climbing out") << u"directory"_s << QJsonValue(u":tmp/../etc"_s) << u"absolute"_s;
        QTest::newRow("resource folder") << u"directory"_s << QJsonValue(u":/downloads"_s) << u"absolute"_s;
        QTest::newRow("negative bytes") << u"bytesReceived"_s << QJsonValue(-1) << u"sizes"_s;
        QTest::newRow("negative total") << u"bytesTotal"_s << QJsonValue(-5) << u"sizes"_s;
        QTest::newRow("fractional bytes") << u"bytesReceived"_s << QJsonValue(1.5) << u"sizes"_s;
        QTest::newRow("bytes as text") << u"bytesReceived"_s << QJsonValue(u"100"_s) << u"sizes"_s;
        // Beyond what a qint64 holds: converting these was undefined behaviour (found by fuzz_sessionstore;
        // the sanitizer build aborts on it).
        QTest::newRow("huge total") << u"bytesTotal"_s << QJsonValue(1e300) << u"sizes"_s;
        QTest::newRow("hugely negative bytes") << u"bytesReceived"_s << QJsonValue(-1e300) << u"sizes"_s;
        QTest::newRow("huge attempts") << u"attempts"_s << QJsonValue(1e19) << u"attempt"_s;
        QTest::newRow("ftp") << u"url"_s << QJsonValue(u"ftp://example.org/x"_s) << u"http or https"_s;
        QTest::newRow("file url") << u"url"_s << QJsonValue(u"file:///etc/passwd"_s) << u"http or https"_s;
        QTest::newRow("no host") << u"url"_s << QJsonValue(u"http:///x"_s) << u"http or https"_s;
        QTest::newRow("part link without host") << u"partUrl"_s << QJsonValue(u"http:///x"_s) << u"partial file"_s;
        QTest::newRow("part link not text") << u"partUrl"_s << QJsonValue(3) << u"partial file"_s;
        QTest::newRow("unknown state") << u"state"_s << QJsonValue(u"DOWNLOADING"_s) << u"state"_s;
        QTest::newRow("unknown intent") << u"intent"_s << QJsonValue(u"later"_s) << u"run/pause"_s;
        QTest::newRow("header injection") << u"etag"_s << QJsonValue(u"\"a\"\r\nX-Evil: 1"_s) << u"validators"_s;
        QTest::newRow("short checksum") << u"sha256"_s << QJsonValue(u"abcd"_s) << u"SHA-256"_s;
        QTest::newRow("negative attempts") << u"attempts"_s << QJsonValue(-3) << u"attempt"_s;
        QTest::newRow("engine record not an object") << u"backend"_s << QJsonValue(u"gid"_s) << u"engine's record"_s;
        QTest::newRow("engine record too big") << u"backend"_s
                                               << QJsonValue(QJsonObject{{u"x"_s, QString(5000, u'a')}})
                                               << u"engine's record"_s;
    }
    void hostileItemIsRejected()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QJsonObject object = goodObject(dir.path(), u"ok.bin"_s);
        DownloadItem item;
        QString problem;
        QVERIFY(SessionFormat::fromJson(object, &item, &problem));
        if (value.isNull())
            object.remove(key);
        else
            object.insert(key, value);
        problem.clear();
        QVERIFY(!SessionFormat::fromJson(object, &item, &problem));
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }

    void unreadableFileIsNeitherLoadedNorOverwritten()
    {
        if (::geteuid() == 0)
            QSKIP("root reads any file");
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QVERIFY(!writeFile(file, sessionOf({goodObject(dir.path(), u"a.bin"_s)})).isEmpty());
        QVERIFY(QFile::setPermissions(file, QFileDevice::Permissions()));
        QueueModel model;
        SessionStore store(&model, file);
        const SessionLoadResult loaded = store.load();
        QVERIFY(loaded.unreadable);
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY(loaded.items.isEmpty());
        QVERIFY(!store.saveNow(true));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(readFile(file).contains("a.bin"));
    }

    void folderInTheWayIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QVERIFY(QDir().mkpath(file));
        QueueModel model;
        SessionStore store(&model, file);
        const SessionLoadResult loaded = store.load();
        QVERIFY(loaded.unreadable);
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY(loaded.quarantinedPath.isEmpty());
        QVERIFY(QFileInfo(file).isDir());
        QVERIFY(!store.saveNow(true));
        QVERIFY(!store.lastError().isEmpty());
    }

    void restoreKeepsWaitingItemsAsTheyWere()
    {
        // Queued-to-run items would start at once; the others must come back exactly as they were and
        // start nothing: a failed item waits for the user's Retry.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QList<QJsonObject> objects;
        const QList<std::pair<QString, QString>> states{{u"paused"_s, u"pause"_s}, {u"failed"_s, u"run"_s},
                                                        {u"finished"_s, u"run"_s}, {u"canceled"_s, u"run"_s},
                                                        {u"downloading"_s, u"pause"_s}, {u"retrying"_s, u"pause"_s}};
        for (const auto &[state, intent] : states) {
            QJsonObject object = goodObject(dir.path(), state + u".bin"_s);
            object.insert("state"_L1, state);
            object.insert("intent"_L1, intent);
            object.insert("lastError"_L1, u"Earlier error"_s);
            objects.append(object);
        }
        // Killed after the rename of a verified file, before the session heard it finished.
        QJsonObject renamed = goodObject(dir.path(), u"renamed.bin"_s);
        renamed.insert("state"_L1, u"verifying"_s);
        renamed.insert("bytesReceived"_L1, 1000);
        renamed.insert("bytesTotal"_L1, 1000);
        objects.append(renamed);
        QVERIFY(!writeRandomFile(QDir(dir.path()).filePath(u"renamed.bin"_s), 1000, 5).isEmpty());
        QVERIFY(!writeFile(file, sessionOf(objects)).isEmpty());
        DownloadEngine engine;
        SessionStore store(engine.model(), file);
        SessionLoadResult loaded = store.load();
        QCOMPARE(loaded.problems, QStringList());
        const QList<DownloadId> ids = engine.restore(loaded.items);
        QCOMPARE(ids.size(), 7);
        const QueueModel *model = engine.model();
        QCOMPARE(model->find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model->find(ids.at(1))->state, DownloadState::Failed);
        QCOMPARE(model->find(ids.at(1))->lastError, u"Earlier error"_s);
        QCOMPARE(model->find(ids.at(2))->state, DownloadState::Finished);
        QCOMPARE(model->find(ids.at(3))->state, DownloadState::Canceled);
        QCOMPARE(model->find(ids.at(4))->state, DownloadState::Paused);
        QCOMPARE(model->find(ids.at(5))->state, DownloadState::Paused);
        QCOMPARE(engine.scheduler()->activeCount(), 0);
        QVERIFY(engine.scheduler()->isIdle());
        QCOMPARE(engine.model()->find(ids.at(6))->state, DownloadState::Finished);
        QCOMPARE(engine.model()->find(ids.at(6))->bytesReceived, 1000);
        // Names are held again, so a new link cannot take one.
        QVERIFY(!engine.names()->adopt(QDir(dir.path()).filePath(u"failed.bin"_s)));
    }

    void destructionSavesPendingChanges()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"s.json"_s);
        QueueModel model;
        {
            SessionStore store(&model, file);
            store.setDelays(std::chrono::milliseconds(60000), std::chrono::milliseconds(60000));
            model.append({fullItem(dir.path())});
            QVERIFY(store.isDirty());
            QVERIFY(!QFile::exists(file));
        }
        QVERIFY(readFile(file).contains("file name.iso"));
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
