#include "queue/queuedlinks.h"

#include "links/linksparser.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"

#include <QCryptographicHash>

#include <cstring>

namespace Quiver {

QueuedLinks::Digest QueuedLinks::digestOf(const QString &identity)
{
    const QByteArray hash = QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(identity.utf16()),
                                                                    identity.size() * qsizetype(sizeof(char16_t))),
                                                     QCryptographicHash::Sha256);
    Digest digest;
    std::memcpy(&digest.high, hash.constData(), sizeof digest.high);
    std::memcpy(&digest.low, hash.constData() + sizeof digest.high, sizeof digest.low);
    return digest;
}

QueuedLinks::QueuedLinks(const QueueModel *model, const Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &QueueModel::itemsAboutToBeRemoved, this, [this](const QList<DownloadId> &ids) {
        for (DownloadId id : ids) {
            if (const DownloadItem *item = m_model->find(id))
                m_identities.remove(digestOf(linkIdentity(item->url)));
        }
    });
    connect(scheduler, &Scheduler::linkChanged, this, [this](DownloadId id, const QUrl &previous) {
        m_identities.remove(digestOf(linkIdentity(previous)));
        if (const DownloadItem *item = m_model->find(id))
            m_identities.insert(digestOf(linkIdentity(item->url)));
    });
}

QList<Link> QueuedLinks::claimNew(const QList<Link> &links, const QStringList &identities)
{
    // One hash lookup per link, and no copy of the list unless some links are already queued: a paste of
    // 100,000 links must not spend its time here, so identities worked out on the thread pool are taken.
    const bool identified = identities.size() == links.size();
    QList<Link> fresh;
    qsizetype firstQueued = -1;
    m_identities.reserve(m_identities.size() + links.size());
    for (qsizetype i = 0; i < links.size(); ++i) {
        const Link &link = links.at(i);
        const qsizetype before = m_identities.size();
        m_identities.insert(digestOf(identified ? identities.at(i) : linkIdentity(link.url)));
        const bool isNew = m_identities.size() != before;
        if (firstQueued < 0 && !isNew) {
            firstQueued = i;
            fresh.reserve(links.size());
            fresh.append(links.mid(0, i));
        } else if (firstQueued >= 0 && isNew) {
            fresh.append(link);
        }
    }
    return firstQueued < 0 ? links : fresh;
}

void QueuedLinks::addRestored(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids)
        m_identities.insert(digestOf(linkIdentity(m_model->find(id)->url)));
}

} // namespace Quiver
