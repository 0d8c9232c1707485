#include "http/httpbackend.h"

#include "disk/foundpart.h"
#include "disk/partfile.h"
#include "http/segmentedtransfer.h"

#include <QFile>
#include <QStringList>
#include <QFileInfo>

namespace Quiver {

HttpBackend::HttpBackend(const HttpSettings *settings)
    : m_settings(settings)
{
    m_services.names = &m_names;
    m_services.remover = &m_remover;
    m_services.checksums = &m_checksums;
}

// The item's own count over the global one. A restored item may carry any number: the engine allows 1 to maxSegments.
int HttpBackend::segmentsFor(const DownloadItem &item) const
{
    return qBound(1, item.segmentsOr(m_settings->segments), maxSegments);
}

Transfer *HttpBackend::create(const DownloadItem &item, QObject *parent)
{
    // The item's own limit as it was saved or set; setDownloadRateLimit() changes it while it runs.
    if (m_limiter.downloadRate(item.id) != item.rateLimit)
        m_limiter.setDownloadRate(item.id, item.rateLimit);
    const int segments = segmentsFor(item);
    // Ranges left by a segmented attempt stay segmented even with one connection now: that one goes from
    // hole to hole, where one stream would fetch again everything after the first hole. With no extra
    // connection lent by the scheduler, a segmented transfer is one stream.
    const bool hasRanges = SegmentedTransfer::recordedRanges(item).has_value();
    if (segments > 1 || hasRanges) {
        HttpSettings settings = *m_settings;
        settings.segments = segments;
        auto *segmented = new SegmentedTransfer(item, &m_pool, m_services, settings, &m_limiter, parent);
        m_segmented.removeIf([](const std::pair<const DownloadId &, QPointer<SegmentedTransfer> &> &entry) {
            return entry.second.isNull();   // attempts that ended
        });
        m_segmented.insert(item.id, segmented);
        return segmented;
    }
    // Ranges left by a segmented attempt: one stream continues from the bytes before the first hole.
    if (item.backendState.contains(QLatin1String("ranges")))
        return new HttpTransfer(SegmentedTransfer::asOneStream(item), &m_pool, m_services, *m_settings, &m_limiter,
                                parent);
    return new HttpTransfer(item, &m_pool, m_services, *m_settings, &m_limiter, parent);
}

bool HttpBackend::setDownloadSegments(const DownloadItem &item)
{
    SegmentedTransfer *running = m_segmented.value(item.id);
    return running && running->setConnections(segmentsFor(item));
}

void HttpBackend::claimName(DownloadItem &item, const QString &name)
{
    if (const std::optional<FoundPart> found = FoundPart::adopt(m_names, item.directory, name, item.url)) {
        item.fileName = found->fileName;
        item.bytesReceived = found->size;
        item.bytesTotal = found->origin.total;
        item.etag = found->origin.etag;
        item.lastModified = found->origin.lastModified;
        return;
    }
    const QString path = m_names.claim(item.directory, name);
    item.fileName = path.isEmpty() ? QString() : QFileInfo(path).fileName();
    // An out= name is in the queue file with its item once the item is saved; a crash before that leaves
    // no .part either, since none is made before the first answer, when the name is recorded again.
}

// The session's byte count can be seconds old; the .part holds what really arrived. Trusted when the file
// records this link as its origin (the overlap check of the next answer covers a damaged tail).
void HttpBackend::takeBytesOnDisk(DownloadItem &item) const
{
    if (item.fileName.isEmpty() || item.state == DownloadState::Finished || item.linkChanged())
        return;
    const qint64 size = PartFile::existingSize(item.partPath());
    if (size <= item.bytesReceived)
        return;
    const std::optional<PartOrigin> origin = PartOrigin::readFrom(item.partPath());
    if (!origin || !origin->isFrom(item.url) || (origin->total >= 0 && size > origin->total))
        return;
    item.bytesReceived = size;
    if (item.bytesTotal < 0)
        item.bytesTotal = origin->total;
    if (item.etag.isEmpty() && item.lastModified.isEmpty()) {
        item.etag = origin->etag;
        item.lastModified = origin->lastModified;
    }
}

void HttpBackend::restore(DownloadItem &item)
{
    if (!item.fileName.isEmpty() && !m_names.adopt(item.targetPath())) {
        // Another item already holds the name: this one picks a fresh name and starts over.
        item.fileName.clear();
        item.fileNameFromUser = false;
        item.bytesReceived = 0;
    }
    takeBytesOnDisk(item);
    if (item.state != DownloadState::Finished && !item.fileName.isEmpty() && !QFile::exists(item.partPath())) {
        // The crash came after the rename but before the queue was saved again: the final file is ours
        // and complete, and starting over could not replace it anyway. Ours: the file records this link,
        // or (where files keep no attributes) the item was started under a name claimed when nothing had
        // it, and the size is right as far as it is known.
        const QFileInfo target(item.targetPath());
        const std::optional<PartOrigin> origin = PartOrigin::readFrom(item.targetPath());
        const bool ours = origin ? origin->isFrom(item.url)
                                 : (item.attempts > 0 || isActive(item.state))
                                       && (item.bytesTotal < 0 || target.size() == item.bytesTotal);
        if (target.isFile() && !target.isSymLink() && ours) {
            item.state = DownloadState::Finished;
            item.bytesReceived = target.size();
            item.bytesTotal = target.size();
        }
    }
}

void HttpBackend::discardPart(const DownloadItem &item, Deleted done)
{
    if (item.fileName.isEmpty()) {
        done({});
        return;
    }
    // The name stays the item's; a next attempt opens the .part only after this deletion (pendingFor()).
    m_remover.remove({item.partPath()}, std::move(done));
}

void HttpBackend::release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done)
{
    QStringList names;
    QStringList files;
    for (const DownloadItem &item : items) {
        if (item.fileName.isEmpty())
            continue;
        names.append(item.targetPath());
        if (deleteFiles)
            files.append(item.state == DownloadState::Finished ? item.targetPath() : item.partPath());
    }
    // A name is free once its file is gone, not before: a new download must not get it meanwhile and
    // then find the old file there.
    m_remover.remove(files, [this, names, done = std::move(done)](const QStringList &problems) {
        for (const QString &name : names)
            m_names.release(name);
        done(problems);
    });
}

} // namespace Quiver
