#include "speedgraph.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

#include "util/units.h"

namespace Quiver {

SpeedGraph::SpeedGraph(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    // A little air so the graph does not touch whatever frames it (a status bar edge, a toolbar).
    setContentsMargins(1, 2, 1, 2);
    setAccessibleName(tr("Download speed graph"));
    m_samples.reserve(Capacity);
    updateDescription();
}

void SpeedGraph::addSample(double bytesPerSecond)
{
    // A glitch upstream (a negative delta after a restart, a division by zero) must not break the scale.
    const double sample = std::isfinite(bytesPerSecond) ? std::max(bytesPerSecond, 0.0) : 0.0;
    if (m_samples.size() >= Capacity)
        m_samples.remove(0, m_samples.size() - Capacity + 1);
    m_samples.append(sample);
    updateDescription();
    update();
}

void SpeedGraph::clear()
{
    m_samples.clear();
    updateDescription();
    update();
}

double SpeedGraph::current() const
{
    return m_samples.isEmpty() ? 0.0 : m_samples.constLast();
}

double SpeedGraph::peak() const
{
    return m_samples.isEmpty() ? 0.0 : *std::max_element(m_samples.cbegin(), m_samples.cend());
}

QSize SpeedGraph::sizeHint() const
{
    return {120, 22};
}

QSize SpeedGraph::minimumSizeHint() const
{
    return {60, 16};
}

void SpeedGraph::updateDescription()
{
    const QString text = tr("Download speed: %1\nHighest in the last minute: %2")
                             .arg(Units::speed(current()), Units::speed(peak()));
    setToolTip(text);
    setAccessibleDescription(text);
}

void SpeedGraph::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QRect area = contentsRect();
    // Half-pixel positions keep the 1 px baseline crisp under antialiasing; the top keeps room for the
    // line's width so a peak is not clipped.
    const double left = area.left();
    const double right = area.left() + area.width();
    const double bottom = area.top() + area.height() - 0.5;
    const double top = area.top() + 1.5;

    QColor baseline = palette().color(QPalette::WindowText);
    baseline.setAlphaF(0.25f);
    painter.setPen(QPen(baseline, 1.0));
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom));

    const qsizetype count = m_samples.size();
    if (count < 2)
        return;

    const double scale = std::max(peak(), ScaleFloor);
    const double step = (right - left) / double(Capacity - 1);
    // The newest sample sits at the right edge; a graph younger than a minute starts partway along,
    // so the time axis is always the same minute.
    const double firstX = right - double(count - 1) * step;

    QPainterPath line;
    for (qsizetype i = 0; i < count; ++i) {
        const QPointF point(firstX + double(i) * step, bottom - m_samples.at(i) / scale * (bottom - top));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }

    QPainterPath fill = line;
    fill.lineTo(right, bottom);
    fill.lineTo(firstX, bottom);
    fill.closeSubpath();

    const QColor highlight = palette().color(QPalette::Highlight);
    QColor fillColor = highlight;
    fillColor.setAlphaF(0.3f);
    painter.fillPath(fill, fillColor);
    painter.setPen(QPen(highlight, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
}

} // namespace Quiver
