// The bytes a second `quiver` sends the running window, read back in any pieces, and strangers refused;
// and the window's end of the socket with a real QLocalSocket.

#include "handovermessage.h"
#include "singleinstance.h"

#include "testutil.h"

#include <QDir>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QtEndian>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
QByteArray header(quint16 version, quint32 size)
{
    QByteArray bytes("QVHO");
    char number[4];
    qToBigEndian<quint16>(version, number);
    bytes.append(number, 2);
    qToBigEndian<quint32>(size, number);
    bytes.append(number, 4);
    return bytes;
}

QByteArray field(const QByteArray &utf8)
{
    char number[4];
    qToBigEndian<quint32>(quint32(utf8.size()), number);
    return QByteArray(number, 4) + utf8;
}

HandOverReader::Status readWhole(const QByteArray &bytes, HandOverReader *reader)
{
    return reader->feed(bytes);
}
} // namespace

class TestHandOverMessage final : public QObject
{
    Q_OBJECT

private slots:
    void argumentsComeBackAsSent()
    {
        const QStringList arguments{u"https://example.org/a b.iso"_s, QString(), u"/home/ännä/links — 2.txt"_s,
                                    u"x"_s.repeated(70000)};
        HandOverReader reader;
        QCOMPARE(readWhole(HandOverMessage::encode(arguments), &reader), HandOverReader::Status::Complete);
        QCOMPARE(reader.arguments(), arguments);
    }

    void noArgumentsIsAMessageToo()
    {
        // A bare second `quiver` only raises the window.
        HandOverReader reader;
        QCOMPARE(readWhole(HandOverMessage::encode({}), &reader), HandOverReader::Status::Complete);
        QVERIFY(reader.arguments().isEmpty());
    }

    void piecesOfAnySizeMakeTheSameMessage()
    {
        const QStringList arguments{u"https://example.org/1"_s, u"https://example.org/2"_s};
        const QByteArray bytes = HandOverMessage::encode(arguments);
        HandOverReader reader;
        for (qsizetype i = 0; i + 1 < bytes.size(); ++i)
            QCOMPARE(reader.feed(bytes.mid(i, 1)), HandOverReader::Status::Incomplete);
        QCOMPARE(reader.feed(bytes.right(1)), HandOverReader::Status::Complete);
        QCOMPARE(reader.arguments(), arguments);
    }

    void aStrangerIsRefusedAtItsFirstByte()
    {
        HandOverReader reader;
        QCOMPARE(reader.feed("G"), HandOverReader::Status::Invalid);
        QCOMPARE(reader.feed("ET / HTTP/1.1\r\n"), HandOverReader::Status::Invalid);
    }

    void anUnknownVersionIsRefused()
    {
        HandOverReader reader;
        QCOMPARE(reader.feed(header(HandOverMessage::kVersion + 1, 0)), HandOverReader::Status::Invalid);
    }

    void anOversizedMessageIsRefusedBeforeItsPayload()
    {
        HandOverReader reader;
        QCOMPARE(reader.feed(header(HandOverMessage::kVersion, HandOverMessage::kMaxPayload)),
                 HandOverReader::Status::Incomplete);
        HandOverReader tooBig;
        QCOMPARE(tooBig.feed(header(HandOverMessage::kVersion, HandOverMessage::kMaxPayload + 1)),
                 HandOverReader::Status::Invalid);
    }

    void aDamagedPayloadIsRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("length past the end") << field("abc").left(6);
        QTest::newRow("length field cut") << QByteArray("\0\0", 2);
        QTest::newRow("huge length") << (QByteArray("\xff\xff\xff\xff", 4) + "abc");
        QTest::newRow("not UTF-8") << field("\xff\xfe");
    }

    void aDamagedPayloadIsRefused()
    {
        QFETCH(QByteArray, payload);
        HandOverReader reader;
        QCOMPARE(reader.feed(header(HandOverMessage::kVersion, quint32(payload.size())) + payload),
                 HandOverReader::Status::Invalid);
    }

    void bytesAfterTheMessageAreRefused()
    {
        HandOverReader reader;
        QCOMPARE(reader.feed(HandOverMessage::encode({u"a"_s}) + 'x'), HandOverReader::Status::Invalid);
    }

    // The window runs in another folder than the launch that names a file.
    void filesBecomeAbsoluteLinksStayLinks()
    {
        QTemporaryDir dir;
        QVERIFY(!Test::writeFile(QDir(dir.path()).filePath(u"links.txt"_s), "https://example.org/a\n").isEmpty());
        QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
        QVERIFY(QDir(dir.path()).mkdir(u"http:"_s));
        const QString links = QDir(dir.path()).filePath(u"links.txt"_s);
        const QStringList given{u"links.txt"_s, u"sub/../links.txt"_s, links, u"https://example.org/b"_s,
                                u"missing.txt"_s, u"sub"_s, u"http:"_s};
        const QStringList expected{links, links, links, u"https://example.org/b"_s, u"missing.txt"_s, u"sub"_s,
                                   u"http:"_s};
        QCOMPARE(HandOverMessage::absoluteArguments(given, dir.path()), expected);
    }

    // The desktop file runs "quiver %U": a file manager names a links file as a file:// URL.
    void fileUrlsBecomePaths()
    {
        QTemporaryDir dir;
        const QString links = QDir(dir.path()).filePath(u"my links.txt"_s);
        QVERIFY(!Test::writeFile(links, "https://example.org/a\n").isEmpty());
        const QString url = QUrl::fromLocalFile(links).toString(QUrl::FullyEncoded);
        QVERIFY(url.contains(u"%20"_s));
        const QString missing = QUrl::fromLocalFile(QDir(dir.path()).filePath(u"gone.txt"_s)).toString();
        QCOMPARE(HandOverMessage::absoluteArguments({url, missing}, u"/"_s), (QStringList{links, missing}));
    }

    void theWindowsEndAnswersAndPassesTheArgumentsOn()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(u"q.socket"_s);
        InstanceServer server;
        QVERIFY2(server.listen(path), qPrintable(server.errorString()));
        QSignalSpy received(&server, &InstanceServer::argumentsReceived);

        QLocalSocket client;
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(5000));
        const QStringList arguments{u"https://example.org/handed"_s, u"/tmp/links.txt"_s};
        client.write(HandOverMessage::encode(arguments));
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), arguments);
        QTRY_COMPARE(client.bytesAvailable(), HandOverMessage::acknowledgement().size());
        QCOMPARE(client.readAll(), HandOverMessage::acknowledgement());
        QTRY_COMPARE(client.state(), QLocalSocket::UnconnectedState);   // one message per connection
    }

    void theWindowsEndDropsAStranger()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(u"q.socket"_s);
        InstanceServer server;
        QVERIFY(server.listen(path));
        QSignalSpy received(&server, &InstanceServer::argumentsReceived);
        QLocalSocket client;
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(5000));
        client.write("GET / HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(client.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(received.count(), 0);
        QCOMPARE(client.bytesAvailable(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHandOverMessage)
#include "tst_handovermessage.moc"
