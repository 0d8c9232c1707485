#include "networkpool.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace Quiver {

NetworkPool::NetworkPool() = default;
NetworkPool::~NetworkPool() = default;

QString NetworkPool::hostKey(const QUrl &url)
{
    // The same key Qt's connection cache uses: scheme, host and port.
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

QNetworkAccessManager *NetworkPool::acquire(const QUrl &url)
{
    const QString key = hostKey(url);
    for (Entry &entry : m_managers) {
        int &open = entry.openByHost[key];
        if (open < connectionsPerManager) {
            ++open;
            return entry.manager.get();
        }
    }
    Entry entry;
    entry.manager = std::make_unique<QNetworkAccessManager>();
    entry.manager->setAutoDeleteReplies(false);
    // Qt refuses https->http and non-http schemes itself under this policy; Qt 6.4's UserVerified
    // policy re-sends requests erratically when redirectAllowed() is emitted from redirected().
    entry.manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    entry.openByHost.insert(key, 1);
    m_managers.push_back(std::move(entry));
    return m_managers.back().manager.get();
}

void NetworkPool::release(QNetworkAccessManager *manager, const QUrl &url)
{
    const QString key = hostKey(url);
    for (Entry &entry : m_managers) {
        if (entry.manager.get() == manager) {
            auto it = entry.openByHost.find(key);
            if (it != entry.openByHost.end() && --it.value() <= 0)
                entry.openByHost.erase(it);
            return;
        }
    }
}

} // namespace Quiver
