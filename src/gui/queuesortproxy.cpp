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
        if (rows == 0)
            return;
        // QueueModel's sort keys are all of one type per column: then they are kept and compared without
        // a QVariant, as QSortFilterProxyModel would compare them (see QAbstractItemModelPrivate::
        // isVariantLessThan: the left key's type decides, and an int compares as an int).
        const int type = source->data(source->index(0, column), role).userType();
        if (type == QMetaType::Int || type == QMetaType::LongLong) {
            if (fillUniform(source, column, role, type, &m_integers, [](const QVariant &key) { return key.toLongLong(); })) {
                m_kind = Kind::Integer;
                return;
            }
        } else if (type == QMetaType::Double) {
            if (fillUniform(source, column, role, type, &m_reals, [](const QVariant &key) { return key.toDouble(); })) {
                m_kind = Kind::Real;
                return;
            }
        } else if (type == QMetaType::QString) {
            if (fillUniform(source, column, role, type, &m_texts, [](const QVariant &key) { return key.toString(); })) {
                m_kind = Kind::Text;
                return;
            }
        }
        m_variants.reserve(rows);
        for (int row = 0; row < rows; ++row)
            m_variants.append(source->data(source->index(row, column), role));
        m_kind = Kind::Variant;
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
    // Reads every row's key into keys; false, with keys empty, as soon as one is of another type.
    template <typename Keys, typename Convert>
    static bool fillUniform(const QAbstractItemModel *source, int column, int role, int type, Keys *keys,
                            Convert convert)
    {
        const int rows = source->rowCount();
        keys->reserve(rows);
        for (int row = 0; row < rows; ++row) {
            const QVariant key = source->data(source->index(row, column), role);
            if (key.userType() != type) {
                *keys = {};
                return false;
            }
            keys->push_back(convert(key));
        }
        return true;
    }

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
        m_keySource = sourceModel();
    }
    QSortFilterProxyModel::sort(column, order);
    m_keyColumn = -1;
    m_keySource = nullptr;
    m_keys->clear();
}

bool QueueSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // m_keySource, not sourceModel(): this runs millions of times in a sort, and that is a call each time.
    if (m_keyColumn < 0 || left.model() != m_keySource || right.model() != m_keySource
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
