#pragma once

#include "queue/downloadbackend.h"

#include <QHash>
#include <QObject>

#include <map>
#include <memory>
#include <vector>

namespace Quiver {

namespace Aria2 {
class Backend;
}

// "This computer" and the remote engines as one DownloadBackend for the scheduler: each item goes to the
// backend of its own engine (DownloadItem::engine; empty is this computer). An item naming an engine that is
// not known (removed from Settings since the row was queued) gets attempts that fail with a sentence saying
// so, and its row stays.
class EngineRouter final : public DownloadBackend
{
public:
    explicit EngineRouter(DownloadBackend *local);
    ~EngineRouter() override;

    // Adds or replaces the engine of that name; rows of a replaced engine go to the new one from their next
    // attempt on (the running ones end first: the caller stops them).
    void setRemote(const QString &name, std::unique_ptr<Aria2::Backend> backend);
    // Forgets the engine; its rows' next attempts fail until an engine of that name is added again.
    void removeRemote(const QString &name);
    Aria2::Backend *remote(const QString &name) const;
    QStringList remoteNames() const;

    Capabilities capabilities(const DownloadItem &item) const override;
    Transfer *create(const DownloadItem &item, QObject *parent) override;
    void claimName(DownloadItem &item, const QString &name) override;
    void restore(DownloadItem &item) override;
    void discardPart(const DownloadItem &item, Deleted done) override;
    void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) override;

private:
    // The item's backend, or null when its engine is not known.
    DownloadBackend *backendOf(const DownloadItem &item) const;
    // An engine leaving (removed, or replaced under its name) goes at once, unless a release of its rows is
    // still waiting for the daemon's answer: then it stays until that answer, and goes from the event loop.
    void retire(std::unique_ptr<Aria2::Backend> backend);
    void releaseAnswered(Aria2::Backend *backend);

    DownloadBackend *m_local = nullptr;
    std::map<QString, std::unique_ptr<Aria2::Backend>> m_remotes;
    // The answer to a release arrives in a reply that the backend's own RPC client owns, so a backend must
    // never be destroyed inside it: Qt would delete that reply a second time.
    QHash<const Aria2::Backend *, int> m_releasesWaiting;
    std::vector<std::unique_ptr<Aria2::Backend>> m_retired;
    QObject m_context;   // queued calls to this router; gone with it, so none arrives after
};

} // namespace Quiver
