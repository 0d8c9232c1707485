#pragma once

#include "queue/downloadbackend.h"

#include <QUrl>

#include <chrono>
#include <memory>

namespace Quiver::Aria2 {

class Monitor;

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

    Transfer *create(const DownloadItem &item, QObject *parent) override;
    // The daemon picks and numbers names itself (aria2's auto-file-renaming): out= is passed on as asked.
    void claimName(DownloadItem &item, const QString &name) override;
    void restore(DownloadItem &item) override;
    void discardPart(const DownloadItem &item, Deleted done) override;
    void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) override;

private:
    // Drops the gids' downloads and results on the daemon in one request, then runs done.
    void forgetOnDaemon(const QList<DownloadItem> &items, std::function<void()> done);

    std::unique_ptr<Monitor> m_monitor;
};

} // namespace Quiver::Aria2
