#pragma once

#include "links/linksparser.h"

#include <QList>
#include <QListWidget>
#include <QString>
#include <QStringList>

namespace Quiver {

// One line of the add-links panel's list of what was not added.
struct ProblemRow {
    QString text;
    QString toolTip;          // the text it is about, when the row does not quote it already
    bool isProblem = true;    // false for notes and queued duplicates: nothing is wrong there
};

// The list under the add-links box: a warning or an information icon per row, a few rows tall at most
// (it scrolls for more), hidden while there is nothing to say.
class ProblemList final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemList)

public:
    // A list of 100,000 rejected lines helps nobody and costs seconds to build; a last row counts the rest.
    static constexpr qsizetype kMaxRows = 1000;

    explicit ProblemList(QWidget *parent = nullptr);

    void setRows(const QList<ProblemRow> &rows);

    // The rows for what the panel holds: the notes and the problems of drops (which name their file
    // and line), then the text's problems and its links already queued (textQueued is parallel to
    // text.links), by line; at most kMaxRows and a count of the rest.
    static QList<ProblemRow> rowsFor(const QStringList &notes, const QList<InputProblem> &dropProblems,
                                     const ParsedLinks &text, const QList<bool> &textQueued);
};

} // namespace Quiver
