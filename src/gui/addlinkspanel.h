#pragma once

#include "links/linksparser.h"
#include "linkssummary.h"
#include "queue/downloadstate.h"
#include "problemlist.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QLabel;
class QMimeData;
class QPushButton;

namespace Quiver {

class DroppedLinks;
class EngineChooser;
class LinksEdit;
class TextLinks;

// The "Add links" box: a text box that checks what is typed, pasted or dropped into it as it changes,
// says how many links it found and which lines it rejected (and why), and hands the new links over
// when the user clicks "Download" (queue them and start them: what a person who pasted links wants) or
// "Add Paused" (queue them to start later). It never queues anything itself.
//
// Texts over 1 MB are parsed on the thread pool, so a big text does not freeze the window. Pastes of
// more than 10,000 lines are not put into the text box at all (laying them out would take it a second):
// they are read like a dropped file, on the thread pool, and drops of more than 10,000 links are kept
// beside the text rather than in it, for the same reason. TextLinks keeps the text parsed, DroppedLinks
// holds what drops brought; LinksSummary words the summary line and LinksToAdd picks what Add hands over.
class AddLinksPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddLinksPanel)

public:
    explicit AddLinksPanel(QWidget *parent = nullptr);
    ~AddLinksPanel() override;

    // Replaces the text, as typing would; any size goes into the text box.
    void setText(const QString &text);
    QString text() const;

    // What pasting does (Ctrl+V in the box, the window's Paste Links): up to 10,000 lines are added at
    // the end of the text, on a line of their own; a bigger text is read off the GUI thread like a
    // dropped file ("Reading the pasted text…"), its links kept beside the text if there are more than
    // 10,000, and its problems named "Pasted text, line N: …".
    void paste(const QString &text);

    // Shows the result of a drop as if it had been typed: the links are appended to the text (with
    // their out=, dir= and checksum= options), and the problems, which name their file and line (see
    // linksFromMimeData), stay listed until the links are added or the box is cleared. Over 10,000
    // links are not shown as text but kept beside it, with a note naming sourceName; they are counted
    // and added all the same. sourceName follows "from " or "No links found in ": use describeDrop.
    void appendParsed(const ParsedLinks &parsed, const QString &sourceName);

    // Reads a drop's files off the GUI thread, says "Reading …" meanwhile, then appendParsed. What
    // dropEvent does; a window can send its own drops here too.
    void readMimeData(const QMimeData *mime);

    // True while the box holds links that are not queued yet (as last parsed).
    bool hasNewLinks() const { return m_hasNewLinks; }
    // Nothing typed, pasted or dropped is waiting in the box.
    bool isEmpty() const;

    // A submission still waiting for a parse or a read goes with this intent instead (Pause All given
    // meanwhile).
    void setWaitingIntent(Quiver::Intent intent);

    // Tells the panel which links are already queued, so duplicates are pointed out, not added twice.
    void setQueuedCheck(std::function<bool(const QString &linkIdentity)> isQueued);

    // >1,000 links asks for confirmation; tests replace the question (default: QMessageBox::question).
    void setConfirmLargeAdd(std::function<bool(int count)> confirm);

    // Dropped files and links this takes (checksum lists: a local file, or an http(s) link to one) are
    // handed to it instead of read as links.
    void setUrlTaker(std::function<bool(const QUrl &url)> take) { m_takeUrl = std::move(take); }

    // How typed, pasted and dropped text is read: URL patterns or not, and the most links one pattern
    // may make (the window's settings). The text in the box is checked again with them.
    void setLinkListOptions(const LinkListOptions &options);

    // Where the links will run (and, for a remote engine, the folder on its machine).
    EngineChooser *engineChooser() const { return m_engine; }

    // What the box holds now, parsed: the text's links, then dropped links kept beside it; the text's
    // problems, then those of drops still listed. Parses on the spot if the text changed since the last
    // parse.
    ParsedLinks current() const;

    // Submissions of more links than this ask first: a whole web page pasted by mistake is easy to do.
    static constexpr int kConfirmAbove = 1000;

public slots:
    // Intent::Run = clicking Download (or Ctrl+Return in the box), Intent::Pause = clicking Add Paused.
    // Parses first if the text changed since the last parse; when a big text is being parsed, or a paste
    // or a drop read, the links are submitted once that is done.
    void submit(Quiver::Intent intent);

signals:
    // New links only (queued duplicates removed), with their linkIdentity()s, worked out off the GUI
    // thread where they could be: a receiver that keeps them saves recomputing 100,000 of them. intent
    // says whether they are to start at once.
    void linksSubmitted(const QList<Quiver::Link> &links, const QStringList &identities, Quiver::Intent intent);
    // hasNewLinks() changed.
    void newLinksChanged(bool any);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onTextChanged();
    void clear();
    void forgetDrops();
    void readInBackground(const QFuture<ParsedLinks> &future, const QString &source);
    void submitIfReady();
    void finishSubmit();
    bool isQueued(const QString &identity) const;
    QList<bool> textQueuedFlags() const;
    qsizetype countQueued(const QStringList &identities) const;
    void countBatchQueued();
    QList<ProblemRow> problemRows(const QList<bool> &textQueued) const;
    void updateView();

    LinksEdit *m_edit = nullptr;
    QLabel *m_summary = nullptr;
    EngineChooser *m_engine = nullptr;
    ProblemList *m_problems = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_addPausedButton = nullptr;
    QPushButton *m_downloadButton = nullptr;

    TextLinks *m_text = nullptr;   // the text's links, kept parsed
    // Add was clicked while something was still being parsed or read: submit once it is done. Editing
    // the text or clearing the box takes the click back.
    bool m_submitWhenReady = false;
    Intent m_submitIntent = Intent::Pause;   // what the waiting submission asked for
    bool m_hasNewLinks = false;
    // The panel itself is changing the text (a drop's links going in, the box emptied after Add): that
    // is no edit of the user's.
    bool m_changingText = false;

    // What drops brought besides text. Editing the text keeps it; adding the links or clearing the box
    // forgets it. Its links are counted, checked and added with the text's links.
    DroppedLinks *m_drops = nullptr;
    std::function<bool(const QUrl &url)> m_takeUrl;
    LinkListOptions m_options;
    // How many of the dropped batch were queued when it arrived. Not counted past 200,000 links (a
    // million calls into the window's check would freeze it); adding the links checks each one anyway.
    qsizetype m_batchQueued = 0;

    // After a submission the text is empty, but what happened to it stays in view until the next edit.
    bool m_showingSubmitted = false;
    LinksSummary m_submitted;
    QList<ProblemRow> m_submittedRows;

    std::function<bool(const QString &)> m_isQueued;
    std::function<bool(int)> m_confirmLargeAdd;
};

} // namespace Quiver
