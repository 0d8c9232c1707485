#pragma once

#include <QList>
#include <QWidget>

namespace Quiver {

// The last minute of total download speed as a small filled area graph, for the status bar. The owner
// feeds it one sample a second with addSample(); the newest sample is at the right edge. The vertical
// scale follows the highest sample in view, but never drops below a floor, so an idle or trickling
// queue draws a flat line rather than noise blown up to full height.
class SpeedGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeedGraph)

public:
    static constexpr int Capacity = 60;            // samples kept: one a second for a minute
    static constexpr double ScaleFloor = 16 * 1024; // bytes per second at full height, at least

    explicit SpeedGraph(QWidget *parent = nullptr);

    void addSample(double bytesPerSecond);
    void clear();

    QList<double> samples() const { return m_samples; }
    double current() const;
    double peak() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateDescription();

    QList<double> m_samples;
};

} // namespace Quiver
