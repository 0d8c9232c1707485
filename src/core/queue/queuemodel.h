#pragma once

#include "queue/downloaditem.h"
#include "queue/segmentmap.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Quiver {

// The queue: one row per download, plain values. State changes go through setState() only, which
// refuses transitions the state machine does not allow. Progress arrives many times a second per row,
// so dataChanged() is coalesced and emitted at most every flushInterval.
//
// Its roles are raw values only; how a row reads (texts, tooltips, column titles) is the window's, in
// src/gui/queuetablemodel.h. quiver-cli reads the items themselves.
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Column {
        NameColumn,
        ProgressColumn,
        SizeColumn,
        SpeedColumn,
        EtaColumn,
        StatusColumn,
        WhereColumn,   // the engine it runs on
        UrlColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole + 1,  // the raw value behind a column: bytes, seconds, ratio
        IdRole,
        StateRole,                    // int(DownloadState)
        ProgressRole,                 // 0..1 as double, or -1 when the size is unknown
    };

    explicit QueueModel(QObject *parent = nullptr);

    // The inherited index() checks its arguments through three virtual calls; a sort of 100,000 rows asks
    // for millions of indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Appends items (ids are assigned here, in queue order) and returns their ids.
    QList<DownloadId> append(QList<DownloadItem> items);
    void remove(const QList<DownloadId> &ids);

    const DownloadItem *find(DownloadId id) const;
    const DownloadItem &at(int row) const { return m_items.at(row); }
    // rowCount() without a virtual call: the window's table asks for it with every index.
    int count() const { return int(m_items.size()); }
    // A binary search: ids grow with the rows (append() hands them out in order, and nothing reorders
    // rows), so no index by id is kept beside the items (3 MB for 100,000 rows).
    int rowOf(DownloadId id) const;
    QList<DownloadId> ids() const;

    // The one place a state changes. Returns false (and changes nothing) for a transition the state
    // machine forbids. Leaving an active state clears the speed; entering Finished fills the bar.
    bool setState(DownloadId id, DownloadState state);
    void setIntent(DownloadId id, Intent intent);
    void setProgress(DownloadId id, qint64 bytesReceived, qint64 bytesTotal);
    // Everything else that is not state or progress (name, validators, attempts, error, retry time).
    // The callback must not change id or state.
    void update(DownloadId id, const std::function<void(DownloadItem &)> &change);

    // The segment map of a segmented download: published by its attempt a few times a second, kept
    // while the bytes it describes are on disk (a paused download keeps showing its ranges) and dropped
    // when the item finishes, is canceled, starts over from zero or leaves. An empty map drops it too.
    // Kept beside the items, not in them: only the few segmented downloads pay for it.
    void setSegmentMap(DownloadId id, const SegmentMap &map);
    SegmentMap segmentMap(DownloadId id) const { return m_segmentMaps.value(id); }

    // Emits the pending dataChanged() now (views call it before they read, tests before they assert).
    void flush();

    // The raw values behind the Name and ETA columns, for whoever shows them: the name the file has, or
    // else the one its link suggests; the seconds left at the current speed, or -1 when that cannot be
    // told (size unknown, not downloading).
    static QString nameOf(const DownloadItem &item);
    static qint64 secondsLeft(const DownloadItem &item);

signals:
    void stateChanged(Quiver::DownloadId id, Quiver::DownloadState from, Quiver::DownloadState to);
    void itemsAppended(const QList<Quiver::DownloadId> &ids);
    void itemsAboutToBeRemoved(const QList<Quiver::DownloadId> &ids);

private:
    void markDirty(int row);
    void removeRuns(const QList<int> &rowsDescending);
    void removeByReset(const QList<int> &rows);
    static QVariant sortData(const DownloadItem &item, int column);

    struct SpeedSample {
        qint64 bytes = 0;
        qint64 atMs = 0;
    };

    QList<DownloadItem> m_items;
    QHash<DownloadId, SpeedSample> m_speedSamples;
    QHash<DownloadId, SegmentMap> m_segmentMaps;
    QSet<int> m_dirtyRows;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    DownloadId m_nextId = 1;
};

} // namespace Quiver
