#pragma once

#include "queue/transfer.h"
#include "remote/aria2monitor.h"
#include "remote/aria2reply.h"

#include <QPointer>

#include <optional>

namespace Quiver::Aria2 {

// One attempt at one download on an aria2 daemon. It adds the link (or takes up the gid an earlier attempt
// or run left: unpaused if paused there, re-added from its file with aria2's continue option if the daemon
// forgot it), follows it through the monitor's refreshes, and ends with the file complete, aria2's
// error as Quiver's sentence, or the daemon's silence as a network error the scheduler retries.
class Transfer final : public Quiver::Transfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transfer)

public:
    Transfer(const DownloadItem &item, Monitor *monitor, QObject *parent);
    ~Transfer() override;

    void start() override;
    void stop() override;

    // The download's own limit in bytes per second (0: none of its own), on the daemon at once when it
    // holds the download, else with the link when it is added.
    void setRateLimit(qint64 bytesPerSecond);

    // The record kept in DownloadItem::backendState: the engine's name and the gid.
    static QJsonObject stateFor(const QString &engine, const QString &gid);
    static QString gidIn(const QJsonObject &state);

private:
    void add(bool continueFile);
    void follow(const QString &gid);
    void onStatus(const RpcReply &reply);
    void apply(const DownloadStatus &status);
    void pauseThenEnd();
    void forget(const QString &gid);
    void sendRateLimit();
    void end(const TransferError &error);

    QPointer<Monitor> m_monitor;
    QString m_engine;
    QUrl m_url;
    QString m_directory;
    QString m_fileName;
    QByteArray m_sha256;
    QString m_gid;
    qint64 m_rateLimit = 0;
    qint64 m_rateLimitSent = -1;   // what the daemon's download was given; -1: not known
    qint64 m_bytes = 0;
    qint64 m_total = -1;
    bool m_started = false;
    bool m_stopping = false;
    bool m_adding = false;
    bool m_ended = false;
    bool m_linkChecked = false;   // the taken-up gid's link was compared with the row's
    int m_readds = 0;
    std::optional<Status> m_lastStatus;   // as the daemon last described the download
    QString m_followed;   // the gid the monitor's refreshes report to this attempt, if any
    Monitor::Detail m_detail = Monitor::Detail::Full;
    // The counts last reported, and how many refreshes since they last changed: the model's smoothed
    // speed falls to nothing over some twenty unchanged samples, and after that an unchanged row (most
    // of thousands waiting in aria2's line) costs the window nothing.
    qint64 m_reportedBytes = -1;
    qint64 m_reportedTotal = -1;
    int m_unchangedReports = 0;
};

} // namespace Quiver::Aria2
