#pragma once

#include "queue/downloaditem.h"

#include <QFrame>

class QTextBrowser;

namespace Quiver {

class QueueTableModel;
class SegmentBar;

// The pane under the queue: everything about the one selected download (the full reason of a failure,
// the note about a changed link, the map of its segments while it has one), or how many are selected.
class DetailsPane final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);

    // globalSegments: the connections per download in Settings, for a download without its own number.
    void showDownloads(const QueueTableModel *table, const QList<DownloadId> &selected, int globalSegments);
    QString toPlainText() const;
    // Null while no segment map is shown.
    const SegmentBar *segmentBar() const;

private:
    QTextBrowser *m_text = nullptr;
    SegmentBar *m_segments = nullptr;
    QString m_html;   // what is shown, so unchanged details are not set again
};

} // namespace Quiver
