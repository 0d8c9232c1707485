#pragma once

#include "http/httptransfer.h"
#include "http/networkpool.h"
#include "http/ratelimiter.h"
#include "queue/downloadbackend.h"
#include "disk/downloadtarget.h"
#include "disk/fileremover.h"
#include "disk/nameregistry.h"
#include "links/checksumlist.h"

namespace Quiver {

// This computer's downloads: HTTP attempts into .part files in local folders, with the names in use here.
class HttpBackend final : public DownloadBackend
{
public:
    explicit HttpBackend(const HttpSettings *settings);

    Transfer *create(const DownloadItem &item, QObject *parent) override;
    void claimName(DownloadItem &item, const QString &name) override;
    void restore(DownloadItem &item) override;
    void discardPart(const DownloadItem &item, Deleted done) override;
    void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) override;

    NameRegistry *names() { return &m_names; }
    // Deletes files that belong to no item (leftovers the user chose to delete), off this thread.
    void deleteFiles(const QStringList &paths, Deleted done) { m_remover.remove(paths, std::move(done)); }
    // See TargetServices::recordName; set by the front that keeps a queue file.
    void setNameRecorder(decltype(TargetServices::recordName) record) { m_services.recordName = std::move(record); }
    int managerCount() const { return m_pool.managerCount(); }
    RateLimiter *rateLimiter() { return &m_limiter; }
    // See TargetServices::checksums: lists added here check files that finish from now on.
    void addChecksums(const ChecksumList &list) { m_checksums.merge(list); }
    const ChecksumList &checksums() const { return m_checksums; }
    NetworkPool *networkPool() { return &m_pool; }

private:
    void takeBytesOnDisk(DownloadItem &item) const;

    NetworkPool m_pool;
    RateLimiter m_limiter;   // before the transfers go (they leave it), after it is made
    NameRegistry m_names;
    FileRemover m_remover;
    ChecksumList m_checksums;
    TargetServices m_services;
    const HttpSettings *m_settings;
};

} // namespace Quiver
