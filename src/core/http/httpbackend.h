#pragma once

#include "http/httptransfer.h"
#include "http/networkpool.h"
#include "http/ratelimiter.h"
#include "queue/downloadbackend.h"
#include "disk/downloadtarget.h"
#include "disk/fileremover.h"
#include "disk/nameregistry.h"
#include "links/checksumlist.h"

#include <QHash>
#include <QPointer>

namespace Quiver {

class SegmentedTransfer;

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
    // The item's connection count changed (DownloadItem::segments): a segmented attempt of it that runs
    // takes the new count at once (SegmentedTransfer::setConnections) and this returns true. False when
    // no such attempt runs (none at all, or one stream): the next attempt takes the count.
    bool setDownloadSegments(const DownloadItem &item);
    // The smallest piece one connection gets: a download with less than two of them left is one stream.
    qint64 minSegmentSize() const { return m_settings->minSegmentSize; }

private:
    void takeBytesOnDisk(DownloadItem &item) const;
    int segmentsFor(const DownloadItem &item) const;

    NetworkPool m_pool;
    RateLimiter m_limiter;   // before the transfers go (they leave it), after it is made
    NameRegistry m_names;
    FileRemover m_remover;
    ChecksumList m_checksums;
    TargetServices m_services;
    const HttpSettings *m_settings;
    QHash<DownloadId, QPointer<SegmentedTransfer>> m_segmented;   // the running segmented attempts
};

} // namespace Quiver
