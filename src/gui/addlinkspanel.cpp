#include "addlinkspanel.h"

#include "icons.h"
#include "linkdrop.h"
#include "linksedit.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

constexpr int kParseDelayMs = 150;
// Above this many characters (about 1 MB of links) the parse leaves the GUI thread.
constexpr int kAsyncParseChars = 1'000'000;
// Laying out text costs the text box about 4 µs a line on the GUI thread; bigger drops stay beside it.
constexpr qsizetype kMaxLinksShownAsText = LinksEdit::kMaxLinesAsText;
// Checking a link against the queue costs about half a microsecond, through the window's callback.
constexpr qsizetype kMaxBatchCheckedOnArrival = 200'000;

QString number(qsizetype n)
{
    return QLocale().toString(n);
}

// No .qm is loaded for English, so "%n link(s)" would be shown as written: singular and plural are
// separate source strings, both translated at the call.
QString counted(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(number(n));
}

QString joinParts(const QStringList &parts)
{
    return parts.join(AddLinksPanel::tr(" · ", "separates the parts of the summary line"));
}

} // namespace

AddLinksPanel::AddLinksPanel(QWidget *parent)
    : QWidget(parent)
    , m_edit(new LinksEdit(this))
    , m_summary(new QLabel(this))
    , m_problems(new ProblemList(this))
    , m_clearButton(new QPushButton(tr("Clear"), this))
    , m_addButton(new QPushButton(tr("Add to queue"), this))
{
    setAcceptDrops(true);

    m_edit->setPlaceholderText(tr("Paste links, or text that contains links, or drop a file of links here"));

    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setTextFormat(Qt::PlainText);
    // A long file name in "Reading …" must not widen the window.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    m_addButton->setObjectName(u"addButton"_s);
    m_addButton->setIcon(icon(u"list-add"_s));
    m_addButton->setDefault(true);
    m_addButton->setToolTip(tr("Add the links found to the download queue (%1)").arg(shortcut));
    m_addButton->setEnabled(false);
    m_clearButton->setObjectName(u"clearButton"_s);
    m_clearButton->setIcon(icon(u"edit-clear"_s));
    m_clearButton->setToolTip(tr("Empty the box and forget its problems"));
    m_clearButton->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_clearButton);
    bar->addWidget(m_addButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit, 1);
    layout->addLayout(bar);
    layout->addWidget(m_problems);

    m_parseTimer.setSingleShot(true);
    m_parseTimer.setInterval(kParseDelayMs);
    connect(&m_parseTimer, &QTimer::timeout, this, &AddLinksPanel::parseNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &AddLinksPanel::onTextChanged);
    connect(m_edit, &LinksEdit::submitRequested, this, &AddLinksPanel::submit);
    connect(m_edit, &LinksEdit::largeTextPasted, this, &AddLinksPanel::paste);
    connect(m_addButton, &QPushButton::clicked, this, &AddLinksPanel::submit);
    connect(m_clearButton, &QPushButton::clicked, this, &AddLinksPanel::clear);

    m_confirmLargeAdd = [this](int count) {
        return QMessageBox::question(this, tr("Add many links?"),
                                     tr("Add %1 links to the download queue?").arg(number(count)))
            == QMessageBox::Yes;
    };
}

AddLinksPanel::~AddLinksPanel() = default;

AddLinksPanel::TextParse AddLinksPanel::parseText(const QString &text)
{
    TextParse parse{parseAnyText(text), {}};
    parse.identities = identitiesOf(parse.parsed);
    return parse;
}

void AddLinksPanel::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

QString AddLinksPanel::text() const
{
    return m_edit->toPlainText();
}

void AddLinksPanel::paste(const QString &text)
{
    if (LinksEdit::isLargeText(text)) {
        readInBackground(pastedTextAsync(text), tr("the pasted text"));
        return;
    }
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_edit->document()->isEmpty() ? text : u'\n' + text);
    m_edit->setTextCursor(cursor);
}

void AddLinksPanel::setQueuedCheck(std::function<bool(const QString &)> isQueued)
{
    m_isQueued = std::move(isQueued);
    countBatchQueued();
    updateView();
}

void AddLinksPanel::setConfirmLargeAdd(std::function<bool(int)> confirm)
{
    m_confirmLargeAdd = std::move(confirm);
}

ParsedLinks AddLinksPanel::current() const
{
    const TextParse parse = m_parsedGeneration == m_textGeneration ? m_text : parseText(m_edit->toPlainText());
    ParsedLinks result = parse.parsed;
    if (!m_batch.links.isEmpty()) {
        const QSet<QString> inText(parse.identities.cbegin(), parse.identities.cend());
        for (qsizetype i = 0; i < m_batch.links.size(); ++i) {
            if (!inText.contains(m_batch.identities[i]))
                result.links.append(m_batch.links[i]);
        }
    }
    result.problems.append(m_dropProblems);
    return result;
}

void AddLinksPanel::appendParsed(const ParsedLinks &parsed, const QString &sourceName)
{
    m_showingSubmitted = false;
    m_submittedRows.clear();
    m_dropProblems.append(parsed.problems);
    if (parsed.links.isEmpty()) {
        if (parsed.problems.isEmpty())
            m_notes.append(tr("No links found in %1.").arg(sourceName));
        updateView();
        return;
    }
    if (parsed.links.size() > kMaxLinksShownAsText) {
        m_waitingBatches.append(WaitingBatch{parsed.links, parsed.identities, sourceName});
        m_readingName = sourceName;
        startBatchJob();
        updateView();
        return;
    }

    QString block = linksAsText(parsed.links);
    QTextCursor cursor(m_edit->document());
    if (!m_edit->document()->isEmpty()) {
        const QString existing = m_edit->toPlainText();
        if (!looksLikeLinkList(existing)) {
            // Prose is only searched for links: appended option lines would be ignored there, and a
            // checksum silently lost. The prose's own links are kept, in list form.
            block = linksAsText(parseAnyText(existing).links) + block;
            cursor.select(QTextCursor::Document);
        } else {
            cursor.movePosition(QTextCursor::End);
            if (!existing.endsWith(u'\n'))
                block.prepend(u'\n');
        }
    }
    // One edit, so one undo step brings the text back. The parse of it follows as for any edit, but a
    // click on Add that waits for this drop still stands.
    m_changingText = true;
    cursor.insertText(block);
    m_changingText = false;
    m_parseTimer.start();
    updateView();
}

void AddLinksPanel::readMimeData(const QMimeData *mime)
{
    if (!canAcceptLinks(mime))
        return;
    readInBackground(linksFromMimeDataAsync(mime), describeDrop(mime));
}

void AddLinksPanel::readInBackground(const QFuture<ParsedLinks> &future, const QString &source)
{
    const quint64 epoch = m_dropEpoch;
    ++m_pendingReads;
    m_readingName = source;
    auto *watcher = new QFutureWatcher<ParsedLinks>(this);
    connect(watcher, &QFutureWatcher<ParsedLinks>::finished, this, [this, watcher, source, epoch] {
        watcher->deleteLater();
        --m_pendingReads;
        // Cleared while it was being read: the user no longer wants it.
        if (epoch == m_dropEpoch)
            appendParsed(watcher->future().takeResult(), source);
        else
            updateView();
        if (m_submitWhenReady)
            submitIfReady();
    });
    watcher->setFuture(future);
    updateView();
}

void AddLinksPanel::submit()
{
    m_submitWhenReady = true;
    submitIfReady();
}

void AddLinksPanel::submitIfReady()
{
    if (m_pendingReads > 0 || m_batchJobRunning) {
        updateView();   // "Reading …": the read or merge that ends calls back here
        return;
    }
    if (m_parsedGeneration != m_textGeneration) {
        parseNow();   // a small text is parsed (and submitted, through applyParse) right here
        if (m_parsedGeneration != m_textGeneration)
            updateView();   // a big one is still being parsed: "Checking links…"
        return;
    }
    finishSubmit();
}

void AddLinksPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (canAcceptLinks(event->mimeData()))
        event->acceptProposedAction();
}

void AddLinksPanel::dragMoveEvent(QDragMoveEvent *event)
{
    // Without this the drop is refused as soon as the pointer moves.
    if (canAcceptLinks(event->mimeData()))
        event->acceptProposedAction();
}

void AddLinksPanel::dropEvent(QDropEvent *event)
{
    if (!canAcceptLinks(event->mimeData()))
        return;
    event->acceptProposedAction();
    readMimeData(event->mimeData());
}

void AddLinksPanel::onTextChanged()
{
    ++m_textGeneration;
    if (m_changingText)
        return;   // the panel's own change, which sees to its parse itself
    // Editing after clicking Add while a big text was being parsed: what was asked for is gone.
    if (std::exchange(m_submitWhenReady, false))
        countBatchQueued();   // left for the submission to count
    m_parseTimer.start();
    if (m_showingSubmitted) {
        m_showingSubmitted = false;
        m_submittedRows.clear();
        updateView();
    }
}

void AddLinksPanel::forgetDrops()
{
    m_dropProblems.clear();
    m_notes.clear();
    disposeInBackground(m_batch);
    m_batchQueued = 0;
    m_waitingBatches.clear();
    ++m_dropEpoch;
}

void AddLinksPanel::clear()
{
    forgetDrops();
    m_showingSubmitted = false;
    m_submittedRows.clear();
    m_submitWhenReady = false;
    m_changingText = true;   // nothing to parse in an empty box
    m_edit->clear();
    m_changingText = false;
    m_parseTimer.stop();
    disposeInBackground(m_text);
    m_parsedGeneration = m_textGeneration;
    updateView();
}

void AddLinksPanel::parseNow()
{
    m_parseTimer.stop();
    if (m_parsedGeneration == m_textGeneration)
        return;
    if (m_edit->document()->characterCount() > kAsyncParseChars) {
        // One parse at a time: when it ends and the text has changed again, the latest text is parsed.
        if (!m_asyncParseRunning)
            startAsyncParse(m_edit->toPlainText());
        updateView();
        return;
    }
    applyParse(parseText(m_edit->toPlainText()));
}

void AddLinksPanel::startAsyncParse(const QString &text)
{
    m_asyncParseRunning = true;
    const quint64 generation = m_textGeneration;
    auto *watcher = new QFutureWatcher<TextParse>(this);
    connect(watcher, &QFutureWatcher<TextParse>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_asyncParseRunning = false;
        if (generation == m_textGeneration)
            applyParse(watcher->future().takeResult());
        else if (!m_parseTimer.isActive())
            parseNow();   // the text changed meanwhile and no parse is scheduled for it yet
    });
    watcher->setFuture(runInThreadPool<TextParse>([text] { return parseText(text); }));
}

void AddLinksPanel::applyParse(TextParse parse)
{
    std::swap(m_text, parse);
    if (parse.parsed.links.size() > kMaxLinksShownAsText)
        disposeInBackground(parse);
    m_parsedGeneration = m_textGeneration;
    if (m_submitWhenReady)
        submitIfReady();
    else
        updateView();
}

// Big drops are merged into the batch one at a time, each merge starting from the result of the last.
void AddLinksPanel::startBatchJob()
{
    if (m_batchJobRunning || m_waitingBatches.isEmpty())
        return;
    m_batchJobRunning = true;
    WaitingBatch waiting = m_waitingBatches.takeFirst();
    const quint64 epoch = m_dropEpoch;
    const QString note = tr("%1 links from %2 are ready to add; there are too many to show them in the box.")
                             .arg(number(waiting.links.size()), waiting.sourceName);
    auto *watcher = new QFutureWatcher<IdentifiedLinks>(this);
    connect(watcher, &QFutureWatcher<IdentifiedLinks>::finished, this, [this, watcher, note, epoch] {
        watcher->deleteLater();
        m_batchJobRunning = false;
        IdentifiedLinks batch = watcher->future().takeResult();
        if (epoch == m_dropEpoch) {
            std::swap(m_batch, batch);
            // A submission waiting for this batch counts them anyway.
            if (!m_submitWhenReady)
                countBatchQueued();
            m_notes.append(note);
        }
        disposeInBackground(batch);
        startBatchJob();
        if (m_submitWhenReady)
            submitIfReady();
        else
            updateView();
    });
    // The links live on in the job only, so the pool frees whatever the merge leaves unused.
    watcher->setFuture(runInThreadPool<IdentifiedLinks>([batch = m_batch, links = std::exchange(waiting.links, {}),
                                                         identities = std::exchange(waiting.identities, {})] {
        return mergedLinks(batch, links, identities);
    }));
}

void AddLinksPanel::finishSubmit()
{
    m_submitWhenReady = false;
    const QList<bool> textQueued = textQueuedFlags();
    const QList<Link> &textLinks = m_text.parsed.links;
    // Not const: handed to the pool to be freed.
    QList<Link> fresh;
    QStringList identities;
    fresh.reserve(textLinks.size());
    identities.reserve(textLinks.size());
    qsizetype queued = 0;
    for (qsizetype i = 0; i < textLinks.size(); ++i) {
        if (textQueued[i]) {
            ++queued;
        } else {
            fresh.append(textLinks[i]);
            identities.append(m_text.identities[i]);
        }
    }
    if (!m_batch.links.isEmpty()) {
        const QSet<QString> inText(m_text.identities.cbegin(), m_text.identities.cend());
        QList<bool> skip(m_batch.links.size(), false);
        qsizetype skipped = 0;
        qsizetype batchQueued = 0;
        for (qsizetype i = 0; i < m_batch.links.size(); ++i) {
            const QString &identity = m_batch.identities[i];
            const bool typed = inText.contains(identity);
            const bool wasQueued = !typed && isQueued(identity);
            queued += wasQueued ? 1 : 0;
            batchQueued += wasQueued ? 1 : 0;
            skip[i] = typed || wasQueued;
            skipped += skip[i] ? 1 : 0;
        }
        // What the summary says should the question below be answered no.
        m_batchQueued = batchQueued;
        // A big drop added on its own is handed over as it is, without copying a million links.
        if (fresh.isEmpty() && skipped == 0) {
            fresh = m_batch.links;
            identities = m_batch.identities;
        } else {
            for (qsizetype i = 0; i < m_batch.links.size(); ++i) {
                if (!skip[i]) {
                    fresh.append(m_batch.links[i]);
                    identities.append(m_batch.identities[i]);
                }
            }
        }
    }
    if (fresh.isEmpty()) {
        updateView();
        return;
    }
    if (fresh.size() > kConfirmAbove) {
        const quint64 generation = m_textGeneration;
        const quint64 epoch = m_dropEpoch;
        // The question may run an event loop: if the box changed meanwhile, the answer was about
        // something else.
        if (!m_confirmLargeAdd || !m_confirmLargeAdd(int(fresh.size())) || generation != m_textGeneration
            || epoch != m_dropEpoch) {
            updateView();
            return;
        }
    }

    // Taken before the links are handed over: once queued, every one of them is "already in the queue".
    m_submittedRows = problemRows(textQueued);
    m_submittedCount = fresh.size();
    m_submittedQueued = queued;
    m_submittedRejected = 0;
    for (const InputProblem &problem : std::as_const(m_text.parsed.problems))
        m_submittedRejected += problem.line > 0 ? 1 : 0;
    for (const InputProblem &problem : std::as_const(m_dropProblems))
        m_submittedRejected += problem.line > 0 ? 1 : 0;

    m_changingText = true;   // nothing to parse in an empty box
    m_edit->clear();
    m_changingText = false;
    m_parseTimer.stop();
    disposeInBackground(m_text);
    m_parsedGeneration = m_textGeneration;
    forgetDrops();
    m_showingSubmitted = true;
    updateView();
    // Last, so a receiver that fills the box again is not undone by the clearing above.
    emit linksSubmitted(fresh, identities);
    disposeInBackground(fresh);
    disposeInBackground(identities);
}

void AddLinksPanel::countBatchQueued()
{
    // A million calls into the window's check would freeze it; past this, queued links are only found
    // (and left out) when the links are added.
    m_batchQueued = m_batch.links.size() <= kMaxBatchCheckedOnArrival ? countQueued(m_batch.identities) : 0;
}

bool AddLinksPanel::isQueued(const QString &identity) const
{
    return m_isQueued && m_isQueued(identity);
}

QList<bool> AddLinksPanel::textQueuedFlags() const
{
    QList<bool> flags(m_text.identities.size(), false);
    if (m_isQueued) {
        for (qsizetype i = 0; i < flags.size(); ++i)
            flags[i] = m_isQueued(m_text.identities[i]);
    }
    return flags;
}

qsizetype AddLinksPanel::countQueued(const QStringList &identities) const
{
    if (!m_isQueued)
        return 0;
    return std::count_if(identities.cbegin(), identities.cend(), m_isQueued);
}

QList<ProblemRow> AddLinksPanel::problemRows(const QList<bool> &textQueued) const
{
    return ProblemList::rowsFor(m_notes, m_dropProblems, m_text.parsed, textQueued);
}

void AddLinksPanel::updateView()
{
    QStringList parts;
    QList<ProblemRow> rows;
    qsizetype newLinks = 0;
    if (m_showingSubmitted) {
        parts.append(counted(m_submittedCount, tr("1 link added to the queue"), tr("%1 links added to the queue")));
        if (m_submittedRejected > 0)
            parts.append(counted(m_submittedRejected, tr("1 line rejected"), tr("%1 lines rejected")));
        if (m_submittedQueued > 0)
            parts.append(counted(m_submittedQueued, tr("1 already in the queue"), tr("%1 already in the queue")));
        rows = m_submittedRows;
    } else {
        const QList<bool> textQueued = textQueuedFlags();
        qsizetype queued = std::count(textQueued.cbegin(), textQueued.cend(), true) + m_batchQueued;
        qsizetype links = m_text.parsed.links.size() + m_batch.links.size();
        // A link both typed and dropped counts once.
        if (!m_batch.links.isEmpty()) {
            for (qsizetype i = 0; i < m_text.identities.size(); ++i) {
                if (m_batch.indexByIdentity.contains(m_text.identities[i])) {
                    --links;
                    queued -= textQueued[i] ? 1 : 0;
                }
            }
        }
        newLinks = links - queued;
        qsizetype rejected = 0;
        qsizetype notRead = 0;
        for (const InputProblem &problem : std::as_const(m_text.parsed.problems))
            rejected += problem.line > 0 ? 1 : 0;
        // A problem on line 0 of a drop is about a whole file (a folder, a binary file, ...).
        for (const InputProblem &problem : std::as_const(m_dropProblems))
            (problem.line > 0 ? rejected : notRead) += 1;
        const bool empty = m_edit->document()->isEmpty() && m_dropProblems.isEmpty() && m_notes.isEmpty();
        if (!empty) {
            parts.append(links == 0 ? tr("No links found") : counted(links, tr("1 link found"), tr("%1 links found")));
            if (rejected > 0)
                parts.append(counted(rejected, tr("1 line rejected"), tr("%1 lines rejected")));
            if (notRead > 0)
                parts.append(counted(notRead, tr("1 file not read"), tr("%1 files not read")));
            if (queued > 0)
                parts.append(counted(queued, tr("1 already in the queue"), tr("%1 already in the queue")));
        }
        rows = problemRows(textQueued);
    }

    const bool reading = m_pendingReads > 0 || m_batchJobRunning;
    const bool parsing = m_parsedGeneration != m_textGeneration && (m_asyncParseRunning || m_submitWhenReady);
    if (reading)
        m_summary->setText(tr("Reading %1…").arg(m_readingName));
    else if (parsing)
        m_summary->setText(tr("Checking links…"));
    else
        m_summary->setText(joinParts(parts));

    m_problems->setRows(rows);
    m_addButton->setEnabled(newLinks > 0 && !m_submitWhenReady);
    m_clearButton->setEnabled(!m_edit->document()->isEmpty() || !rows.isEmpty());
}

} // namespace Quiver
