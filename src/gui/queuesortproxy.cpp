#include "queuesortproxy.h"

#include <QAbstractListModel>

#include <algorithm>
#include <vector>

namespace Quiver {

// The sort keys of one column, one per source row, read once before a sort (see QueueSortProxy). Also a
// model of those keys, so keys of other types can still be compared by QSortFilterProxyModel itself.
class SortKeys final : public QAbstractListModel
{
public:
    enum class Kind { None, Integer, Real, Text, Variant };

    void fill(const QAbstractItemModel *source, int column, int role)
    {
        clear();
        const int rows = source->rowCount();
        m_variants.reserve(rows);
        for (int row = 0; row < rows; ++row)
            m_variants.append(source->data(source->index(row, column), role));
        // QueueModel's sort keys are all of one type per column: then they are compared without a
        // QVariant, as QSortFilterProxyModel would compare them (see QAbstractItemModelPrivate::
        // isVariantLessThan: the left key's type decides, and an int compares as an int).
        const int type = m_variants.isEmpty() ? QMetaType::UnknownType : m_variants.constFirst().userType();
        const bool uniform = std::all_of(m_variants.cbegin(), m_variants.cend(),
                                         [type](const QVariant &key) { return key.userType() == type; });
        m_kind = Kind::Variant;
        if (uniform && (type == QMetaType::Int || type == QMetaType::LongLong)) {
            m_integers.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_integers.push_back(key.toLongLong());
            m_kind = Kind::Integer;
        } else if (uniform && type == QMetaType::Double) {
            m_reals.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_reals.push_back(key.toDouble());
            m_kind = Kind::Real;
        } else if (uniform && type == QMetaType::QString) {
            m_texts.reserve(rows);
            for (const QVariant &key : std::as_const(m_variants))
                m_texts.append(key.toString());
            m_kind = Kind::Text;
        }
        if (m_kind != Kind::Variant)
            m_variants = {};
    }

    void clear()
    {
        m_kind = Kind::None;
        m_variants = {};
        m_integers = {};
        m_reals = {};
        m_texts = {};
    }

    Kind kind() const { return m_kind; }
    bool integerLess(int left, int right) const { return m_integers[size_t(left)] < m_integers[size_t(right)]; }
    bool realLess(int left, int right) const { return m_reals[size_t(left)] < m_reals[size_t(right)]; }
    const QString &text(int row) const { return m_texts[row]; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_variants.size()); }
    QVariant data(const QModelIndex &index, int /*role: the keys are all of the sort role*/) const override
    {
        return m_variants.value(index.row());
    }

private:
    Kind m_kind = Kind::None;
    QList<QVariant> m_variants;
    std::vector<qint64> m_integers;
    std::vector<double> m_reals;
    QStringList m_texts;
};

QueueSortProxy::QueueSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_keys(std::make_unique<SortKeys>())
{
}

QueueSortProxy::~QueueSortProxy() = default;

void QueueSortProxy::sort(int column, Qt::SortOrder order)
{
    // No column is ever filtered out, so proxy and source columns are the same.
    if (sourceModel() && column >= 0 && column < sourceModel()->columnCount()) {
        m_keys->fill(sourceModel(), column, sortRole());
        m_keyColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
    m_keyColumn = -1;
    m_keys->clear();
}

bool QueueSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_keyColumn < 0 || left.model() != sourceModel() || right.model() != sourceModel()
        || left.column() != m_keyColumn || right.column() != m_keyColumn)
        return QSortFilterProxyModel::lessThan(left, right);
    switch (m_keys->kind()) {
    case SortKeys::Kind::Integer:
        return m_keys->integerLess(left.row(), right.row());
    case SortKeys::Kind::Real:
        return m_keys->realLess(left.row(), right.row());
    case SortKeys::Kind::Text:
        if (isSortLocaleAware())
            return m_keys->text(left.row()).localeAwareCompare(m_keys->text(right.row())) < 0;
        return m_keys->text(left.row()).compare(m_keys->text(right.row()), sortCaseSensitivity()) < 0;
    case SortKeys::Kind::Variant:
        return QSortFilterProxyModel::lessThan(m_keys->index(left.row()), m_keys->index(right.row()));
    case SortKeys::Kind::None:
        break;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Quiver
