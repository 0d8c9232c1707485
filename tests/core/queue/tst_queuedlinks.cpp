// The one index of queued links (DownloadEngine::queuedLinks()), which the window and quiver-cli share.

#include "engine/downloadengine.h"
#include "links/linksparser.h"
#include "queue/queuedlinks.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"

#include "parsedlinks.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {
Link linkTo(const QString &url)
{
    return Link{QUrl(url), 0, {}};
}
} // namespace

class TestQueuedLinks final : public QObject
{
    Q_OBJECT

private slots:
    void claimsEachLinkOnce()
    {
        DownloadEngine engine;
        QueuedLinks &queued = *engine.queuedLinks();
        const QList<Link> first = queued.claimNew({linkTo(u"http://127.0.0.1:9/a"_s), linkTo(u"http://127.0.0.1:9/b"_s),
                                                   linkTo(u"http://127.0.0.1:9/a"_s)}, {});
        QCOMPARE(Test::urlsOf(first), QStringList({u"http://127.0.0.1:9/a"_s, u"http://127.0.0.1:9/b"_s}));
        // Claimed links count as queued while they are on their way, before any row exists.
        QVERIFY(queued.contains(linkIdentity(QUrl(u"http://127.0.0.1:9/b"_s))));
        const QList<Link> second = queued.claimNew({linkTo(u"http://127.0.0.1:9/b"_s), linkTo(u"http://127.0.0.1:9/c"_s)}, {});
        QCOMPARE(Test::urlsOf(second), QStringList({u"http://127.0.0.1:9/c"_s}));
    }

    void followsRestoreRemoveAndLinkChanges()
    {
        QTemporaryDir dir;
        DownloadEngine engine;
        QueuedLinks &queued = *engine.queuedLinks();
        DownloadItem item;
        item.url = QUrl(u"http://127.0.0.1:9/old"_s);
        item.directory = dir.path();
        item.state = DownloadState::Paused;
        item.intent = Intent::Pause;
        const QList<DownloadId> ids = engine.restore({item});
        const QString oldLink = linkIdentity(item.url);
        QVERIFY(queued.contains(oldLink));
        QVERIFY(queued.claimNew({linkTo(u"http://127.0.0.1:9/old"_s)}, {}).isEmpty());

        QVERIFY(engine.scheduler()->changeLink(ids.at(0), QUrl(u"http://127.0.0.1:9/new"_s)));
        QVERIFY(!queued.contains(oldLink));
        QVERIFY(queued.contains(linkIdentity(QUrl(u"http://127.0.0.1:9/new"_s))));

        engine.remove(ids, false);
        QVERIFY(!queued.contains(linkIdentity(QUrl(u"http://127.0.0.1:9/new"_s))));
        QCOMPARE(queued.claimNew({linkTo(u"http://127.0.0.1:9/new"_s)}, {}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestQueuedLinks)
#include "tst_queuedlinks.moc"
