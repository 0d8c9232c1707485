#pragma once

#include <QtGlobal>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Quiver {

// Qt 6.4 runs at most six requests per host and port on one QNetworkAccessManager and silently queues
// the rest, with their timers running. To make our own caps the real ones, no manager ever carries
// more than six open requests, whatever their hosts: a redirect can move a request to any host, so
// counting per original host is not enough. More managers are made as needed.
class NetworkPool final
{
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    static constexpr int requestsPerManager = 6;

    NetworkPool();
    ~NetworkPool();

    QNetworkAccessManager *acquire();
    void release(QNetworkAccessManager *manager);
    int managerCount() const { return int(m_managers.size()); }

private:
    struct Entry {
        std::unique_ptr<QNetworkAccessManager> manager;
        int open = 0;
    };
    std::vector<Entry> m_managers;
};

} // namespace Quiver
