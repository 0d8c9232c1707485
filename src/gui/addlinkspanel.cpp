#include "addlinkspanel.h"

#include "icons.h"
#include "linkdrop.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

constexpr int kParseDelayMs = 150;
// Above this many characters (about 1 MB of links) the parse leaves the GUI thread.
constexpr int kAsyncParseChars = 1'000'000;
// A list of 100,000 rejected lines helps nobody and costs seconds to build; the count says the rest.
constexpr qsizetype kMaxProblemRows = 1000;
constexpr int kMaxVisibleProblemRows = 5;
// Laying out text costs the text box about 4 µs a line on the GUI thread; bigger drops stay beside it.
constexpr qsizetype kMaxLinksShownAsText = 10'000;
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

// The parser's reasons usually quote the offending text already; repeating it after a dash only adds
// noise, so the excerpt is shown only when the reason does not contain it.
QString withExcerpt(const QString &text, const InputProblem &problem)
{
    if (problem.excerpt.isEmpty() || problem.reason.contains(problem.excerpt))
        return text;
    return AddLinksPanel::tr("%1 — %2", "a problem, then the text it is about").arg(text, problem.excerpt);
}

bool isSubmitKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && event->modifiers().testFlag(Qt::ControlModifier);
}

} // namespace

AddLinksPanel::AddLinksPanel(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_summary(new QLabel(this))
    , m_problems(new QListWidget(this))
    , m_clearButton(new QPushButton(tr("Clear"), this))
    , m_addButton(new QPushButton(tr("Add to queue"), this))
{
    setAcceptDrops(true);

    m_edit->setObjectName(u"linksEdit"_s);
    m_edit->setPlaceholderText(tr("Paste links, or text that contains links, or drop a file of links here"));
    // Problems are reported by line: wrapped lines would make "Line 4" hard to find.
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The edit would insert a dropped file's path as text; the panel reads the file instead.
    m_edit->setAcceptDrops(false);
    m_edit->installEventFilter(this);
    // Three lines at least, whatever the problems list below takes.
    m_edit->setMinimumHeight(m_edit->fontMetrics().lineSpacing() * 3 + 2 * m_edit->frameWidth()
                             + 2 * int(m_edit->document()->documentMargin()));

    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setTextFormat(Qt::PlainText);
    // A long file name in "Reading …" must not widen the window.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_problems->setObjectName(u"problemsList"_s);
    m_problems->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_problems->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_problems->setTextElideMode(Qt::ElideRight);
    m_problems->setUniformItemSizes(true);
    // The message-box icons are 32 pixels; at that size five problems would fill the pane.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_problems);
    m_problems->setIconSize(QSize(iconSize, iconSize));
    m_problems->hide();

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
    parse.identities.reserve(parse.parsed.links.size());
    for (const Link &link : std::as_const(parse.parsed.links))
        parse.identities.append(linkIdentity(link.url));
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

void AddLinksPanel::setQueuedCheck(std::function<bool(const QString &)> isQueued)
{
    m_isQueued = std::move(isQueued);
    m_batchQueued = m_batch.links.size() <= kMaxBatchCheckedOnArrival ? countQueued(m_batch.identities) : 0;
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
        m_waitingBatches.append(WaitingBatch{parsed.links, sourceName});
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
    // One edit, so one undo step brings the text back.
    cursor.insertText(block);
    updateView();
}

void AddLinksPanel::readMimeData(const QMimeData *mime)
{
    if (!canAcceptLinks(mime))
        return;
    const QString source = describeDrop(mime);
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
    });
    watcher->setFuture(linksFromMimeDataAsync(mime));
    updateView();
}

void AddLinksPanel::submit()
{
    if (m_parsedGeneration != m_textGeneration) {
        m_submitWhenParsed = true;
        parseNow();   // a small text is parsed (and submitted) right here
        if (m_submitWhenParsed)
            updateView();   // a big one is still being parsed: "Checking links…"
        return;
    }
    finishSubmit();
}

bool AddLinksPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        if (isSubmitKey(static_cast<QKeyEvent *>(event))) {
            // Claiming the override keeps a window-wide Ctrl+Return shortcut from taking the key.
            if (event->type() == QEvent::KeyPress)
                submit();
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
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
    // Editing after clicking Add while a big text was being parsed: what was asked for is gone.
    m_submitWhenParsed = false;
    if (m_clearingAfterSubmit)
        return;
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
    m_clearingAfterSubmit = true;   // nothing to parse in an empty box
    m_edit->clear();
    m_clearingAfterSubmit = false;
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
    if (m_submitWhenParsed)
        finishSubmit();
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
            // A million calls into the window's check would freeze it; past this, queued links are
            // only found (and left out) when the links are added.
            m_batchQueued = m_batch.links.size() <= kMaxBatchCheckedOnArrival ? countQueued(m_batch.identities) : 0;
            m_notes.append(note);
        }
        disposeInBackground(batch);
        startBatchJob();
        updateView();
    });
    // The links live on in the job only, so the pool frees whatever the merge leaves unused.
    watcher->setFuture(runInThreadPool<IdentifiedLinks>([batch = m_batch, links = std::exchange(waiting.links, {})] {
        return mergedLinks(batch, links);
    }));
}

void AddLinksPanel::finishSubmit()
{
    m_submitWhenParsed = false;
    const QList<bool> textQueued = textQueuedFlags();
    const QList<Link> &textLinks = m_text.parsed.links;
    QList<Link> fresh;   // not const: handed to the pool to be freed
    fresh.reserve(textLinks.size());
    qsizetype queued = 0;
    for (qsizetype i = 0; i < textLinks.size(); ++i) {
        if (textQueued[i])
            ++queued;
        else
            fresh.append(textLinks[i]);
    }
    if (!m_batch.links.isEmpty()) {
        const QSet<QString> inText(m_text.identities.cbegin(), m_text.identities.cend());
        QList<bool> skip(m_batch.links.size(), false);
        qsizetype skipped = 0;
        for (qsizetype i = 0; i < m_batch.links.size(); ++i) {
            const QString &identity = m_batch.identities[i];
            const bool typed = inText.contains(identity);
            const bool wasQueued = !typed && isQueued(identity);
            queued += wasQueued ? 1 : 0;
            skip[i] = typed || wasQueued;
            skipped += skip[i] ? 1 : 0;
        }
        // A big drop added on its own is handed over as it is, without copying a million links.
        if (fresh.isEmpty() && skipped == 0) {
            fresh = m_batch.links;
        } else {
            for (qsizetype i = 0; i < m_batch.links.size(); ++i) {
                if (!skip[i])
                    fresh.append(m_batch.links[i]);
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

    m_clearingAfterSubmit = true;
    m_edit->clear();
    m_clearingAfterSubmit = false;
    m_parseTimer.stop();
    disposeInBackground(m_text);
    m_parsedGeneration = m_textGeneration;
    forgetDrops();
    m_showingSubmitted = true;
    updateView();
    // Last, so a receiver that fills the box again is not undone by the clearing above.
    emit linksSubmitted(fresh);
    disposeInBackground(fresh);
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

QList<AddLinksPanel::ProblemRow> AddLinksPanel::problemRows(const QList<bool> &textQueued) const
{
    QList<ProblemRow> rows;
    auto full = [&rows] { return rows.size() >= kMaxProblemRows; };
    // Drops first: their problems name files, not lines of the box.
    for (const QString &note : m_notes)
        rows.append(ProblemRow{note, QString(), false});
    for (const InputProblem &problem : m_dropProblems) {
        if (full())
            break;
        rows.append(ProblemRow{withExcerpt(problem.reason, problem), problem.excerpt, true});
    }
    // The parser reports in line order and links come in line order, so the two lists merge.
    const QList<InputProblem> &problems = m_text.parsed.problems;
    const QList<Link> &links = m_text.parsed.links;
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
            const QString text = problem.line > 0 ? tr("Line %1: %2").arg(QString::number(problem.line), problem.reason)
                                                  : problem.reason;
            rows.append(ProblemRow{withExcerpt(text, problem), problem.excerpt, true});
        } else {
            const Link &link = links[l++];
            ++queued;
            rows.append(ProblemRow{tr("Line %1: already in the queue").arg(link.line), link.url.toDisplayString(), false});
        }
    }
    const qsizetype total = m_notes.size() + m_dropProblems.size() + problems.size() + queued;
    if (rows.size() < total)
        rows.append(ProblemRow{tr("… and %1 more").arg(number(total - rows.size())), QString(), false});
    return rows;
}

void AddLinksPanel::showProblems(const QList<ProblemRow> &rows)
{
    m_problems->clear();
    if (rows.isEmpty()) {
        m_problems->hide();
        return;
    }
    // Status icons are not among Quiver's own drawings; every style has these.
    const QIcon warning = QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const QIcon info = QIcon::fromTheme(u"dialog-information"_s, style()->standardIcon(QStyle::SP_MessageBoxInformation));
    for (const ProblemRow &row : rows) {
        auto *item = new QListWidgetItem(row.isProblem ? warning : info, row.text, m_problems);
        item->setToolTip(row.toolTip.isEmpty() || row.text.contains(row.toolTip)
                             ? row.text
                             : tr("%1\n%2", "a problem, then the text it is about").arg(row.text, row.toolTip));
    }
    // At most a few rows tall, so the text box keeps its room; in a short pane it gives way down to two
    // rows before the text box shrinks below three lines. It scrolls for more.
    const int rowHeight = m_problems->sizeHintForRow(0);
    const int frame = 2 * m_problems->frameWidth();
    m_problems->setMaximumHeight(int(qMin<qsizetype>(rows.size(), kMaxVisibleProblemRows)) * rowHeight + frame);
    m_problems->setMinimumHeight(int(qMin<qsizetype>(rows.size(), 2)) * rowHeight + frame);
    m_problems->show();
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
    const bool parsing = m_parsedGeneration != m_textGeneration && (m_asyncParseRunning || m_submitWhenParsed);
    if (reading)
        m_summary->setText(tr("Reading %1…").arg(m_readingName));
    else if (parsing)
        m_summary->setText(tr("Checking links…"));
    else
        m_summary->setText(joinParts(parts));

    showProblems(rows);
    m_addButton->setEnabled(newLinks > 0 && !m_submitWhenParsed);
    m_clearButton->setEnabled(!m_edit->document()->isEmpty() || !rows.isEmpty());
}

} // namespace Quiver
