#pragma once

#include "queue/downloadbackend.h"

#include <QHash>
#include <QUrl>

#include <chrono>
#include <memory>

namespace Quiver::Aria2 {

class Monitor;
class Transfer;

// Where to find one aria2 daemon: the name the user gave it, its JSON-RPC address and its secret token.
struct Endpoint {
    QString name;
    QUrl url;
    QByteArray secret;
};

// Downloads on an aria2 daemon, behind the same interface as this computer's: the scheduler starts and
// stops them; the files, their names and their partial bytes live on the daemon's disk, in the folder the
// item names there. aria2 is started with max-tries 1 for each download, so the retries are Quiver's
// (with the same backoff and budget as local ones).
class Backend final : public DownloadBackend
{
public:
    explicit Backend(const Endpoint &endpoint);
    ~Backend() override;

    Monitor *monitor() const { return m_monitor.get(); }
    void setRefreshInterval(std::chrono::milliseconds interval);

    Quiver::Transfer *create(const DownloadItem &item, QObject *parent) override;
    // The daemon picks and numbers names itself (aria2's auto-file-renaming): out= is passed on as asked.
    void claimName(DownloadItem &item, const QString &name) override;
    void restore(DownloadItem &item) override;
    void discardPart(const DownloadItem &item, Deleted done) override;
    void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) override;

    // item.rateLimit is the download's own limit now: on the daemon at once, whether it runs there (aria2
    // slows it down or lets it go at once) or waits paused; a download not added yet gets it when it is.
    void setDownloadRate(const DownloadItem &item);

private:
    // Drops the gids' downloads and results on the daemon in one request, then runs done.
    void forgetOnDaemon(const QList<DownloadItem> &items, std::function<void()> done);
    // Follows a removed download that was still running until aria2 has stopped it, then drops its result.
    void dropResultOnceStopped(const QString &gid);

    std::unique_ptr<Monitor> m_monitor;
    QHash<DownloadId, Aria2::Transfer *> m_attempts;   // the attempt under way for each item, if any
};

} // namespace Quiver::Aria2
