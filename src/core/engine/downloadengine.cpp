#include "engine/downloadengine.h"

#include "util/diskpath.h"
#include "links/filenames.h"
#include "links/linksparser.h"
#include "queue/nameregistry.h"
#include "http/networkpool.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queue/transfer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Quiver {

class DownloadEngine::HttpFactory final : public TransferFactory
{
public:
    HttpFactory(NameRegistry *names, const HttpSettings *settings)
        : m_names(names)
        , m_settings(settings)
    {
    }

    Transfer *create(const DownloadItem &item, QObject *parent) override
    {
        return new HttpTransfer(item, &m_pool, m_names, *m_settings, parent);
    }

    int managerCount() const { return m_pool.managerCount(); }

private:
    NetworkPool m_pool;
    NameRegistry *m_names;
    const HttpSettings *m_settings;
};

DownloadEngine::DownloadEngine(QObject *parent)
    : QObject(parent)
    , m_names(std::make_unique<NameRegistry>())
    , m_factory(std::make_unique<HttpFactory>(m_names.get(), &m_settings.http))
    , m_model(std::make_unique<QueueModel>())
    , m_scheduler(std::make_unique<Scheduler>(m_model.get(), m_factory.get()))
{
    applySettings(m_settings);
}

DownloadEngine::~DownloadEngine()
{
    m_scheduler.reset();
}

int DownloadEngine::networkManagerCount() const
{
    return m_factory->managerCount();
}

void DownloadEngine::applySettings(const EngineSettings &settings)
{
    m_settings = settings;
    m_scheduler->setRetrySettings(m_settings.retry);
    m_scheduler->setLimits(m_settings.maxParallel, m_settings.perHost);
}

QList<DownloadId> DownloadEngine::add(const QList<Link> &links, const QString &directory, Intent intent)
{
    // Shared by every item without a dir= of its own: 100,000 copies of it cost time and memory.
    const QString baseDirectory = absoluteDiskPath(directory);
    QList<DownloadItem> items;
    items.reserve(links.size());
    for (const Link &link : links) {
        // Built in place: constructing, moving and destroying 100,000 items costs a good part of a paste.
        DownloadItem &item = items.emplaceBack();
        item.url = link.url;
        item.directory = link.options.directory.isEmpty()
            ? baseDirectory
            // Joined, not QDir::absoluteFilePath(): that keeps a dir= of ":x" as it is, a resource path.
            : QDir::cleanPath(baseDirectory + u'/' + link.options.directory);
        item.sha256 = link.options.sha256;
        item.intent = intent;
        if (intent == Intent::Pause)
            item.state = DownloadState::Paused;
        if (!link.options.fileName.isEmpty()) {
            const QString name = FileNames::sanitize(link.options.fileName);
            const QString path = name.isEmpty() ? QString() : m_names->claim(item.directory, name);
            if (!path.isEmpty()) {
                item.fileName = QFileInfo(path).fileName();
                item.fileNameFromUser = true;
            }
        }
    }
    return m_model->append(std::move(items));
}

} // namespace Quiver

namespace Quiver {

void DownloadEngine::remove(const QList<DownloadId> &ids, bool deleteFiles)
{
    QStringList names;
    QStringList doomed;
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || item->fileName.isEmpty())
            continue;
        names.append(item->targetPath());
        if (deleteFiles)
            doomed.append(item->state == DownloadState::Finished ? item->targetPath() : item->partPath());
    }
    // Rows first: that stops their transfers, so nothing writes to a file after it is deleted.
    m_model->remove(ids);
    for (const QString &path : std::as_const(doomed))
        QFile::remove(path);
    for (const QString &path : std::as_const(names))
        m_names->release(path);
}

QList<DownloadId> DownloadEngine::restore(QList<DownloadItem> items)
{
    for (DownloadItem &item : items) {
        if (!item.fileName.isEmpty() && !m_names->adopt(item.targetPath())) {
            // Another item already holds the name: this one picks a fresh name and starts over.
            item.fileName.clear();
            item.fileNameFromUser = false;
            item.bytesReceived = 0;
        }
        if (item.state == DownloadState::Verifying && !item.fileName.isEmpty() && !QFile::exists(item.partPath())) {
            // The crash came after the rename but before the queue was saved again: the final file is
            // ours (the name was claimed) and complete, and starting over could not replace it anyway.
            const QFileInfo target(item.targetPath());
            if (target.isFile() && (item.bytesTotal < 0 || target.size() == item.bytesTotal)) {
                item.state = DownloadState::Finished;
                item.bytesReceived = target.size();
                item.bytesTotal = target.size();
            }
        }
        if (isActive(item.state) || item.state == DownloadState::Retrying)
            item.state = item.intent == Intent::Pause ? DownloadState::Paused : DownloadState::Queued;
        item.speed = 0;
        item.nextRetryAt = {};
    }
    return m_model->append(std::move(items));
}

} // namespace Quiver
