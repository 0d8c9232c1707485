#pragma once

#include <QStyledItemDelegate>

namespace Quiver {

// The Status column cut at its end, where the rest of the table cuts in the middle: a status starts with
// what matters ("Failed: Server answered 404 Not Found…"), and its whole text is in the tooltip and the
// details pane. Names and links keep their middle cut, which keeps their ends (".iso", the file).
class StatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Quiver
