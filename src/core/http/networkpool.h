#pragma once

#include <QNetworkReply>
#include <QPointer>

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
    // Drops reply (aborted if still running, deleted later, no more signals to receiver) and hands
    // manager back; both are null afterwards. What a request's owner does when it is done with them.
    void release(QNetworkAccessManager *&manager, QPointer<QNetworkReply> &reply, QObject *receiver);
    int managerCount() const { return int(m_managers.size()); }

private:
    struct Entry {
        std::unique_ptr<QNetworkAccessManager> manager;
        int open = 0;
    };
    std::vector<Entry> m_managers;
};

} // namespace Quiver
