#include "enginechooser.h"
#include "addlinkspanel.h"

#include "droppedlinks.h"
#include "icons.h"
#include "linkdrop.h"
#include "linksedit.h"
#include "linkstoadd.h"
#include "textlinks.h"

#include <QDragEnterEvent>
#include <QDropEvent>
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

// Laying out text costs the text box about 4 µs a line on the GUI thread; bigger drops stay beside it.
constexpr qsizetype kMaxLinksShownAsText = LinksEdit::kMaxLinesAsText;
// Checking a link against the queue costs about half a microsecond, through the window's callback.
constexpr qsizetype kMaxBatchCheckedOnArrival = 200'000;

} // namespace

AddLinksPanel::AddLinksPanel(QWidget *parent)
    : QWidget(parent)
    , m_edit(new LinksEdit(this))
    , m_summary(new QLabel(this))
    , m_engine(new EngineChooser(this))
    , m_problems(new ProblemList(this))
    , m_clearButton(new QPushButton(tr("Clear"), this))
    , m_addPausedButton(new QPushButton(tr("Add Paused"), this))
    , m_downloadButton(new QPushButton(tr("Download"), this))
    , m_text(new TextLinks(m_edit, this))
    , m_drops(new DroppedLinks(this))
{
    setAcceptDrops(true);

    m_edit->setPlaceholderText(tr("Paste links, or text that contains links, or drop a file of links here"));

    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setTextFormat(Qt::PlainText);
    // A long file name in "Reading …" must not widen the window.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    m_downloadButton->setObjectName(u"downloadButton"_s);
    m_downloadButton->setIcon(icon(u"media-playback-start"_s));
    m_downloadButton->setDefault(true);
    m_downloadButton->setToolTip(tr("Add the links found to the queue and start downloading them (%1)").arg(shortcut));
    m_downloadButton->setEnabled(false);
    m_addPausedButton->setObjectName(u"addPausedButton"_s);
    m_addPausedButton->setIcon(icon(u"list-add"_s));
    m_addPausedButton->setToolTip(tr("Add the links found to the queue without starting them; Start begins them later"));
    m_addPausedButton->setEnabled(false);
    m_clearButton->setObjectName(u"clearButton"_s);
    m_clearButton->setIcon(icon(u"edit-clear"_s));
    m_clearButton->setToolTip(tr("Empty the box and forget its problems"));
    m_clearButton->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_clearButton);
    bar->addWidget(m_addPausedButton);
    bar->addWidget(m_downloadButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_engine);
    layout->addLayout(bar);
    layout->addWidget(m_problems);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &AddLinksPanel::onTextChanged);
    connect(m_edit, &LinksEdit::submitRequested, this, [this] { submit(Intent::Run); });
    connect(m_edit, &LinksEdit::largeTextPasted, this, &AddLinksPanel::paste);
    connect(m_downloadButton, &QPushButton::clicked, this, [this] { submit(Intent::Run); });
    connect(m_addPausedButton, &QPushButton::clicked, this, [this] { submit(Intent::Pause); });
    connect(m_clearButton, &QPushButton::clicked, this, &AddLinksPanel::clear);
    connect(m_text, &TextLinks::parsed, this, [this] {
        if (m_submitWhenReady)
            submitIfReady();
        else
            updateView();
    });
    connect(m_text, &TextLinks::parsingInBackground, this, &AddLinksPanel::updateView);
    connect(m_drops, &DroppedLinks::arrived, this, [this](const ParsedLinks &parsed, const QString &source) {
        appendParsed(parsed, source);
        if (m_submitWhenReady)
            submitIfReady();
    });
    connect(m_drops, &DroppedLinks::discarded, this, [this] {
        updateView();
        if (m_submitWhenReady)
            submitIfReady();
    });
    connect(m_drops, &DroppedLinks::merged, this, [this](bool kept) {
        // A submission waiting for this batch counts them anyway.
        if (kept && !m_submitWhenReady)
            countBatchQueued();
        if (m_submitWhenReady)
            submitIfReady();
        else
            updateView();
    });

    m_confirmLargeAdd = [this](int count) {
        return QMessageBox::question(this, tr("Add many links?"),
                                     tr("Add %1 links to the download queue?").arg(QLocale().toString(count)))
            == QMessageBox::Yes;
    };
}

AddLinksPanel::~AddLinksPanel() = default;

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
        readInBackground(pastedTextAsync(text, m_options), tr("the pasted text"));
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

void AddLinksPanel::setLinkListOptions(const LinkListOptions &options)
{
    // Drops already read keep what they made; what is read from now on, and the text, follow.
    m_options = options;
    m_text->setOptions(options);
}

void AddLinksPanel::setConfirmLargeAdd(std::function<bool(int)> confirm)
{
    m_confirmLargeAdd = std::move(confirm);
}

ParsedLinks AddLinksPanel::current() const
{
    const TextLinks::Parse parse = m_text->current();
    ParsedLinks result = parse.parsed;
    const IdentifiedLinks &batch = m_drops->batch();
    if (!batch.links.isEmpty()) {
        const QSet<QString> inText(parse.identities.cbegin(), parse.identities.cend());
        for (qsizetype i = 0; i < batch.links.size(); ++i) {
            if (!inText.contains(batch.identities[i]))
                result.links.append(batch.links[i]);
        }
    }
    result.problems.append(m_drops->problems());
    return result;
}

void AddLinksPanel::appendParsed(const ParsedLinks &parsed, const QString &sourceName)
{
    m_showingSubmitted = false;
    m_submittedRows.clear();
    m_drops->addProblems(parsed.problems);
    if (parsed.links.isEmpty()) {
        if (parsed.problems.isEmpty())
            m_drops->addNote(tr("No links found in %1.").arg(sourceName));
        updateView();
        return;
    }
    if (parsed.links.size() > kMaxLinksShownAsText) {
        m_drops->keep(parsed.links, parsed.identities, sourceName);
        updateView();
        return;
    }

    // The parse of the new text follows as for any edit, but a click on Add that waits for this drop
    // still stands.
    m_changingText = true;
    m_edit->appendLinks(parsed.links);
    m_changingText = false;
    m_text->parseSoon();
    updateView();
}

void AddLinksPanel::readMimeData(const QMimeData *mime)
{
    if (!canAcceptLinks(mime))
        return;
    if (m_takeUrl && mime->hasUrls()) {
        QList<QUrl> rest;
        for (const QUrl &url : mime->urls()) {
            if (!m_takeUrl(url))
                rest.append(url);
        }
        if (rest.size() != mime->urls().size()) {
            if (rest.isEmpty())
                return;
            QMimeData remaining;
            remaining.setUrls(rest);
            readInBackground(linksFromMimeDataAsync(&remaining, m_options), describeDrop(&remaining));
            return;
        }
    }
    readInBackground(linksFromMimeDataAsync(mime, m_options), describeDrop(mime));
}

void AddLinksPanel::readInBackground(const QFuture<ParsedLinks> &future, const QString &source)
{
    m_drops->read(future, source);
    updateView();
}

void AddLinksPanel::submit(Intent intent)
{
    if (!m_engine->check())
        return;
    m_submitWhenReady = true;
    m_submitIntent = intent;
    submitIfReady();
}

void AddLinksPanel::setWaitingIntent(Intent intent)
{
    if (m_submitWhenReady)
        m_submitIntent = intent;
}

bool AddLinksPanel::isEmpty() const
{
    return m_edit->document()->isEmpty() && m_drops->batch().links.isEmpty() && !m_drops->isBusy()
        && !m_submitWhenReady;
}

void AddLinksPanel::submitIfReady()
{
    if (m_drops->isBusy()) {
        updateView();   // "Reading …": the read or merge that ends calls back here
        return;
    }
    if (!m_text->isCurrent()) {
        m_text->parseNow();   // a small text is parsed (and submitted, once parsed) right here
        if (!m_text->isCurrent())
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
    m_text->textChanged();
    if (m_changingText)
        return;   // the panel's own change, which sees to its parse itself
    // Editing after clicking Add while a big text was being parsed: what was asked for is gone.
    if (std::exchange(m_submitWhenReady, false))
        countBatchQueued();   // left for the submission to count
    m_text->parseSoon();
    if (m_showingSubmitted) {
        m_showingSubmitted = false;
        m_submittedRows.clear();
        updateView();
    }
}

void AddLinksPanel::forgetDrops()
{
    m_drops->forget();
    m_batchQueued = 0;
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
    m_text->clear();
    updateView();
}

void AddLinksPanel::finishSubmit()
{
    m_submitWhenReady = false;
    const TextLinks::Parse &text = m_text->latest();
    const QList<bool> textQueued = textQueuedFlags();
    // Not const: handed to the pool to be freed.
    LinksToAdd add = LinksToAdd::of(text, textQueued, m_drops->batch(),
                                    [this](const QString &identity) { return isQueued(identity); });
    // What the summary says should the question below be answered no.
    if (!m_drops->batch().links.isEmpty())
        m_batchQueued = add.batchQueued;
    if (add.links.isEmpty()) {
        updateView();
        return;
    }
    if (add.links.size() > kConfirmAbove) {
        const quint64 generation = m_text->generation();
        const quint64 epoch = m_drops->epoch();
        // The question may run an event loop: if the box changed meanwhile, the answer was about
        // something else.
        if (!m_confirmLargeAdd || !m_confirmLargeAdd(int(add.links.size())) || generation != m_text->generation()
            || epoch != m_drops->epoch()) {
            updateView();
            return;
        }
    }

    // Taken before the links are handed over: once queued, every one of them is "already in the queue".
    m_submittedRows = problemRows(textQueued);
    m_submitted = {};
    m_submitted.links = add.links.size();
    m_submitted.queued = add.queued;
    for (const InputProblem &problem : text.parsed.problems)
        m_submitted.rejected += problem.line > 0 ? 1 : 0;
    for (const InputProblem &problem : m_drops->problems())
        m_submitted.rejected += problem.line > 0 ? 1 : 0;

    m_changingText = true;   // nothing to parse in an empty box
    m_edit->clear();
    m_changingText = false;
    m_text->clear();
    forgetDrops();
    m_showingSubmitted = true;
    updateView();
    // Last, so a receiver that fills the box again is not undone by the clearing above.
    emit linksSubmitted(add.links, add.identities, m_submitIntent);
    disposeInBackground(add.links);
    disposeInBackground(add.identities);
}

void AddLinksPanel::countBatchQueued()
{
    const IdentifiedLinks &batch = m_drops->batch();
    // A million calls into the window's check would freeze it; past this, queued links are only found
    // (and left out) when the links are added.
    m_batchQueued = batch.links.size() <= kMaxBatchCheckedOnArrival ? countQueued(batch.identities) : 0;
}

bool AddLinksPanel::isQueued(const QString &identity) const
{
    return m_isQueued && m_isQueued(identity);
}

QList<bool> AddLinksPanel::textQueuedFlags() const
{
    const TextLinks::Parse &text = m_text->latest();
    QList<bool> flags(text.identities.size(), false);
    if (m_isQueued) {
        for (qsizetype i = 0; i < flags.size(); ++i)
            flags[i] = m_isQueued(text.identities[i]);
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
    return ProblemList::rowsFor(m_drops->notes(), m_drops->problems(), m_text->latest().parsed, textQueued);
}

void AddLinksPanel::updateView()
{
    QString line;
    QList<ProblemRow> rows;
    qsizetype newLinks = 0;
    if (m_showingSubmitted) {
        line = m_submitted.addedText();
        rows = m_submittedRows;
    } else {
        const QList<bool> textQueued = textQueuedFlags();
        const LinksSummary summary = LinksSummary::of(m_text->latest(), textQueued, *m_drops, m_batchQueued);
        newLinks = summary.links - summary.queued;
        const bool empty = m_edit->document()->isEmpty() && m_drops->problems().isEmpty()
                        && m_drops->notes().isEmpty();
        if (!empty)
            line = summary.foundText();
        rows = problemRows(textQueued);
    }

    const bool reading = m_drops->isBusy();
    const bool parsing = !m_text->isCurrent() && (m_text->isParsingInBackground() || m_submitWhenReady);
    if (reading)
        m_summary->setText(tr("Reading %1…").arg(m_drops->busyWith()));
    else if (parsing)
        m_summary->setText(tr("Checking links…"));
    else
        m_summary->setText(line);

    m_problems->setRows(rows);
    m_downloadButton->setEnabled(newLinks > 0 && !m_submitWhenReady);
    m_addPausedButton->setEnabled(newLinks > 0 && !m_submitWhenReady);
    if (m_hasNewLinks != (newLinks > 0)) {
        m_hasNewLinks = newLinks > 0;
        emit newLinksChanged(m_hasNewLinks);
    }
    m_clearButton->setEnabled(!m_edit->document()->isEmpty() || !rows.isEmpty());
}

} // namespace Quiver
