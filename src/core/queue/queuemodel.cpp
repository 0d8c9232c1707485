#include "queue/queuemodel.h"

#include "links/filenames.h"

#include <algorithm>
#include <cmath>

namespace Quiver {

namespace {
constexpr int flushIntervalMs = 200;
// Speed is re-estimated at most this often; shorter windows make the number jitter.
constexpr qint64 speedWindowMs = 500;

// 0..1, or -1 when the size is unknown (ProgressRole, and the Progress column's sort key).
double progressFraction(const DownloadItem &item)
{
    if (item.state == DownloadState::Finished)
        return 1.0;
    return item.bytesTotal > 0 ? double(item.bytesReceived) / double(item.bytesTotal) : -1.0;
}
} // namespace

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock.start();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &QueueModel::flush);
}

QModelIndex QueueModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_items.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const DownloadItem &item = m_items.at(index.row());
    switch (role) {
    case SortRole:
        return sortData(item, index.column());
    case IdRole:
        return item.id;
    case StateRole:
        return int(item.state);
    case ProgressRole:
        return progressFraction(item);
    default:
        return {};
    }
}

QString QueueModel::nameOf(const DownloadItem &item)
{
    return item.fileName.isEmpty() ? FileNames::choose({}, item.url) : item.fileName;
}

qint64 QueueModel::secondsLeft(const DownloadItem &item)
{
    if (item.bytesTotal < 0 || item.speed < 1.0 || item.state != DownloadState::Downloading)
        return -1;
    return qint64(std::ceil(double(item.bytesTotal - item.bytesReceived) / item.speed));
}

QVariant QueueModel::sortData(const DownloadItem &item, int column)
{
    switch (column) {
    case NameColumn: return nameOf(item);
    // Straight from the item: sorting asks for this about 2 log2(n) times a row, and a row lookup by id
    // per call made sorting 100,000 rows take half a second.
    case ProgressColumn: return progressFraction(item);
    case SizeColumn: return item.bytesTotal >= 0 ? item.bytesTotal : item.bytesReceived;
    case SpeedColumn: return item.state == DownloadState::Downloading ? item.speed : 0.0;
    case EtaColumn: return secondsLeft(item);
    case StatusColumn: return int(item.state);
    case WhereColumn: return item.engine;   // this computer (empty) first
    // Credentials in a URL are never shown, so they do not order the rows either.
    case UrlColumn: return item.url.toDisplayString(QUrl::RemoveUserInfo);
    default: return {};
    }
}

QList<DownloadId> QueueModel::append(QList<DownloadItem> items)
{
    QList<DownloadId> ids;
    if (items.isEmpty())
        return ids;
    ids.reserve(items.size());
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(items.size()) - 1);
    for (DownloadItem &item : items) {
        item.id = m_nextId++;
        ids.append(item.id);
    }
    // An empty queue takes the list as it is: moving 100,000 items one by one into fresh memory costs
    // more than the rest of the append.
    if (m_items.isEmpty())
        m_items = std::move(items);
    else
        m_items.append(std::move(items));
    endInsertRows();
    emit itemsAppended(ids);
    return ids;
}

void QueueModel::remove(const QList<DownloadId> &ids)
{
    QList<int> rows;
    for (DownloadId id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    emit itemsAboutToBeRemoved(ids);
    flush();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype runs = 1;
    for (qsizetype i = 1; i < rows.size(); ++i)
        runs += rows.at(i) == rows.at(i - 1) - 1 ? 0 : 1;
    // Each run removed on its own moves every row after it, and views redo their bookkeeping for each:
    // removing the finished rows of 100,000 where they alternate with others grew with the square of
    // the count. Past a few runs the rows go in one pass and the views start over.
    constexpr qsizetype kMostRuns = 32;
    if (runs > kMostRuns)
        removeByReset(rows);
    else
        removeRuns(rows);
    m_dirtyRows.clear();
}

void QueueModel::removeRuns(const QList<int> &rowsDescending)
{
    // Contiguous runs at once, last first, so the rows of the runs still to go keep their numbers.
    const QList<int> &rows = rowsDescending;
    qsizetype i = 0;
    while (i < rows.size()) {
        const int last = rows.at(i);
        int firstRow = last;
        while (i + 1 < rows.size() && rows.at(i + 1) == firstRow - 1) {
            ++i;
            firstRow = rows.at(i);
        }
        beginRemoveRows({}, firstRow, last);
        for (int r = last; r >= firstRow; --r) {
            m_speedSamples.remove(m_items.at(r).id);
            m_segmentMaps.remove(m_items.at(r).id);
        }
        m_items.remove(firstRow, last - firstRow + 1);
        endRemoveRows();
        ++i;
    }
}

void QueueModel::removeByReset(const QList<int> &rows)
{
    beginResetModel();
    std::vector<char> gone(size_t(m_items.size()), 0);
    for (int row : rows) {
        gone[size_t(row)] = 1;
        m_speedSamples.remove(m_items.at(row).id);
        m_segmentMaps.remove(m_items.at(row).id);
    }
    qsizetype kept = 0;
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (gone[size_t(row)])
            continue;
        if (kept != row)
            m_items[kept] = std::move(m_items[row]);
        ++kept;
    }
    m_items.resize(kept);
    endResetModel();
}

int QueueModel::rowOf(DownloadId id) const
{
    const auto found = std::lower_bound(m_items.cbegin(), m_items.cend(), id,
                                        [](const DownloadItem &item, DownloadId wanted) { return item.id < wanted; });
    return found != m_items.cend() && found->id == id ? int(found - m_items.cbegin()) : -1;
}

const DownloadItem *QueueModel::find(DownloadId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_items.at(row);
}

QList<DownloadId> QueueModel::ids() const
{
    QList<DownloadId> result;
    result.reserve(m_items.size());
    for (const DownloadItem &item : m_items)
        result.append(item.id);
    return result;
}

bool QueueModel::setState(DownloadId id, DownloadState state)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    DownloadItem &item = m_items[row];
    const DownloadState from = item.state;
    if (!isAllowedTransition(from, state)) {
        qWarning("Quiver: refused state change %d -> %d for item %llu", int(from), int(state),
                 static_cast<unsigned long long>(id));
        return false;
    }
    item.state = state;
    if (!isActive(state) || state == DownloadState::Verifying) {
        item.speed = 0;
        m_speedSamples.remove(id);
    }
    if (state == DownloadState::Finished || state == DownloadState::Canceled)
        m_segmentMaps.remove(id);   // the map described a .part that is now the file, or gone
    if (state == DownloadState::Finished) {
        item.lastError.clear();
        if (item.bytesTotal < 0)
            item.bytesTotal = item.bytesReceived;
    }
    if (state != DownloadState::Retrying)
        item.nextRetryAt = {};
    markDirty(row);
    emit stateChanged(id, from, state);
    return true;
}

void QueueModel::setIntent(DownloadId id, Intent intent)
{
    update(id, [intent](DownloadItem &item) { item.intent = intent; });
}

void QueueModel::setProgress(DownloadId id, qint64 bytesReceived, qint64 bytesTotal)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    DownloadItem &item = m_items[row];
    const qint64 now = m_clock.elapsed();
    SpeedSample &sample = m_speedSamples[id];
    if (bytesReceived < item.bytesReceived || sample.atMs == 0) {
        sample = {bytesReceived, now};   // a restart from zero, or the first sample
        if (bytesReceived == 0)
            m_segmentMaps.remove(id);
    } else if (now - sample.atMs >= speedWindowMs) {
        const double instant = double(bytesReceived - sample.bytes) * 1000.0 / double(now - sample.atMs);
        // Smooth so the number and the ETA do not jump on every window.
        item.speed = item.speed <= 0 ? instant : 0.6 * instant + 0.4 * item.speed;
        sample = {bytesReceived, now};
    }
    item.bytesReceived = bytesReceived;
    item.bytesTotal = bytesTotal;
    markDirty(row);
}

void QueueModel::setSegmentMap(DownloadId id, const SegmentMap &map)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (map.isEmpty()) {
        if (m_segmentMaps.remove(id) == 0)
            return;
    } else {
        m_segmentMaps.insert(id, map);
    }
    markDirty(row);
}

void QueueModel::update(DownloadId id, const std::function<void(DownloadItem &)> &change)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    DownloadItem &item = m_items[row];
    const DownloadState state = item.state;
    change(item);
    Q_ASSERT(item.id == id && item.state == state);
    item.id = id;
    item.state = state;
    markDirty(row);
}

void QueueModel::markDirty(int row)
{
    m_dirtyRows.insert(row);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void QueueModel::flush()
{
    m_flushTimer.stop();
    if (m_dirtyRows.isEmpty())
        return;
    QList<int> rows(m_dirtyRows.cbegin(), m_dirtyRows.cend());
    m_dirtyRows.clear();
    std::sort(rows.begin(), rows.end());
    // One signal per run of neighbouring rows: a few running downloads scattered over 100,000 rows must
    // not make the views revisit everything between them. Past a handful of runs, one span is cheaper.
    constexpr int maxSignals = 32;
    QList<std::pair<int, int>> runs;
    for (int row : std::as_const(rows)) {
        if (row >= m_items.size())
            continue;
        if (!runs.isEmpty() && runs.constLast().second + 1 == row)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    if (runs.size() > maxSignals)
        runs = {{runs.constFirst().first, runs.constLast().second}};
    for (const auto &[first, last] : std::as_const(runs))
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace Quiver
