#include "http/networkpool.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>

namespace Quiver {

namespace {
// Quiver keeps no cookies: a Set-Cookie is dropped, so no request ever carries one. Qt 6.4 copies a
// request's Cookie header into every redirect hop whatever its origin, and when it delivers a
// redirect's headers late it merges them into the next hop's answer, where its jar files the first
// origin's Set-Cookie under the second one. Scoping cookies to an origin cannot hold against that, and
// a cookie that reaches a mirror a redirect chose hands it one site's session. curl and aria2 keep
// none by default either.
class NoCookies final : public QNetworkCookieJar
{
public:
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};
} // namespace

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
    entry.manager->setCookieJar(new NoCookies);   // the manager takes ownership
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

void NetworkPool::release(QNetworkAccessManager *&manager, QPointer<QNetworkReply> &reply, QObject *receiver)
{
    if (reply) {
        QNetworkReply *done = reply;
        reply = nullptr;
        done->disconnect(receiver);
        if (done->isRunning())
            done->abort();
        done->deleteLater();
    }
    if (manager) {
        release(manager);
        manager = nullptr;
    }
}

} // namespace Quiver
