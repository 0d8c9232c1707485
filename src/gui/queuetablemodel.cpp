#include "queuetablemodel.h"

#include "queue/queuemodel.h"
#include "queue/retrypolicy.h"
#include "queue/scheduler.h"
#include "util/units.h"

namespace Quiver {

QueueTableModel::QueueTableModel(const QueueModel *queue, const Scheduler *scheduler, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
    , m_scheduler(scheduler)
{
    // The queue only ever inserts, removes and changes rows; it never moves or sorts them. So each change
    // is passed on as it is, with the same row numbers.
    connect(queue, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
    connect(queue, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(queue, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first, last); });
    connect(queue, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(queue, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                emit dataChanged(index(topLeft.row(), topLeft.column()),
                                 index(bottomRight.row(), bottomRight.column()), roles);
            });
    connect(queue, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(queue, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    // The engine goes before the window's views when the window is destroyed; they must not read it then.
    connect(queue, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_queue = nullptr;
        endResetModel();
    });
}

QModelIndex QueueTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || !m_queue || row < 0 || row >= m_queue->count() || column < 0
        || column >= QueueModel::ColumnCount)
        return {};
    return createIndex(row, column);
}

int QueueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_queue ? 0 : m_queue->count();
}

int QueueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QueueModel::ColumnCount;
}

QVariant QueueTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_queue || index.row() >= m_queue->count())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(m_queue->at(index.row()), index.column());
    case Qt::ToolTipRole:
        return toolTip(m_queue->at(index.row()), index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == QueueModel::SizeColumn || index.column() == QueueModel::SpeedColumn
            || index.column() == QueueModel::EtaColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return m_queue->data(m_queue->index(index.row(), index.column()), role);
    }
}

QVariant QueueTableModel::text(const DownloadItem &item, int column) const
{
    switch (column) {
    case QueueModel::NameColumn:
        return QueueModel::nameOf(item);
    case QueueModel::ProgressColumn: {
        if (item.state == DownloadState::Finished)
            return Units::percent(100);
        if (item.bytesTotal <= 0)
            return QString();
        return Units::percent(int(100.0 * double(item.bytesReceived) / double(item.bytesTotal)));
    }
    case QueueModel::SizeColumn:
        if (item.bytesReceived == 0 && item.bytesTotal < 0)
            return QString();
        return Units::progress(item.bytesReceived, item.bytesTotal);
    case QueueModel::SpeedColumn:
        return item.state == DownloadState::Downloading ? Units::speed(item.speed) : QString();
    case QueueModel::EtaColumn:
        return Units::duration(QueueModel::secondsLeft(item));
    case QueueModel::StatusColumn:
        return statusText(item);
    case QueueModel::WhereColumn:
        return whereText(item);
    case QueueModel::UrlColumn:
        // Credentials in a URL are never shown.
        return item.url.toDisplayString(QUrl::RemoveUserInfo);
    default:
        return {};
    }
}

QVariant QueueTableModel::toolTip(const DownloadItem &item, int column)
{
    if (column == QueueModel::StatusColumn && !item.lastError.isEmpty())
        return item.lastError;
    if (column == QueueModel::StatusColumn && !item.note.isEmpty())
        return item.note;
    if (column == QueueModel::UrlColumn || column == QueueModel::NameColumn)
        return item.url.toDisplayString(QUrl::RemoveUserInfo);
    return {};
}

int QueueTableModel::attemptLimit() const
{
    return m_scheduler ? m_scheduler->attemptLimit() : RetrySettings().maxRetries + 1;
}

QString QueueTableModel::whereText(const DownloadItem &item)
{
    return item.engine.isEmpty() ? tr("This computer") : item.engine;
}

QString QueueTableModel::statusText(const DownloadItem &item) const
{
    switch (item.state) {
    case DownloadState::Retrying: {
        const qint64 seconds = qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(item.nextRetryAt) + 999) / 1000);
        // A daemon that does not answer is the row's whole story: say which one, in a few words.
        if (item.lastErrorKind == ErrorKind::EngineUnreachable && !item.engine.isEmpty())
            return tr("%1 unreachable, retrying in %2", "an engine's name, then a time")
                .arg(item.engine, Units::duration(seconds));
        return tr("Retrying in %1 (attempt %2 of %3)")
            .arg(Units::duration(seconds)).arg(item.attemptsWithoutProgress + 1).arg(attemptLimit());
    }
    case DownloadState::Paused:
        if (item.attempts == 0 && item.bytesReceived == 0)
            return tr("Not started", "a queued download waiting for Start");
        break;
    case DownloadState::Failed:
        return item.lastError.isEmpty() ? stateName(item.state)
                                        : tr("Failed: %1").arg(item.lastError);
    case DownloadState::Finished:
    case DownloadState::Canceled:
        return stateName(item.state);
    default:
        break;
    }
    // A note (why a new link started over) matters while the download is still under way.
    return item.note.isEmpty() ? stateName(item.state)
                               : tr("%1 — %2", "a download's state, then a note about it").arg(stateName(item.state), item.note);
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case QueueModel::NameColumn: return tr("Name");
    case QueueModel::ProgressColumn: return tr("Progress");
    case QueueModel::SizeColumn: return tr("Size");
    case QueueModel::SpeedColumn: return tr("Speed");
    case QueueModel::EtaColumn: return tr("ETA", "time left");
    case QueueModel::StatusColumn: return tr("Status");
    case QueueModel::WhereColumn: return tr("Where", "the engine a download runs on");
    case QueueModel::UrlColumn: return tr("URL");
    default: return {};
    }
}

} // namespace Quiver
