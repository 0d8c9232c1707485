#include "queuesummary.h"

#include "queue/queuemodel.h"
#include "util/units.h"

#include <QCoreApplication>

namespace Quiver {

QueueSummary QueueSummary::of(const QueueModel &model)
{
    QueueSummary summary;
    summary.total = model.rowCount();
    for (int row = 0; row < summary.total; ++row) {
        const DownloadItem &item = model.at(row);
        switch (item.state) {
        case DownloadState::Connecting:
        case DownloadState::Downloading:
        case DownloadState::Verifying:
            ++summary.active;
            summary.speed += item.speed;
            break;
        case DownloadState::Retrying:
            ++summary.retrying;
            ++summary.queued;
            break;
        case DownloadState::Queued:
        case DownloadState::Paused:
            ++summary.queued;
            break;
        case DownloadState::Finished:
            ++summary.finished;
            break;
        case DownloadState::Failed:
            ++summary.failed;
            break;
        case DownloadState::Canceled:
            break;
        }
        if (item.bytesTotal > 0 && item.state != DownloadState::Canceled) {
            summary.expected += item.bytesTotal;
            summary.received += qMin(item.bytesReceived, item.bytesTotal);
        }
    }
    return summary;
}

QString QueueSummary::text() const
{
    return QCoreApplication::translate("Quiver::QueueSummary", "%L1 active · %L2 queued · %L3 finished · %L4 failed")
        .arg(active).arg(queued).arg(finished).arg(failed);
}

QString QueueSummary::progressText() const
{
    if (total == 0)
        return QCoreApplication::translate("Quiver::QueueSummary", "No downloads");
    const QString percent = expected > 0 ? Units::percent(int(100.0 * double(received) / double(expected)))
                                         : QString();
    if (active == 0)
        return QCoreApplication::translate("Quiver::QueueSummary", "%L1 of %L2 finished").arg(finished).arg(total);
    return QCoreApplication::translate("Quiver::QueueSummary", "Downloading %L1 of %L2 · %3 · %4")
        .arg(active).arg(total).arg(percent, Units::speed(speed));
}

} // namespace Quiver
