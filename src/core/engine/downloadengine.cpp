#include "engine/downloadengine.h"

#include "disk/nameregistry.h"
#include "engine/enginerouter.h"
#include "http/httpbackend.h"
#include "http/segmentedtransfer.h"
#include "http/smallfetch.h"
#include "links/filenames.h"
#include "links/linksparser.h"
#include "queue/queuedlinks.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "remote/aria2backend.h"
#include "remote/aria2monitor.h"
#include "session/sessionstore.h"
#include "util/diskpath.h"

#include "util/runinthreadpool.h"

#include <QDir>
#include <QFutureWatcher>
#include <QPointer>
#include <QSet>

namespace Quiver {

DownloadEngine::DownloadEngine(QObject *parent)
    : DownloadEngine(nullptr, parent)
{
}

DownloadEngine::DownloadEngine(std::unique_ptr<Aria2::Backend> defaultEngine, QObject *parent)
    : QObject(parent)
    , m_backend(std::make_unique<HttpBackend>(&m_settings.http))
    , m_engines(std::make_unique<EngineRouter>(m_backend.get()))
    , m_model(std::make_unique<QueueModel>())
    , m_scheduler(std::make_unique<Scheduler>(m_model.get(), m_engines.get()))
    , m_queuedLinks(std::make_unique<QueuedLinks>(m_model.get(), m_scheduler.get()))
{
    connect(m_scheduler.get(), &Scheduler::filesNotDeleted, this, &DownloadEngine::filesNotDeleted);
    applySettings(m_settings);
    if (defaultEngine) {
        m_defaultEngine = defaultEngine->monitor()->name();
        setRemoteEngine(std::move(defaultEngine));
    }
}

DownloadEngine::~DownloadEngine()
{
    m_scheduler.reset();
}

void DownloadEngine::setRemoteEngine(std::unique_ptr<Aria2::Backend> backend)
{
    const QString name = backend->monitor()->name();
    const bool replaced = m_engines->remote(name) != nullptr;
    m_engines->setRemote(name, std::move(backend));
    if (replaced)
        restartRunningOn(name);
}

void DownloadEngine::removeRemoteEngine(const QString &name)
{
    if (!m_engines->remote(name))
        return;
    m_engines->removeRemote(name);
    restartRunningOn(name);
}

QStringList DownloadEngine::remoteEngineNames() const
{
    return m_engines->remoteNames();
}

Aria2::Backend *DownloadEngine::remoteEngine(const QString &name) const
{
    return m_engines->remote(name);
}

void DownloadEngine::restartRunningOn(const QString &engine)
{
    // Their attempts followed the daemon through the engine that is gone: paused (which ends them at once,
    // nothing being left to ask) and queued again, they start over on the engine as it is now.
    QList<DownloadId> running;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const DownloadItem &item = m_model->at(row);
        if (item.engine == engine && item.intent == Intent::Run && isActive(item.state))
            running.append(item.id);
    }
    if (running.isEmpty())
        return;
    m_scheduler->pause(running);
    m_scheduler->resume(running);
}

int DownloadEngine::networkManagerCount() const
{
    return m_backend->managerCount();
}

RateLimiter *DownloadEngine::rateLimiter() const
{
    return m_backend->rateLimiter();
}

NameRegistry *DownloadEngine::names() const
{
    return m_backend->names();
}

void DownloadEngine::applySettings(const EngineSettings &settings)
{
    m_settings = settings;
    m_scheduler->setRetrySettings(m_settings.retry);
    m_scheduler->setLimits(m_settings.maxParallel, m_settings.perHost);
    m_scheduler->setPerEngineLimit(m_settings.perEngine);
    m_backend->rateLimiter()->setRate(m_settings.rateLimit);
    // Running segmented downloads that follow the global count take a new one at once.
    for (int row = 0; row < m_model->count(); ++row) {
        const DownloadItem &item = m_model->at(row);
        if (item.engine.isEmpty() && item.segments == 0 && isActive(item.state))
            m_backend->setDownloadSegments(item);
    }
}

void DownloadEngine::setDownloadSegments(const QList<DownloadId> &ids, int count)
{
    const qint8 own = qint8(qBound(0, count, maxSegments));
    QList<DownloadId> restart;
    for (const DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || item->segments == own)
            continue;
        m_model->update(id, [own](DownloadItem &it) { it.segments = own; });
        const DownloadItem &changed = *m_model->find(id);
        // A remote engine splits its downloads as its own settings say: the count is kept for this computer.
        if (!changed.engine.isEmpty() || m_backend->setDownloadSegments(changed))
            continue;
        // One stream runs, and the user asked this download for more connections: a new attempt takes
        // them, continuing the bytes on disk as the first range (SegmentedTransfer::start). Only where
        // enough is left for two pieces; anything less would stay one stream anyway.
        const bool worthIt = changed.state == DownloadState::Downloading && changed.bytesTotal > 0
            && changed.bytesTotal - changed.bytesReceived >= 2 * m_backend->minSegmentSize();
        if (worthIt && changed.segmentsOr(m_settings.http.segments) > 1 && changed.intent == Intent::Run)
            restart.append(id);
    }
    if (!restart.isEmpty()) {
        // A pause and a resume at once: the attempt stops keeping every byte, and with the intent back to
        // Run it is queued again instead of paused, and starts again when the scheduler gives it a slot
        // (at once, unless downloads queued before it were waiting for one).
        m_scheduler->pause(restart);
        m_scheduler->resume(restart);
    }
}

void DownloadEngine::setDownloadRateLimit(const QList<DownloadId> &ids, qint64 bytesPerSecond)
{
    bytesPerSecond = qMax<qint64>(0, bytesPerSecond);
    for (const DownloadId id : ids) {
        if (!m_model->find(id))
            continue;
        m_model->update(id, [bytesPerSecond](DownloadItem &item) { item.rateLimit = bytesPerSecond; });
        const DownloadItem &item = *m_model->find(id);
        // A remote row's limit is the daemon's to keep (aria2's max-download-limit); this computer's
        // limiter only ever sees this computer's bytes.
        if (item.engine.isEmpty())
            m_backend->rateLimiter()->setDownloadRate(id, bytesPerSecond);
        else if (Aria2::Backend *remote = m_engines->remote(item.engine))
            remote->setDownloadRate(item);
    }
}

QList<DownloadId> DownloadEngine::add(const QList<Link> &links, const QString &directory, Intent intent)
{
    return addTo(m_defaultEngine, links, directory, intent);
}

QList<DownloadId> DownloadEngine::addTo(const QString &engine, const QList<Link> &links, const QString &directory,
                                        Intent intent)
{
    const bool remote = !engine.isEmpty();
    // Shared by every item without a dir= of its own: 100,000 copies of it cost time and memory.
    const QString baseDirectory = remote ? (directory.isEmpty() ? QString() : QDir::cleanPath(directory))
                                         : absoluteDiskPath(directory);
    QList<DownloadItem> items;
    items.reserve(links.size());
    for (const Link &link : links) {
        // Built in place: constructing, moving and destroying 100,000 items costs a good part of a paste.
        DownloadItem &item = items.emplaceBack();
        item.url = link.url;
        item.engine = engine;
        item.directory = link.options.directory.isEmpty()
            ? baseDirectory
            // Joined, not QDir::absoluteFilePath(): that keeps a dir= of ":x" as it is, a resource path.
            : QDir::cleanPath(baseDirectory.isEmpty() ? link.options.directory
                                                      : baseDirectory + u'/' + link.options.directory);
        item.sha256 = link.options.sha256;
        item.intent = intent;
        if (intent == Intent::Pause)
            item.state = DownloadState::Paused;
        if (!link.options.fileName.isEmpty()) {
            const QString name = FileNames::sanitize(link.options.fileName);
            if (!name.isEmpty())
                m_engines->claimName(item, name);
            item.fileNameFromUser = !item.fileName.isEmpty();
        }
    }
    return m_model->append(std::move(items));
}

} // namespace Quiver

namespace Quiver {

void DownloadEngine::remove(const QList<DownloadId> &ids, bool deleteFiles)
{
    m_scheduler->remove(ids, deleteFiles);
    RateLimiter *limiter = m_backend->rateLimiter();
    for (const DownloadId id : ids) {
        if (limiter->downloadRate(id) != 0)
            limiter->setDownloadRate(id, 0);
    }
}

QStringList DownloadEngine::queueFolders() const
{
    QSet<QString> folders;
    for (int row = 0; row < m_model->rowCount(); ++row)
        folders.insert(m_model->at(row).directory);
    return QStringList(folders.cbegin(), folders.cend());
}

void DownloadEngine::lookForLeftovers(const QStringList &folders)
{
    const QStringList all = folders + queueFolders();
    auto *watcher = new QFutureWatcher<QList<LeftoverPart>>(this);
    connect(watcher, &QFutureWatcher<QList<LeftoverPart>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QList<LeftoverPart> leftovers = leftoversAmong(watcher->result());
        if (!leftovers.isEmpty())
            emit leftoversFound(leftovers);
    });
    watcher->setFuture(runInThreadPool<QList<LeftoverPart>>([all] { return LeftoverPart::findIn(all); }));
}

QList<LeftoverPart> DownloadEngine::leftoversAmong(const QList<LeftoverPart> &parts) const
{
    QList<LeftoverPart> leftovers;
    for (const LeftoverPart &part : parts) {
        const QString target = targetPathIn(part.folder(), part.fileName());
        // Owned: an item holds the name; or a queued link will find it when its answer names the file.
        if (names()->isClaimed(target) || m_queuedLinks->contains(linkIdentity(part.url)))
            continue;
        leftovers.append(part);
    }
    return leftovers;
}

QList<DownloadId> DownloadEngine::continueLeftovers(const QList<LeftoverPart> &parts)
{
    QList<DownloadId> ids;
    for (const LeftoverPart &part : parts) {
        Link link;
        link.url = part.url;
        link.options.fileName = part.fileName();   // claimed as out=: the .part of this link is taken over
        const QList<Link> fresh = m_queuedLinks->claimNew({link}, {});
        if (!fresh.isEmpty())
            ids += add(fresh, part.folder());
    }
    return ids;
}

void DownloadEngine::deleteLeftovers(const QList<LeftoverPart> &parts)
{
    QStringList paths;
    for (const LeftoverPart &part : parts)
        paths.append(part.path);
    m_backend->deleteFiles(paths, [self = QPointer(this)](const QStringList &problems) {
        if (self && !problems.isEmpty())
            emit self->filesNotDeleted(problems);
    });
}

void DownloadEngine::keepNamesIn(SessionStore *store)
{
    m_backend->setNameRecorder([store = QPointer(store)](const QUrl &link, const QString &directory,
                                                         const QString &fileName) {
        return store ? store->recordName(link, directory, fileName) : QFuture<void>();
    });
}

QList<DownloadId> DownloadEngine::restore(QList<DownloadItem> items)
{
    for (DownloadItem &item : items) {
        m_engines->restore(item);
        if (isActive(item.state) || item.state == DownloadState::Retrying)
            item.state = item.intent == Intent::Pause ? DownloadState::Paused : DownloadState::Queued;
        item.speed = 0;
        item.nextRetryAt = {};
    }
    const QList<DownloadId> ids = m_model->append(std::move(items));
    m_queuedLinks->addRestored(ids);
    // A paused segmented download of this computer shows its ranges before it runs again.
    for (const DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || !item->engine.isEmpty() || item->state == DownloadState::Finished
            || !item->backendState.contains(QLatin1String("ranges")))
            continue;
        if (const std::optional<ByteRanges> ranges = SegmentedTransfer::recordedRanges(*item))
            m_model->setSegmentMap(id, SegmentMap{item->bytesTotal, ranges->ranges(), {}});
    }
    return ids;
}

void DownloadEngine::addChecksums(const ChecksumList &list)
{
    m_backend->addChecksums(list);
    emit checksumsAdded();
}

const ChecksumList &DownloadEngine::checksums() const
{
    return m_backend->checksums();
}

void DownloadEngine::keepChecksumsIn(SessionStore *store)
{
    // Nothing to keep yet is no reason to write the file.
    if (!checksums().isEmpty() || !checksums().refusedNames().isEmpty())
        store->setChecksums(checksums());
    connect(this, &DownloadEngine::checksumsAdded, store, [this, store] { store->setChecksums(checksums()); });
}

SmallFetch *DownloadEngine::fetchChecksumList(const QUrl &url, QObject *parent)
{
    return new SmallFetch(m_backend->networkPool(), m_settings.http, url, ChecksumList::kMaxBytes, parent);
}

} // namespace Quiver
