// What Quiver reads from an aria2 daemon, answer by answer: results, faults, the token refused, batched
// answers, hostile numbers and shapes; aria2's error codes as Quiver's sentences; the secret file's rules.

#include "remote/aria2errors.h"
#include "remote/aria2reply.h"
#include "remote/secretfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Quiver;
using namespace Quiver::Aria2;
using namespace Qt::StringLiterals;

class TestAria2Reply final : public QObject
{
    Q_OBJECT

    static QJsonValue json(const QByteArray &text) { return QJsonDocument::fromJson("[" + text + "]").array().at(0); }

private slots:
    void resultAndFaults()
    {
        const RpcReply result = parseReply("{\"id\":\"1\",\"jsonrpc\":\"2.0\",\"result\":\"2089b05ecca3d829\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.result.toString(), u"2089b05ecca3d829"_s);

        const RpcReply token = parseReply("{\"id\":\"1\",\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":\"Unauthorized\"}}");
        QCOMPARE(token.outcome, RpcReply::Outcome::Unauthorized);
        const TransferError refused = errorForReply(token, u"NAS"_s);
        QCOMPARE(refused.kind, ErrorKind::Engine);
        QVERIFY(refused.message.contains(u"refused Quiver's secret token"_s));

        const RpcReply missing = parseReply("{\"error\":{\"code\":1,\"message\":\"GID 1 is not found\"}}");
        QCOMPARE(missing.outcome, RpcReply::Outcome::MethodError);
        QCOMPARE(missing.message, u"GID 1 is not found"_s);
    }

    void garbageIsNamedNeverGuessed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("neither result nor error") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":\"1\"}");
        QTest::newRow("error of wrong type") << QByteArray("{\"error\":\"bad\"}");
        QTest::newRow("error code huge") << QByteArray("{\"error\":{\"code\":1e300,\"message\":\"x\"}}");
        QTest::newRow("error code text") << QByteArray("{\"error\":{\"code\":\"1\",\"message\":\"Unauthorized\"}}");
        QTest::newRow("truncated") << QByteArray("{\"result\":{\"gid\":\"2089b05e");
    }

    void garbageIsNamedNeverGuessed()
    {
        QFETCH(QByteArray, body);
        const RpcReply reply = parseReply(body);
        QCOMPARE(reply.outcome, RpcReply::Outcome::Garbage);
        QVERIFY(!reply.message.isEmpty());
        const TransferError error = errorForReply(reply, u"NAS"_s);
        QCOMPARE(error.kind, ErrorKind::Protocol);
        QVERIFY(error.message.contains(u"did not answer as aria2 does"_s));
    }

    void multicallGivesOneReplyPerCall()
    {
        const QList<RpcReply> replies = parseMulticall(
            "{\"result\":[{\"code\":1,\"message\":\"GID x is not found\"},[\"ok\"],{\"code\":1,\"message\":\"Unauthorized\"},7]}", 4);
        QCOMPARE(replies.size(), 4);
        QCOMPARE(replies.at(0).outcome, RpcReply::Outcome::MethodError);
        QVERIFY(replies.at(1).ok());
        QCOMPARE(replies.at(1).result.toString(), u"ok"_s);
        QCOMPARE(replies.at(2).outcome, RpcReply::Outcome::Unauthorized);
        QCOMPARE(replies.at(3).outcome, RpcReply::Outcome::Garbage);

        // Too few or too many answers: none is matched to a call by guesswork.
        const QList<RpcReply> short_ = parseMulticall("{\"result\":[[\"a\"]]}", 2);
        QCOMPARE(short_.size(), 2);
        QCOMPARE(short_.at(0).outcome, RpcReply::Outcome::Garbage);
        QCOMPARE(short_.at(1).outcome, RpcReply::Outcome::Garbage);
        // The whole request refused: every call is.
        const QList<RpcReply> refused = parseMulticall("{\"error\":{\"code\":1,\"message\":\"Unauthorized\"}}", 3);
        QCOMPARE(refused.size(), 3);
        QCOMPARE(refused.at(2).outcome, RpcReply::Outcome::Unauthorized);
    }

    void counts_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");   // -2: refused
        QTest::newRow("string") << QByteArray("\"1048576\"") << qint64(1048576);
        QTest::newRow("zero") << QByteArray("\"0\"") << qint64(0);
        QTest::newRow("number") << QByteArray("12") << qint64(12);
        QTest::newRow("past 2^62") << QByteArray("\"4611686018427387905\"") << qint64(-2);
        QTest::newRow("past 2^63") << QByteArray("\"99999999999999999999999\"") << qint64(-2);
        QTest::newRow("negative") << QByteArray("\"-1\"") << qint64(-2);
        QTest::newRow("plus") << QByteArray("\"+5\"") << qint64(-2);
        QTest::newRow("space") << QByteArray("\" 5\"") << qint64(-2);
        QTest::newRow("hex") << QByteArray("\"0x10\"") << qint64(-2);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-2);
        QTest::newRow("huge number") << QByteArray("1e300") << qint64(-2);
        QTest::newRow("null") << QByteArray("null") << qint64(-2);
        QTest::newRow("object") << QByteArray("{}") << qint64(-2);
        QTest::newRow("empty") << QByteArray("\"\"") << qint64(-2);
    }

    void counts()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const auto count = parseCount(json(value));
        QCOMPARE(count.value_or(-2), expected);
    }

    void statuses()
    {
        QString problem;
        const auto status = parseStatus(json("{\"gid\":\"2089b05ecca3d829\",\"status\":\"active\",\"totalLength\":\"100\",\"completedLength\":\"40\","
                                              "\"downloadSpeed\":\"7\",\"files\":[{\"path\":\"/srv/nas/a b.iso\"}]}"), &problem);
        QVERIFY2(status, qPrintable(problem));
        QCOMPARE(status->status, Status::Active);
        QCOMPARE(status->totalLength, 100);
        QCOMPARE(status->completedLength, 40);
        QCOMPARE(status->downloadSpeed, 7);
        QCOMPARE(status->path, u"/srv/nas/a b.iso"_s);

        const auto unknownSize = parseStatus(json("{\"gid\":\"2089b05ecca3d829\",\"status\":\"waiting\",\"totalLength\":\"0\",\"completedLength\":\"0\"}"), &problem);
        QVERIFY(unknownSize);
        QCOMPARE(unknownSize->totalLength, -1);

        for (const QByteArray &bad : {
                 QByteArray("{\"status\":\"active\",\"totalLength\":\"1\",\"completedLength\":\"0\"}"),                           // no gid
                 QByteArray("{\"gid\":\"zz89b05ecca3d829\",\"status\":\"active\",\"totalLength\":\"1\",\"completedLength\":\"0\"}"),  // not hex
                 QByteArray("{\"gid\":\"2089b05ecca3d829\",\"status\":\"sleeping\",\"totalLength\":\"1\",\"completedLength\":\"0\"}"),
                 QByteArray("{\"gid\":\"2089b05ecca3d829\",\"status\":\"active\",\"completedLength\":\"0\"}"),                   // no size
                 QByteArray("{\"gid\":\"2089b05ecca3d829\",\"status\":\"active\",\"totalLength\":\"10\",\"completedLength\":\"11\"}"),
                 QByteArray("{\"gid\":\"2089b05ecca3d829\",\"status\":\"active\",\"totalLength\":[],\"completedLength\":\"0\"}"),
                 QByteArray("\"2089b05ecca3d829\"")}) {
            problem.clear();
            QVERIFY2(!parseStatus(json(bad), &problem), bad.constData());
            QVERIFY(!problem.isEmpty());
        }
    }

    void aria2ErrorsAsSentences()
    {
        const TransferError notFound = errorForDownload(3, u"Resource not found"_s, u"NAS"_s);
        QCOMPARE(notFound.kind, ErrorKind::HttpStatus);
        QCOMPARE(notFound.httpStatus, 404);
        QCOMPARE(classify(notFound), ErrorClass::Permanent);
        QVERIFY(notFound.message.contains(u"404"_s));

        const TransferError forbidden = errorForDownload(22, u"The response status is not successful. status=403"_s, u"NAS"_s);
        QCOMPARE(forbidden.httpStatus, 403);

        const TransferError disk = errorForDownload(9, u"No space left"_s, u"NAS"_s);
        QCOMPARE(disk.kind, ErrorKind::LocalFile);
        QVERIFY(disk.message.contains(u"NAS"_s));

        const TransferError dropped = errorForDownload(6, u"Network problem"_s, u"NAS"_s);
        QCOMPARE(classify(dropped), ErrorClass::Retryable);

        const TransferError other = errorForDownload(28, u"Something aria2 says"_s, u"NAS"_s);
        QVERIFY(other.message.contains(u"Something aria2 says"_s));
        QVERIFY(other.message.contains(u"28"_s));

        RpcReply unreachable;
        unreachable.outcome = RpcReply::Outcome::Unreachable;
        unreachable.message = u"Connection refused"_s;
        const TransferError down = errorForReply(unreachable, u"NAS"_s);
        QCOMPARE(classify(down), ErrorClass::Retryable);
        QVERIFY(down.message.contains(u"“NAS” could not be reached"_s));
    }

    void secretFileIsTheOwnersAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secret"_s);
        QString error;
        QVERIFY(writeSecretFile(path, "s3cr3t-token", &error));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        QCOMPARE(readSecretFile(path, &error).value_or(QByteArray()), QByteArray("s3cr3t-token"));

        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(!readSecretFile(path, &error));
        QVERIFY(error.contains(u"chmod 600"_s));
        QVERIFY(!error.contains(u"s3cr3t"_s));

        QVERIFY(!readSecretFile(dir.filePath(u"missing"_s), &error));
        QVERIFY(!error.isEmpty());

        QVERIFY(writeSecretFile(path, "", &error));
        QVERIFY(!readSecretFile(path, &error));
        QVERIFY(error.contains(u"no token"_s));
    }
};

QTEST_GUILESS_MAIN(TestAria2Reply)
#include "tst_aria2reply.moc"
