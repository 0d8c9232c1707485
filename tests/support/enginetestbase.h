#pragma once

// Shared set-up for the engine's integration tests: an engine with short timeouts and backoff, a fresh
// target folder, and helpers to queue links and wait until the queue settles.

#include "engine/downloadengine.h"
#include "faultserver.h"
#include "links/linksparser.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "testutil.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Quiver::Test {

class EngineHarness
{
public:
    EngineHarness()
    {
        EngineSettings settings;
        settings.maxParallel = 8;
        settings.perHost = 8;
        settings.http.connectTimeout = std::chrono::milliseconds(2000);
        settings.http.stallTimeout = std::chrono::milliseconds(1000);
        settings.retry.maxRetries = 4;
        settings.retry.baseDelay = std::chrono::milliseconds(20);
        settings.retry.maxDelay = std::chrono::milliseconds(200);
        engine.applySettings(settings);
    }

    void configure(const std::function<void(EngineSettings &)> &change)
    {
        EngineSettings settings = engine.settings();
        change(settings);
        engine.applySettings(settings);
    }

    DownloadId add(const QUrl &url, const LinkOptions &options = {})
    {
        Link link;
        link.url = url;
        link.options = options;
        return engine.add({link}, dir.path()).constFirst();
    }

    QList<DownloadId> addMany(const QList<QUrl> &urls)
    {
        QList<Link> links;
        for (const QUrl &url : urls) {
            Link link;
            link.url = url;
            links.append(link);
        }
        return engine.add(links, dir.path());
    }

    // Waits (spinning the event loop, so the in-process server keeps serving) until nothing is running,
    // waiting or due for a retry.
    [[nodiscard]] bool waitIdle(int timeoutMs = 20000)
    {
        if (engine.scheduler()->isIdle())
            return true;
        QSignalSpy idle(engine.scheduler(), &Scheduler::idle);
        return idle.wait(timeoutMs);
    }

    const DownloadItem &item(DownloadId id) const { return *engine.model()->find(id); }
    QString path(const QString &name) const { return QDir(dir.path()).filePath(name); }
    QStringList files() const { return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System); }

    QTemporaryDir dir;
    DownloadEngine engine;
};

} // namespace Quiver::Test

// Asserts an item finished with exactly the expected bytes under the expected name.
#define QUIVER_VERIFY_FILE(harness, id, name, content)                                                        \
    do {                                                                                                       \
        const auto &it_ = (harness).item(id);                                                                  \
        QVERIFY2(it_.state == Quiver::DownloadState::Finished, qPrintable(it_.lastError));                    \
        QCOMPARE(it_.fileName, QString(name));                                                                 \
        QCOMPARE(Quiver::Test::fileSha256((harness).path(name)), Quiver::Test::sha256(content)); \
        QVERIFY(!QFile::exists((harness).path(name) + QLatin1String(".part")));                               \
    } while (false)
