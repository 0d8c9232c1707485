#pragma once

#include "queue/segmentmap.h"

#include <QWidget>

namespace Quiver {

// A segmented download's map as one thin bar across the file: the bytes received in the highlight
// colour, what the connections are fetching now in a paler shade of it (each connection's range ends
// in a thin gap, so the pieces can be told apart), and what waits for a connection in the background.
// A legend under the bar names the three and counts the connections; the tooltip says the same in
// figures.
class SegmentBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentBar)

public:
    explicit SegmentBar(QWidget *parent = nullptr);

    void setMap(const SegmentMap &map);
    const SegmentMap &map() const { return m_map; }

    // The colours, from the palette in use, so light and dark themes both read.
    QColor doneColor() const;
    QColor runningColor() const;
    QColor waitingColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int barHeight() const;
    QString legendText(int index) const;
    void updateDescription();

    SegmentMap m_map;
};

} // namespace Quiver
