#include "engine/enginerouter.h"

#include "queue/transfer.h"
#include "remote/aria2backend.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace Quiver {

namespace {

// The attempt of a row whose engine is not known: it ends at once with the reason, so the row fails with a
// sentence instead of waiting for an engine that is not coming.
class MissingEngineTransfer final : public Transfer
{
public:
    MissingEngineTransfer(const DownloadItem &item, QObject *parent)
        : Transfer(parent)
        , m_engine(item.engine)
        , m_bytes(item.bytesReceived)
        , m_total(item.bytesTotal)
    {
    }

    void start() override
    {
        // Not before start() returns: the scheduler is still bookkeeping.
        QTimer::singleShot(0, this, [this] {
            TransferResult result;
            result.error.kind = ErrorKind::Engine;
            result.error.message = QCoreApplication::translate(
                                       "Quiver::EngineRouter",
                                       "The engine “%1” is not in Settings any more. Add it again under "
                                       "Settings → Engines, then retry.")
                                       .arg(m_engine);
            end(result);
        });
    }

    void stop() override
    {
        TransferResult result;
        result.error.kind = ErrorKind::Canceled;
        end(result);
    }

private:
    void end(TransferResult result)
    {
        if (m_ended)
            return;
        m_ended = true;
        result.bytesOnDisk = m_bytes;
        result.bytesTotal = m_total;
        emit finished(result);
    }

    QString m_engine;
    qint64 m_bytes = 0;
    qint64 m_total = -1;
    bool m_ended = false;
};

} // namespace

EngineRouter::EngineRouter(DownloadBackend *local)
    : m_local(local)
{
}

EngineRouter::~EngineRouter() = default;

void EngineRouter::setRemote(const QString &name, std::unique_ptr<Aria2::Backend> backend)
{
    retire(std::exchange(m_remotes[name], std::move(backend)));
}

void EngineRouter::removeRemote(const QString &name)
{
    const auto found = m_remotes.find(name);
    if (found == m_remotes.end())
        return;
    std::unique_ptr<Aria2::Backend> leaving = std::move(found->second);
    m_remotes.erase(found);
    retire(std::move(leaving));
}

void EngineRouter::retire(std::unique_ptr<Aria2::Backend> backend)
{
    if (backend && m_releasesWaiting.value(backend.get()) > 0)
        m_retired.push_back(std::move(backend));
}

void EngineRouter::releaseAnswered(Aria2::Backend *backend)
{
    const auto found = m_releasesWaiting.find(backend);
    if (found == m_releasesWaiting.end() || --found.value() > 0)
        return;
    m_releasesWaiting.erase(found);
    // Called from inside the backend's own answer: its end waits for the event loop.
    QMetaObject::invokeMethod(&m_context, [this, backend] {
        if (m_releasesWaiting.contains(backend))
            return;   // another release of it is waiting for its answer
        std::erase_if(m_retired, [backend](const std::unique_ptr<Aria2::Backend> &retired) {
            return retired.get() == backend;
        });
    }, Qt::QueuedConnection);
}

Aria2::Backend *EngineRouter::remote(const QString &name) const
{
    const auto found = m_remotes.find(name);
    return found == m_remotes.end() ? nullptr : found->second.get();
}

QStringList EngineRouter::remoteNames() const
{
    QStringList names;
    for (const auto &[name, backend] : m_remotes)
        names.append(name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

DownloadBackend *EngineRouter::backendOf(const DownloadItem &item) const
{
    if (item.engine.isEmpty())
        return m_local;
    return remote(item.engine);
}

DownloadBackend::Capabilities EngineRouter::capabilities(const DownloadItem &item) const
{
    const DownloadBackend *backend = backendOf(item);
    return backend ? backend->capabilities(item) : Capabilities{};
}

Transfer *EngineRouter::create(const DownloadItem &item, QObject *parent)
{
    if (DownloadBackend *backend = backendOf(item))
        return backend->create(item, parent);
    return new MissingEngineTransfer(item, parent);
}

void EngineRouter::claimName(DownloadItem &item, const QString &name)
{
    if (DownloadBackend *backend = backendOf(item))
        backend->claimName(item, name);
    else
        item.fileName = name;   // the engine decides when it is back; nothing here to claim it in
}

void EngineRouter::restore(DownloadItem &item)
{
    if (DownloadBackend *backend = backendOf(item))
        backend->restore(item);
}

void EngineRouter::discardPart(const DownloadItem &item, Deleted done)
{
    if (DownloadBackend *backend = backendOf(item))
        backend->discardPart(item, std::move(done));
    else
        done({});
}

void EngineRouter::release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done)
{
    // One release per engine, in one go each (a remote one is one request for all its items); done runs
    // once, when the last has answered, with every engine's problems.
    QHash<DownloadBackend *, QList<DownloadItem>> byBackend;
    QStringList unknownEngines;
    for (const DownloadItem &item : items) {
        if (DownloadBackend *backend = backendOf(item))
            byBackend[backend].append(item);
        else if (deleteFiles && !item.fileName.isEmpty())
            unknownEngines.append(QCoreApplication::translate("Quiver::EngineRouter",
                                                              "%1 stays on the engine “%2”, which is not in "
                                                              "Settings any more. Delete it on that machine.")
                                      .arg(item.targetPath(), item.engine));
    }
    struct Pending {
        int left = 0;
        QStringList problems;
        Deleted done;
    };
    auto pending = std::make_shared<Pending>(Pending{int(byBackend.size()), unknownEngines, std::move(done)});
    if (pending->left == 0) {
        pending->done(pending->problems);
        return;
    }
    for (auto it = byBackend.cbegin(); it != byBackend.cend(); ++it) {
        // A remote engine removed meanwhile stays until it has answered (see retire()).
        Aria2::Backend *remote = nullptr;
        for (const auto &[name, candidate] : m_remotes) {
            if (candidate.get() == it.key())
                remote = candidate.get();
        }
        if (remote)
            ++m_releasesWaiting[remote];
        QPointer<QObject> router = &m_context;
        it.key()->release(it.value(), deleteFiles, [this, router, remote, pending](const QStringList &problems) {
            pending->problems += problems;
            if (--pending->left == 0)
                pending->done(pending->problems);
            if (remote && router)
                releaseAnswered(remote);
        });
    }
}

} // namespace Quiver
