#pragma once

#include "queue/downloaditem.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Quiver {

class QueueModel;
class Scheduler;

// The queue as the window's table shows it: each cell's text, tooltip and alignment, and the column
// titles, all translated. The rows are the queue's rows one for one, so nothing is mapped: an index here
// has the queue's row and column, the raw roles (QueueModel::Role, the sort keys among them) are the
// queue's own, read straight from it, and its changes are passed on as they come. A sort of 100,000
// rows, which asks for millions of indexes, costs what it costs on the queue itself.
class QueueTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTableModel)

public:
    // The scheduler tells how many attempts a retrying download gets; without one, the default retry
    // settings do.
    explicit QueueTableModel(const QueueModel *queue, const Scheduler *scheduler = nullptr, QObject *parent = nullptr);

    const QueueModel *queue() const { return m_queue; }

    // As QueueModel::index: the inherited one checks its arguments through three virtual calls.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The Status column: the state, with the retry countdown, the reason of a failure or a note.
    QString statusText(const DownloadItem &item) const;
    // The Where column: "This computer" or the remote engine's name.
    static QString whereText(const DownloadItem &item);

private:
    QVariant text(const DownloadItem &item, int column) const;
    static QVariant toolTip(const DownloadItem &item, int column);
    int attemptLimit() const;

    const QueueModel *m_queue = nullptr;
    QPointer<const Scheduler> m_scheduler;
};

} // namespace Quiver
