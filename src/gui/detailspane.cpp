#include "detailspane.h"

#include "queue/queuemodel.h"
#include "queuetablemodel.h"
#include "util/units.h"

#include <QDir>

namespace Quiver {

using namespace Qt::StringLiterals;

DetailsPane::DetailsPane(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"detailsPane"_s);
    setAccessibleName(tr("Download details"));
    setOpenLinks(false);
    setPlaceholderText(tr("Select a download to see its details."));
}

void DetailsPane::showDownloads(const QueueTableModel *table, const QList<DownloadId> &selected)
{
    if (selected.size() != 1) {
        m_html.clear();
        setHtml(selected.isEmpty() ? QString() : tr("%1 downloads selected.").arg(selected.size()));
        return;
    }
    const DownloadItem *item = table->queue()->find(selected.constFirst());
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
    html += row(tr("Attempts"), QString::number(item->attempts));
    if (!item->lastError.isEmpty())
        html += row(item->state == DownloadState::Failed ? tr("Reason") : tr("Last error"), item->lastError);
    if (!item->note.isEmpty() && !status.contains(item->note))
        html += row(tr("Note"), item->note);
    html += u"</table>"_s;
    // Progress ticks would otherwise rebuild the pane (and lose a text selection) many times a second.
    if (m_html != html) {
        m_html = html;
        setHtml(html);
    }
}

} // namespace Quiver
