#include "networkpool.h"

#include <QNetworkAccessManager>

namespace Quiver {

NetworkPool::NetworkPool() = default;
NetworkPool::~NetworkPool() = default;

QNetworkAccessManager *NetworkPool::acquire()
{
    for (Entry &entry : m_managers) {
        if (entry.open < requestsPerManager) {
            ++entry.open;
            return entry.manager.get();
        }
    }
    Entry entry;
    entry.manager = std::make_unique<QNetworkAccessManager>();
    entry.manager->setAutoDeleteReplies(false);
    // Qt refuses https->http and non-http schemes itself under this policy; Qt 6.4's UserVerified
    // policy re-sends requests erratically when redirectAllowed() is emitted from redirected().
    entry.manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    entry.open = 1;
    m_managers.push_back(std::move(entry));
    return m_managers.back().manager.get();
}

void NetworkPool::release(QNetworkAccessManager *manager)
{
    for (Entry &entry : m_managers) {
        if (entry.manager.get() == manager) {
            --entry.open;
            return;
        }
    }
}

} // namespace Quiver
