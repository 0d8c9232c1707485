#pragma once

#include "remote/aria2rpc.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Quiver::Aria2 {

// One aria2 daemon as Quiver sees it: its name, its RPC client, and the downloads being followed there.
// Every refresh asks for all of them in one system.multicall, so a thousand remote rows cost one request
// per interval, not a thousand; nothing is asked while nothing is followed. Only a refresh that would pass
// aria2's request limit (some 11,000 rows) goes as more requests (Rpc::multicall).
class Monitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Monitor)

public:
    // reply is the daemon's answer to tellStatus for that gid, or the reason there was none.
    using Seen = std::function<void(const RpcReply &reply)>;
    // What a refresh asks about a download: everything statusKeys() names, or, once its file's name and
    // links are known, only its state and counts (progressKeys()); the files part is most of an answer.
    enum class Detail { Full, Progress };

    Monitor(const QString &name, const QUrl &endpoint, const QByteArray &secret, QObject *parent = nullptr);
    ~Monitor() override;

    QString name() const { return m_name; }
    Rpc *rpc() const { return m_rpc; }
    // Tests make it short; the window and quiver-cli keep the default (one second).
    void setRefreshInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds refreshInterval() const { return m_interval; }
    int refreshesSent() const { return m_refreshes; }

    // Follows gid until unwatch() or until owner is destroyed. One follower per gid.
    void watch(const QString &gid, QObject *owner, Seen seen, Detail detail = Detail::Full);
    // Changes what the refreshes ask about gid, if owner follows it.
    void setDetail(const QString &gid, const QObject *owner, Detail detail);
    // Only owner's own following ends: a later attempt at the same download may follow the gid by now.
    void unwatch(const QString &gid, const QObject *owner);
    qsizetype watchedCount() const { return m_watched.size(); }

private:
    struct Follower {
        QPointer<QObject> owner;
        Seen seen;
        Detail detail = Detail::Full;
    };
    void refresh();

    QString m_name;
    Rpc *m_rpc = nullptr;
    QTimer m_timer;
    std::chrono::milliseconds m_interval{1000};
    QHash<QString, Follower> m_watched;
    bool m_asking = false;
    int m_refreshes = 0;
};

} // namespace Quiver::Aria2
