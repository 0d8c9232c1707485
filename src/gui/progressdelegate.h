#pragma once

#include <memory>

#include <QStyledItemDelegate>

namespace Quiver {

// Paints the Progress column as a real progress bar in the view's style, from the model's raw roles
// only (QueueModel::ProgressRole and StateRole), never from the display text:
//   0..1                              -> that percentage, with "42%" on the bar
//   -1 while connecting/downloading   -> a busy (indeterminate) bar: bytes arrive, the size is unknown
//   -1 otherwise                      -> an empty bar
//   finished                          -> 100%
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    explicit ProgressDelegate(QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    class BusyAnimation;
    std::unique_ptr<BusyAnimation> m_busy;
};

} // namespace Quiver
