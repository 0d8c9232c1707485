#include "http/smallfetch.h"

#include "http/networkpool.h"
#include "util/units.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Quiver {

SmallFetch::SmallFetch(NetworkPool *pool, const HttpSettings &settings, const QUrl &url, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_settings(settings)
    , m_url(url)
    , m_maxBytes(maxBytes)
{
}

SmallFetch::~SmallFetch()
{
    if (m_reply) {
        QNetworkAccessManager *manager = m_reply->manager();
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_pool->release(manager);
    }
}

void SmallFetch::start()
{
    QNetworkRequest request(m_url);
    request.setRawHeader("User-Agent", m_settings.userAgent);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    // A list is small: the whole fetch gets what one download gets to start and to stall.
    request.setTransferTimeout(int(qMax(m_settings.connectTimeout, m_settings.stallTimeout).count()));
    m_reply = m_pool->acquire()->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_bytes += m_reply->readAll();
        if (m_bytes.size() > m_maxBytes) {
            m_tooBig = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &SmallFetch::onFinished);
}

void SmallFetch::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_pool->release(reply->manager());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (m_tooBig) {
        error = tr("%1 is larger than %2, so it was not read.").arg(m_url.toDisplayString(QUrl::RemoveUserInfo), Units::bytes(m_maxBytes));
    } else if (reply->error() != QNetworkReply::NoError) {
        error = tr("%1 could not be fetched: %2.").arg(m_url.toDisplayString(QUrl::RemoveUserInfo), reply->errorString());
    } else if (status < 200 || status > 299) {
        error = tr("%1 could not be fetched: the server answered %2.").arg(m_url.toDisplayString(QUrl::RemoveUserInfo)).arg(status);
    } else {
        m_bytes += reply->readAll();
    }
    emit finished(error.isEmpty() ? m_bytes : QByteArray(), error);
}

} // namespace Quiver
