#include "linksedit.h"

#include "linkdrop.h"
#include "links/linksparser.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

bool isSubmitKey(const QKeyEvent *event)
{
    // Ctrl alone: Ctrl+Shift+Return is the window's Start All, which must reach the window from here too.
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

} // namespace

LinksEdit::LinksEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"linksEdit"_s);
    setAccessibleName(tr("Links to add"));
    // Problems are reported by line: wrapped lines would make "Line 4" hard to find.
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The edit would insert a dropped file's path as text; the panel reads the file instead.
    setAcceptDrops(false);
    // Three lines at least, whatever the problems list below takes.
    setMinimumHeight(fontMetrics().lineSpacing() * 3 + 2 * frameWidth() + 2 * int(document()->documentMargin()));
}

bool LinksEdit::isLargeText(QStringView text)
{
    // "\r" alone ends a line for the parser too, but only very old Macs wrote such files: not worth a
    // second scan of every paste.
    qsizetype lines = 1;
    for (qsizetype at = text.indexOf(u'\n'); at >= 0; at = text.indexOf(u'\n', at + 1)) {
        // A last line break does not start another line.
        if (at + 1 < text.size() && ++lines > kMaxLinesAsText)
            return true;
    }
    return false;
}

void LinksEdit::appendLinks(const QList<Link> &links)
{
    QString block = linksAsText(links);
    QTextCursor cursor(document());
    if (!document()->isEmpty()) {
        const QString existing = toPlainText();
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
    cursor.insertText(block);
}

void LinksEdit::insertFromMimeData(const QMimeData *source)
{
    if (source && source->hasText() && !isReadOnly()) {
        const QString text = source->text();
        if (isLargeText(text)) {
            emit largeTextPasted(text);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

bool LinksEdit::event(QEvent *event)
{
    // Claiming the override keeps a window-wide Ctrl+Return shortcut from taking the key.
    if (event->type() == QEvent::ShortcutOverride && isSubmitKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void LinksEdit::keyPressEvent(QKeyEvent *event)
{
    if (isSubmitKey(event)) {
        emit submitRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Quiver
