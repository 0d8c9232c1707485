#include "detailspane.h"

#include "queue/queuemodel.h"
#include "queuetablemodel.h"
#include "segmentbar.h"
#include "util/units.h"

#include <QDir>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Quiver {

using namespace Qt::StringLiterals;

DetailsPane::DetailsPane(QWidget *parent)
    : QFrame(parent)
    , m_text(new QTextBrowser(this))
    , m_segments(new SegmentBar(this))
{
    setObjectName(u"detailsPane"_s);
    // One framed box on the text's background, the map inside it above the text, as if one widget.
    setFrameStyle(QFrame::StyledPanel | QFrame::Sunken);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_text->setFrameStyle(QFrame::NoFrame);
    m_text->setAccessibleName(tr("Download details"));
    m_text->setOpenLinks(false);
    m_text->setPlaceholderText(tr("Select a download to see its details."));
    m_segments->setContentsMargins(6, 6, 6, 0);
    m_segments->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(frameWidth(), frameWidth(), frameWidth(), frameWidth());
    layout->setSpacing(0);
    layout->addWidget(m_segments);
    layout->addWidget(m_text);
    setFocusProxy(m_text);
}

QString DetailsPane::toPlainText() const
{
    return m_text->toPlainText();
}

const SegmentBar *DetailsPane::segmentBar() const
{
    return m_segments->isVisibleTo(this) ? m_segments : nullptr;
}

void DetailsPane::showDownloads(const QueueTableModel *table, const QList<DownloadId> &selected, int globalSegments)
{
    const DownloadItem *item = selected.size() == 1 ? table->queue()->find(selected.constFirst()) : nullptr;
    const SegmentMap map = item ? table->queue()->segmentMap(item->id) : SegmentMap{};
    m_segments->setMap(map);
    m_segments->setVisible(!map.isEmpty());
    if (selected.size() != 1) {
        m_html.clear();
        m_text->setHtml(selected.isEmpty() ? QString() : tr("%1 downloads selected.").arg(selected.size()));
        return;
    }
    if (!item)
        return;
    const auto row = [](const QString &label, const QString &value) {
        return u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(),
                                                                                           value.toHtmlEscaped());
    };
    QString html = u"<table>"_s;
    html += row(tr("Name"), QueueModel::nameOf(*item));
    html += row(tr("Link"), item->url.toDisplayString(QUrl::RemoveUserInfo));
    html += row(tr("Where", "the engine a download runs on"), QueueTableModel::whereText(*item));
    // A remote row's folder is on the daemon's machine: shown as that machine spells it.
    html += row(item->engine.isEmpty() ? tr("Folder") : tr("Folder on %1").arg(item->engine),
                item->engine.isEmpty() ? QDir::toNativeSeparators(item->directory) : item->directory);
    // A failed row's status already carries the reason; show it once, in its own row.
    const QString status = item->state == DownloadState::Failed ? stateName(item->state) : table->statusText(*item);
    html += row(tr("Status"), status);
    html += row(tr("Size"), Units::progress(item->bytesReceived, item->bytesTotal));
    if (item->state != DownloadState::Finished) {
        const int count = item->segmentsOr(globalSegments);
        QString connections = item->segments > 0 ? tr("Up to %1, this download's own number").arg(count)
                                                 : tr("Up to %1, as in Settings").arg(count);
        const int atWork = int(map.running.size());
        if (atWork > 0)
            connections += atWork == 1 ? tr("; 1 at work now") : tr("; %1 at work now").arg(atWork);
        html += row(tr("Connections"), connections);
    }
    html += row(tr("Attempts"), QString::number(item->attempts));
    if (!item->lastError.isEmpty())
        html += row(item->state == DownloadState::Failed ? tr("Reason") : tr("Last error"), item->lastError);
    if (!item->note.isEmpty() && !status.contains(item->note))
        html += row(tr("Note"), item->note);
    html += u"</table>"_s;
    // Progress ticks would otherwise rebuild the pane (and lose a text selection) many times a second.
    if (m_html != html) {
        m_html = html;
        m_text->setHtml(html);
    }
}

} // namespace Quiver
