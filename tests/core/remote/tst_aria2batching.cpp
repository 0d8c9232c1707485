// Many calls to one aria2 daemon in the same turn of the event loop (Start All, Pause All, Remove over
// thousands of rows) go out as a few system.multicall requests instead of one request each, counted on the
// wire through a proxy; each call still gets its own answer, and a call aria2 refuses fails alone.

#include "aria2fixture.h"
#include "rpccountingproxy.h"

#include "remote/aria2monitor.h"
#include "remote/aria2rpc.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestAria2Batching final : public QObject
{
    Q_OBJECT

    // Sends calls through rpc in one turn; false unless each got exactly one reply.
    [[nodiscard]] static bool callAll(Aria2::Rpc &rpc, const QList<Aria2::Call> &calls, QList<Aria2::RpcReply> *replies)
    {
        replies->fill(Aria2::RpcReply{}, calls.size());
        QList<int> answered(calls.size(), 0);
        int done = 0;
        for (qsizetype i = 0; i < calls.size(); ++i) {
            rpc.call(calls.at(i), [&, i](const Aria2::RpcReply &reply) {
                (*replies)[i] = reply;
                ++answered[i];
                ++done;
            });
        }
        if (!QTest::qWaitFor([&] { return done >= calls.size(); }, 60000))
            return false;
        QTest::qWait(0);   // a second answer to any call would come now
        return !answered.contains(0) && answered.count(1) == answered.size();
    }

    static QString linkFor(int i) { return u"http://127.0.0.1:9/file.bin?row=%1"_s.arg(i); }

private slots:
    void manyCallsInOneTurnGoOutAsFewMulticallsEachCallWithItsOwnAnswer()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RpcCountingProxy wire(aria2.rpcUrl());
        QVERIFY(wire.listen());
        Aria2::Rpc rpc(wire.url(), aria2.secret());

        // 900 links added paused (nothing is fetched), one of them refused by aria2 (a link list that is
        // not a list), in one turn.
        constexpr int rows = 900;
        constexpr int refused = 417;
        QList<Aria2::Call> adds;
        for (int i = 0; i < rows; ++i) {
            const QJsonValue links = i == refused ? QJsonValue(u"not a list"_s) : QJsonValue(QJsonArray{linkFor(i)});
            adds.append(Aria2::Call{u"aria2.addUri"_s, QJsonArray{links, QJsonObject{{"pause"_L1, "true"_L1}}}});
        }
        QList<Aria2::RpcReply> added;
        QVERIFY(callAll(rpc, adds, &added));

        const qsizetype batches = (rows + Aria2::Rpc::batchLimit() - 1) / Aria2::Rpc::batchLimit();
        QCOMPARE(wire.requests().size(), batches);
        QCOMPARE(wire.count(u"system.multicall"_s), batches);
        int inner = 0;
        for (const RpcCountingProxy::Request &request : wire.requests()) {
            QVERIFY(request.innerCalls <= Aria2::Rpc::batchLimit());
            inner += request.innerCalls;
        }
        QCOMPARE(inner, rows);

        QStringList gids;
        for (int i = 0; i < rows; ++i) {
            if (i == refused) {
                QCOMPARE(added.at(i).outcome, Aria2::RpcReply::Outcome::MethodError);
                continue;
            }
            QVERIFY2(added.at(i).ok(), qPrintable(u"row %1: %2"_s.arg(i).arg(added.at(i).message)));
            QVERIFY(Aria2::isGid(added.at(i).result.toString()));
            gids.append(added.at(i).result.toString());
        }
        QCOMPARE(QSet<QString>(gids.cbegin(), gids.cend()).size(), rows - 1);

        // Each answer belongs to its own call: the gid each row got holds that row's link.
        QList<Aria2::Call> asks;
        for (const QString &gid : gids)
            asks.append(Aria2::Call{u"aria2.getUris"_s, QJsonArray{gid}});
        QList<Aria2::RpcReply> uris;
        QVERIFY(callAll(rpc, asks, &uris));
        for (int i = 0, g = 0; i < rows; ++i) {
            if (i == refused)
                continue;
            const Aria2::RpcReply &reply = uris.at(g++);
            QVERIFY2(reply.ok(), qPrintable(reply.message));
            QCOMPARE(reply.result.toArray().at(0).toObject().value("uri"_L1).toString(), linkFor(i));
        }
    }

    // Long links (signed CDN links run to kilobytes) fill a request before the count limit does: each request
    // stays under the daemon's limit, so aria2 refuses none of them, and every link is added.
    void longLinksAreSplitByBytesNotOnlyByCount()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RpcCountingProxy wire(aria2.rpcUrl());
        QVERIFY(wire.listen());
        Aria2::Rpc rpc(wire.url(), aria2.secret());

        constexpr int rows = 300;   // under the count limit, about 3 MiB of links
        const QString signature(10 * 1024, u'x');
        QList<Aria2::Call> adds;
        for (int i = 0; i < rows; ++i) {
            const QString link = linkFor(i) + u"&sig="_s + signature;
            adds.append(Aria2::Call{u"aria2.addUri"_s, QJsonArray{QJsonArray{link}, QJsonObject{{"pause"_L1, "true"_L1}}}});
        }
        QList<Aria2::RpcReply> added;
        QVERIFY(callAll(rpc, adds, &added));
        for (int i = 0; i < rows; ++i)
            QVERIFY2(added.at(i).ok(), qPrintable(u"row %1: %2"_s.arg(i).arg(added.at(i).message)));

        const QList<RpcCountingProxy::Request> requests = wire.requests();
        QVERIFY(requests.size() >= 2);
        int inner = 0;
        for (const RpcCountingProxy::Request &request : requests) {
            QVERIFY(request.bodyBytes <= Aria2::Rpc::maxRequestBytes());
            inner += request.innerCalls;
        }
        QCOMPARE(inner, rows);
    }

    void aLoneCallGoesOutAsItself()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RpcCountingProxy wire(aria2.rpcUrl());
        QVERIFY(wire.listen());
        Aria2::Rpc rpc(wire.url(), aria2.secret());
        QList<Aria2::RpcReply> replies;
        QVERIFY(callAll(rpc, {Aria2::Call{u"aria2.getVersion"_s, {}}}, &replies));
        QVERIFY(replies.constFirst().ok());
        QCOMPARE(wire.requests().size(), 1);
        QCOMPARE(wire.count(u"aria2.getVersion"_s), 1);
    }

    // A daemon that cannot be reached gives every batched call that answer, each once.
    void aDaemonThatIsDownFailsEveryBatchedCall()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        const QUrl gone = aria2.rpcUrl();
        aria2.stop();
        Aria2::Rpc rpc(gone, aria2.secret());
        QList<Aria2::Call> calls(450, Aria2::Call{u"aria2.getVersion"_s, {}});
        QList<Aria2::RpcReply> replies;
        QVERIFY(callAll(rpc, calls, &replies));
        for (const Aria2::RpcReply &reply : replies)
            QCOMPARE(reply.outcome, Aria2::RpcReply::Outcome::Unreachable);
    }

    // A refresh that would pass aria2's request limit (2 MiB by default) is split into requests under it,
    // and every followed download still hears from the daemon.
    void aPollPastTheDaemonsRequestLimitIsSplit()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RpcCountingProxy wire(aria2.rpcUrl());
        QVERIFY(wire.listen());
        Aria2::Monitor monitor(u"NAS"_s, wire.url(), aria2.secret());
        monitor.setRefreshInterval(std::chrono::milliseconds(50));

        // Gids the daemon does not know: each is answered with aria2's own "not found", which shows the
        // question reached aria2 (a refused request would make every answer Unreachable or Garbage).
        constexpr int rows = 14000;
        auto owner = std::make_unique<QObject>();
        QList<Aria2::RpcReply::Outcome> first(rows, Aria2::RpcReply::Outcome::Result);
        QList<int> heard(rows, 0);
        int answered = 0;
        for (int i = 0; i < rows; ++i) {
            monitor.watch(u"%1"_s.arg(i, 16, 16, QLatin1Char('0')), owner.get(), [&, i](const Aria2::RpcReply &reply) {
                if (heard[i]++ == 0) {
                    first[i] = reply.outcome;
                    ++answered;
                }
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, rows, 60000);
        owner.reset();
        for (int i = 0; i < rows; ++i)
            QCOMPARE(first.at(i), Aria2::RpcReply::Outcome::MethodError);

        // The first refresh went out in more than one request, each under the limit, all rows asked once.
        const QList<RpcCountingProxy::Request> requests = wire.requests();
        int asked = 0;
        int parts = 0;
        for (const RpcCountingProxy::Request &request : requests) {
            if (asked >= rows)
                break;
            QCOMPARE(request.method, u"system.multicall"_s);
            asked += request.innerCalls;
            ++parts;
        }
        QCOMPARE(asked, rows);
        QVERIFY(parts >= 2);
    }
};

QTEST_GUILESS_MAIN(TestAria2Batching)
#include "tst_aria2batching.moc"
