#pragma once

#include "queue/downloaditem.h"

#include <QTextBrowser>

namespace Quiver {

class QueueTableModel;

// The pane under the queue: everything about the one selected download (the full reason of a failure,
// the note about a changed link), or how many are selected.
class DetailsPane final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void showDownloads(const QueueTableModel *table, const QList<DownloadId> &selected);

private:
    QString m_html;   // what is shown, so unchanged details are not set again
};

} // namespace Quiver
