#include "progressdelegate.h"

#include <QApplication>
#include <QEvent>
#include <QList>
#include <QPainter>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionProgressBar>
#include <QWidget>

#include "queue/downloadstate.h"
#include "queue/queuemodel.h"

namespace Quiver {

// Styles animate a busy bar through QStyleOption::styleObject: they start an animation on that object
// and send it StyleAnimationUpdate events. A view item has no widget of its own to receive them, so
// this object stands in: on each tick it repaints the cells that showed a busy bar since the last
// tick, and when there were none it declines the event, which stops (and deletes) the style's
// animation instead of letting it tick forever in the background.
class ProgressDelegate::BusyAnimation final : public QObject
{
public:
    void painted(QPainter *painter, const QRect &rect)
    {
        // Only widgets can be asked to repaint; painting into an image has nothing to refresh.
        auto *widget = dynamic_cast<QWidget *>(painter->device());
        if (!widget)
            return;
        const Cell cell{widget, rect};
        if (!m_cells.contains(cell))
            m_cells.append(cell);
    }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::StyleAnimationUpdate)
            return QObject::event(event);
        if (m_cells.isEmpty())
            return true;   // not accepted: nothing busy is on screen any more
        for (const Cell &cell : std::as_const(m_cells)) {
            if (cell.widget)
                cell.widget->update(cell.rect);
        }
        m_cells.clear();
        event->accept();
        return true;
    }

private:
    struct Cell {
        QPointer<QWidget> widget;
        QRect rect;
        bool operator==(const Cell &other) const { return widget == other.widget && rect == other.rect; }
    };
    QList<Cell> m_cells;
};

ProgressDelegate::ProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_busy(std::make_unique<BusyAnimation>())
{
}

ProgressDelegate::~ProgressDelegate() = default;

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Selection and hover first, as every other cell in the row has them.
    QStyleOptionViewItem itemOption(option);
    initStyleOption(&itemOption, index);
    itemOption.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &itemOption, painter, widget);

    const auto state = DownloadState(index.data(QueueModel::StateRole).toInt());
    bool ok = false;
    double fraction = index.data(QueueModel::ProgressRole).toDouble(&ok);
    if (!ok)
        fraction = -1;
    if (state == DownloadState::Finished)
        fraction = 1;
    const bool busy = fraction < 0 && (state == DownloadState::Connecting || state == DownloadState::Downloading);

    QStyleOptionProgressBar bar;
    bar.direction = option.direction;
    bar.palette = option.palette;
    bar.fontMetrics = option.fontMetrics;
    // Qt 6 draws a vertical bar unless told otherwise.
    bar.state = (option.state & (QStyle::State_Enabled | QStyle::State_Active)) | QStyle::State_Horizontal;
    // Not as tall as a roomy row, centred in it, with a little space around so rows stay apart.
    const QRect cell = option.rect.adjusted(3, 2, -3, -2);
    const int height = qMin(cell.height(), option.fontMetrics.height() + 6);
    bar.rect = QRect(cell.left(), cell.top() + (cell.height() - height) / 2, cell.width(), height);

    if (busy) {
        bar.minimum = 0;
        bar.maximum = 0;
        bar.progress = 0;
        bar.textVisible = false;
        bar.styleObject = m_busy.get();
        m_busy->painted(painter, option.rect);
    } else if (fraction < 0) {
        // Only the groove: at no progress some styles (Fusion) still draw a sliver of the bar.
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = 0;
        bar.textVisible = false;
        bar.rect = style->subElementRect(QStyle::SE_ProgressBarGroove, &bar, widget);
        style->drawControl(QStyle::CE_ProgressBarGroove, &bar, painter, widget);
        return;
    } else {
        fraction = qMin(fraction, 1.0);
        // Per mille, so a wide column fills smoothly; the label rounds down so 99.7% never reads 100%.
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = int(fraction * 1000.0);
        const int percent = int(fraction * 100.0);
        bar.text = tr("%1%", "download progress in percent").arg(option.locale.toString(percent));
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
    }

    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Wide enough that a bar reads as a bar next to its "100%" label.
    const QString widest = tr("%1%", "download progress in percent").arg(option.locale.toString(100));
    size.setWidth(qMax(120, option.fontMetrics.horizontalAdvance(widest) * 3));
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace Quiver
