#include "segmentbar.h"

#include "util/units.h"

#include <QEvent>
#include <QPainter>

#include <cmath>

namespace Quiver {

namespace {
constexpr int legendGap = 4;   // between the bar and the legend under it

QColor mixed(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}
} // namespace

SegmentBar::SegmentBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("segmentBar"));
    setAccessibleName(tr("Segment map"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SegmentBar::setMap(const SegmentMap &map)
{
    if (map == m_map)
        return;
    m_map = map;
    updateDescription();
    update();
}

QColor SegmentBar::doneColor() const
{
    return palette().color(QPalette::Highlight);
}

QColor SegmentBar::runningColor() const
{
    // Between the highlight and the background: clearly the same thing as received, not yet there.
    return mixed(palette().color(QPalette::Highlight), palette().color(QPalette::Base), 0.5);
}

QColor SegmentBar::waitingColor() const
{
    // A step off the background towards the text: visible as a track on light and dark palettes alike.
    return mixed(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.14);
}

int SegmentBar::barHeight() const
{
    return qMax(8, fontMetrics().height() / 2);
}

QSize SegmentBar::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {320 + margins.left() + margins.right(),
            barHeight() + legendGap + fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize SegmentBar::minimumSizeHint() const
{
    return {80, sizeHint().height()};
}

QString SegmentBar::legendText(int index) const
{
    const int connections = int(m_map.running.size());
    switch (index) {
    case 0: return tr("Received");
    case 1:
        return connections == 1 ? tr("Being fetched (1 connection)")
                                : tr("Being fetched (%1 connections)").arg(connections);
    default: return tr("Waiting");
    }
}

void SegmentBar::updateDescription()
{
    qint64 received = 0;
    for (const ByteRange &range : m_map.done)
        received += range.size();
    qint64 fetching = 0;
    for (const ByteRange &range : m_map.running)
        fetching += range.size();
    const qint64 total = qMax<qint64>(0, m_map.total);
    const qint64 waiting = qMax<qint64>(0, total - received - fetching);
    const int connections = int(m_map.running.size());
    const QString atWork = connections == 0 ? tr("No connection is at work.")
        : connections == 1                  ? tr("1 connection is at work.")
                                            : tr("%1 connections are at work.").arg(connections);
    const QString text = tr("Received: %1 of %2\nBeing fetched: %3\nWaiting for a connection: %4\n%5")
                             .arg(Units::bytes(received), Units::bytes(total), Units::bytes(fetching),
                                  Units::bytes(waiting), atWork);
    setToolTip(text);
    setAccessibleDescription(text);
}

void SegmentBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
}

void SegmentBar::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    const QRect area = contentsRect();
    const QRect bar(area.left(), area.top(), area.width(), barHeight());
    painter.fillRect(bar, waitingColor());
    if (m_map.total > 0 && bar.width() > 0) {
        const double scale = double(bar.width()) / double(m_map.total);
        // Whole pixels, each range at least one wide: a small range that is there is never invisible.
        const auto span = [&](const ByteRange &range) {
            const int left = bar.left() + int(std::floor(double(range.begin) * scale));
            const int right = bar.left() + int(std::ceil(double(range.end) * scale));
            return QRect(left, bar.top(), qMax(1, right - left), bar.height());
        };
        for (const ByteRange &range : m_map.running)
            painter.fillRect(span(range), runningColor());
        for (const ByteRange &range : m_map.done)
            painter.fillRect(span(range), doneColor());
        // Where one connection's range ends and another's may begin.
        for (const ByteRange &range : m_map.running) {
            const QRect piece = span(range);
            if (piece.width() > 3 && range.end < m_map.total)
                painter.fillRect(QRect(piece.right(), bar.top(), 1, bar.height()), palette().color(QPalette::Base));
        }
    }
    QColor frame = palette().color(QPalette::Text);
    frame.setAlphaF(0.25f);
    painter.setPen(frame);
    painter.drawRect(bar.adjusted(0, 0, -1, -1));

    // The legend: a swatch and a word for each colour, in one line under the bar.
    const QFontMetrics metrics = fontMetrics();
    const int swatch = metrics.ascent() - 2;
    int x = area.left();
    const int textTop = bar.bottom() + 1 + legendGap;
    const QColor colors[] = {doneColor(), runningColor(), waitingColor()};
    for (int i = 0; i < 3; ++i) {
        const QRect box(x, textTop + (metrics.height() - swatch) / 2, swatch, swatch);
        painter.fillRect(box, colors[i]);
        painter.setPen(frame);
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        x = box.right() + 5;
        const QString label = legendText(i);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(x, textTop, metrics.horizontalAdvance(label) + 1, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
        x += metrics.horizontalAdvance(label) + 3 * swatch / 2;
    }
}

} // namespace Quiver
