#include "textlinks.h"

#include "linkdrop.h"
#include "linksedit.h"

#include <QFutureWatcher>
#include <QTextDocument>

#include <utility>

namespace Quiver {

namespace {

constexpr int kParseDelayMs = 150;
// Above this many characters (about 1 MB of links) the parse leaves the GUI thread.
constexpr int kAsyncParseChars = 1'000'000;

} // namespace

TextLinks::TextLinks(const LinksEdit *edit, QObject *parent)
    : QObject(parent)
    , m_edit(edit)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kParseDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &TextLinks::parseNow);
}

TextLinks::Parse TextLinks::of(const QString &text, const LinkListOptions &options)
{
    Parse parse{parseAnyText(text, options), {}};
    parse.identities = identitiesOf(parse.parsed);
    return parse;
}

TextLinks::Parse TextLinks::current() const
{
    return isCurrent() ? m_latest : of(m_edit->toPlainText(), m_options);
}

void TextLinks::setOptions(const LinkListOptions &options)
{
    if (options.globbing == m_options.globbing && options.maxPatternLinks == m_options.maxPatternLinks)
        return;
    m_options = options;
    // The same text now means other links: what was parsed no longer describes it.
    textChanged();
    parseSoon();
}

void TextLinks::parseNow()
{
    m_timer.stop();
    if (isCurrent())
        return;
    if (m_edit->document()->characterCount() > kAsyncParseChars) {
        // One parse at a time: when it ends and the text has changed again, the latest text is parsed.
        if (!m_backgroundParse)
            startBackgroundParse(m_edit->toPlainText());
        emit parsingInBackground();
        return;
    }
    apply(of(m_edit->toPlainText(), m_options));
}

void TextLinks::clear()
{
    m_timer.stop();
    disposeInBackground(m_latest);
    m_parsedGeneration = m_textGeneration;
}

void TextLinks::startBackgroundParse(const QString &text)
{
    m_backgroundParse = true;
    const quint64 generation = m_textGeneration;
    auto *watcher = new QFutureWatcher<Parse>(this);
    connect(watcher, &QFutureWatcher<Parse>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_backgroundParse = false;
        if (generation == m_textGeneration)
            apply(watcher->future().takeResult());
        else if (!m_timer.isActive())
            parseNow();   // the text changed meanwhile and no parse is scheduled for it yet
    });
    watcher->setFuture(runInThreadPool<Parse>([text, options = m_options] { return of(text, options); }));
}

void TextLinks::apply(Parse parse)
{
    std::swap(m_latest, parse);
    // The old parse of a big text is freed on the pool, as a dropped batch is.
    if (parse.parsed.links.size() > LinksEdit::kMaxLinesAsText)
        disposeInBackground(parse);
    m_parsedGeneration = m_textGeneration;
    emit parsed();
}

} // namespace Quiver
