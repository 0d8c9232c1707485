#pragma once

#include "http/httptransfer.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace Quiver {

class NetworkPool;

// Fetches a small document (a checksum list) into memory over the engine's network managers, with the
// same user agent, redirect rule and timeouts as a download, and a size cap past which it gives up
// instead of filling memory. finished() comes once, with the bytes or with a sentence saying why not.
class SmallFetch final : public QObject
{
    Q_OBJECT

public:
    SmallFetch(NetworkPool *pool, const HttpSettings &settings, const QUrl &url, qint64 maxBytes, QObject *parent = nullptr);
    ~SmallFetch() override;

    void start();

signals:
    void finished(const QByteArray &bytes, const QString &error);

private:
    void onFinished();

    NetworkPool *m_pool;
    HttpSettings m_settings;
    QUrl m_url;
    qint64 m_maxBytes;
    QByteArray m_bytes;
    QPointer<QNetworkReply> m_reply;
    bool m_tooBig = false;
};

} // namespace Quiver
