#pragma once

#include "links/linksparser.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Quiver {

class LinksEdit;

// The links of the add-links box's text, parsed as the text changes: 150 ms after the last edit, or at
// once when asked. A text over 1 MB is parsed on the thread pool, one parse at a time; when it ends and
// the text has changed again, the latest text is parsed next.
class TextLinks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextLinks)

public:
    // A parse of the text, with each link's identity from where the parse ran: for 100,000 links
    // working them out takes longer than a frame.
    struct Parse {
        ParsedLinks parsed;
        QStringList identities;   // parallel to parsed.links
    };

    explicit TextLinks(const LinksEdit *edit, QObject *parent = nullptr);

    static Parse of(const QString &text, const LinkListOptions &options = {});

    // How the text is read (URL patterns or not, their cap). A change makes latest() out of date, as an
    // edit does: the text is parsed again soon.
    void setOptions(const LinkListOptions &options);
    const LinkListOptions &options() const { return m_options; }

    // The text changed: latest() no longer describes it. Counted, so a parse of an older text is
    // recognised when it ends.
    void textChanged() { ++m_textGeneration; }
    void parseSoon() { m_timer.start(); }
    void parseNow();
    // The box was emptied: nothing is left to parse.
    void clear();

    // The parse of the text as it was when last parsed, and whether that is the text now.
    const Parse &latest() const { return m_latest; }
    bool isCurrent() const { return m_parsedGeneration == m_textGeneration; }
    // latest() when current, else the text parsed on the spot.
    Parse current() const;
    bool isParsingInBackground() const { return m_backgroundParse; }
    // Changes with every change of the text.
    quint64 generation() const { return m_textGeneration; }

signals:
    void parsed();                  // latest() is new, and current
    void parsingInBackground();     // parseNow() left a big text to the thread pool

private:
    void startBackgroundParse(const QString &text);
    void apply(Parse parse);

    const LinksEdit *m_edit = nullptr;
    QTimer m_timer;
    LinkListOptions m_options;
    // m_latest describes the text of m_textGeneration only when the two generations agree.
    Parse m_latest;
    quint64 m_textGeneration = 0;
    quint64 m_parsedGeneration = 0;
    bool m_backgroundParse = false;
};

} // namespace Quiver
