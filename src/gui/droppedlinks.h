#pragma once

#include "linkdrop.h"
#include "links/linksparser.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Quiver {

// What the add-links box holds besides its text. Drops (and pastes too big for the text box) are read
// off the GUI thread; the links of those too many to show as text (a 50 MB file would take the text
// box seconds to lay out) are kept here, merged into one batch on the thread pool a drop at a time; and
// the problems and notes of drops, which name their file and are not lines of the box, stay listed
// until forget(). Results still on their way when forget() is called are dropped too.
class DroppedLinks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DroppedLinks)

public:
    using QObject::QObject;

    // Reads what future parses, named by source ("“list.txt”", "the pasted text"): arrived() follows,
    // or discarded() when forget() came first.
    void read(const QFuture<ParsedLinks> &future, const QString &source);
    // Adds links too many to show as text to the batch, after those already there: merged() follows.
    void keep(const QList<Link> &links, const QStringList &identities, const QString &source);
    void addProblems(const QList<InputProblem> &problems);
    void addNote(const QString &note);
    void forget();

    // Reading or merging: busyWith() names what was last given to read() or keep().
    bool isBusy() const { return m_pendingReads > 0 || m_merging; }
    const QString &busyWith() const { return m_busyWith; }
    // Changes with each forget(), so a question asked meanwhile can tell its answer is about the past.
    quint64 epoch() const { return m_epoch; }

    const IdentifiedLinks &batch() const { return m_batch; }
    const QList<InputProblem> &problems() const { return m_problems; }
    const QStringList &notes() const { return m_notes; }   // "No links found in “x”.", and the like

signals:
    void arrived(const Quiver::ParsedLinks &parsed, const QString &source);
    void discarded();
    // A merge ended; kept is false when forget() came first and its result was thrown away.
    void merged(bool kept);

private:
    struct Waiting {
        QList<Link> links;
        QStringList identities;   // parallel to links, or empty when the parse did not say
        QString source;
    };

    void startMerge();

    QList<InputProblem> m_problems;
    QStringList m_notes;
    IdentifiedLinks m_batch;
    QList<Waiting> m_waiting;
    bool m_merging = false;
    quint64 m_epoch = 0;
    int m_pendingReads = 0;
    QString m_busyWith;
};

} // namespace Quiver
