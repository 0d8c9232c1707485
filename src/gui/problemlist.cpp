#include "problemlist.h"

#include "addlinkspanel.h"

#include <QIcon>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

constexpr int kMaxVisibleRows = 5;

// The parser's reasons usually quote the offending text already; repeating it after a dash only adds
// noise, so the excerpt is shown only when the reason does not contain it. The strings are the panel's,
// which the translations already carry.
QString withExcerpt(const QString &text, const InputProblem &problem)
{
    if (problem.excerpt.isEmpty() || problem.reason.contains(problem.excerpt))
        return text;
    return AddLinksPanel::tr("%1 — %2", "a problem, then the text it is about").arg(text, problem.excerpt);
}

} // namespace

ProblemList::ProblemList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"problemsList"_s);
    setAccessibleName(tr("Rejected lines"));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    setUniformItemSizes(true);
    // The message-box icons are 32 pixels; at that size five problems would fill the pane.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    setIconSize(QSize(iconSize, iconSize));
    hide();
}

void ProblemList::setRows(const QList<ProblemRow> &rows)
{
    clear();
    if (rows.isEmpty()) {
        hide();
        return;
    }
    // Status icons are not among Quiver's own drawings; every style has these.
    const QIcon warning = QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const QIcon info = QIcon::fromTheme(u"dialog-information"_s, style()->standardIcon(QStyle::SP_MessageBoxInformation));
    for (const ProblemRow &row : rows) {
        auto *item = new QListWidgetItem(row.isProblem ? warning : info, row.text, this);
        // The panel's words, which the translations already carry.
        item->setToolTip(row.toolTip.isEmpty() || row.text.contains(row.toolTip)
                             ? row.text
                             : AddLinksPanel::tr("%1\n%2", "a problem, then the text it is about").arg(row.text, row.toolTip));
    }
    // At most a few rows tall, so the text box keeps its room; in a short pane it gives way down to two
    // rows before the text box shrinks below three lines. It scrolls for more.
    const int rowHeight = sizeHintForRow(0);
    const int frame = 2 * frameWidth();
    setMaximumHeight(int(qMin<qsizetype>(rows.size(), kMaxVisibleRows)) * rowHeight + frame);
    setMinimumHeight(int(qMin<qsizetype>(rows.size(), 2)) * rowHeight + frame);
    show();
}

QList<ProblemRow> ProblemList::rowsFor(const QStringList &notes, const QList<InputProblem> &dropProblems,
                                       const ParsedLinks &text, const QList<bool> &textQueued)
{
    QList<ProblemRow> rows;
    auto full = [&rows] { return rows.size() >= kMaxRows; };
    // Drops first: their problems name files, not lines of the box.
    for (const QString &note : notes)
        rows.append(ProblemRow{note, QString(), false});
    for (const InputProblem &problem : dropProblems) {
        if (full())
            break;
        rows.append(ProblemRow{withExcerpt(problem.reason, problem), problem.excerpt, true});
    }
    // The parser reports in line order and links come in line order, so the two lists merge.
    const QList<InputProblem> &problems = text.problems;
    const QList<Link> &links = text.links;
    qsizetype p = 0;
    qsizetype l = 0;
    qsizetype queued = 0;
    while (p < problems.size() || l < links.size()) {
        if (l < links.size() && !textQueued[l]) {
            ++l;
            continue;
        }
        const bool problemFirst = p < problems.size() && (l >= links.size() || problems[p].line <= links[l].line);
        if (full()) {
            // Past the limit only the queued duplicates still need counting.
            queued += problemFirst ? 0 : 1;
            (problemFirst ? p : l) += 1;
            continue;
        }
        if (problemFirst) {
            const InputProblem &problem = problems[p++];
            const QString line = problem.line > 0
                ? AddLinksPanel::tr("Line %1: %2").arg(QString::number(problem.line), problem.reason)
                : problem.reason;
            rows.append(ProblemRow{withExcerpt(line, problem), problem.excerpt, true});
        } else {
            const Link &link = links[l++];
            ++queued;
            rows.append(ProblemRow{AddLinksPanel::tr("Line %1: already in the queue").arg(link.line),
                                   link.url.toDisplayString(), false});
        }
    }
    const qsizetype total = notes.size() + dropProblems.size() + problems.size() + queued;
    if (rows.size() < total)
        rows.append(ProblemRow{AddLinksPanel::tr("… and %1 more").arg(QLocale().toString(total - rows.size())),
                               QString(), false});
    return rows;
}

} // namespace Quiver
