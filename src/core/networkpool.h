#pragma once

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

class QNetworkAccessManager;
class QUrl;

namespace Quiver {

// Qt 6.4 runs at most six requests per host and port on one QNetworkAccessManager and silently queues
// the rest, with their timers running. To make our own per-host cap the real one, every transfer gets a
// manager that has fewer than six requests open to its host; more managers are made as needed.
class NetworkPool final
{
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    static constexpr int connectionsPerManager = 6;

    NetworkPool();
    ~NetworkPool();

    QNetworkAccessManager *acquire(const QUrl &url);
    void release(QNetworkAccessManager *manager, const QUrl &url);
    int managerCount() const { return int(m_managers.size()); }

private:
    static QString hostKey(const QUrl &url);

    struct Entry {
        std::unique_ptr<QNetworkAccessManager> manager;
        QHash<QString, int> openByHost;
    };
    std::vector<Entry> m_managers;
};

} // namespace Quiver
