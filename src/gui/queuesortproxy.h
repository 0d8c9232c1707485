#pragma once

#include <QSortFilterProxyModel>

#include <memory>

namespace Quiver {

class SortKeys;

// QSortFilterProxyModel asks the source for both rows' keys at each of the n log n comparisons of a
// sort: 3.4 million data() calls and QVariant comparisons for 100,000 rows, which took seconds for the
// name column (names are worked out from the URLs). This proxy reads each row's key once before a sort
// and compares those, in the order QSortFilterProxyModel::lessThan would give.
class QueueSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueSortProxy)

public:
    explicit QueueSortProxy(QObject *parent = nullptr);
    ~QueueSortProxy() override;

    void sort(int column, Qt::SortOrder order) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::unique_ptr<SortKeys> m_keys;
    int m_keyColumn = -1;
    const QAbstractItemModel *m_keySource = nullptr;   // the source the keys were read from
};

} // namespace Quiver
