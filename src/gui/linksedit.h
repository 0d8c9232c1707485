#pragma once

#include <QList>
#include <QPlainTextEdit>
#include <QStringView>

namespace Quiver {

struct Link;

// The text box of the add-links panel. It lays out every line it holds, about 4 µs a line on the GUI
// thread (and again on every resize), so a paste of more lines than kMaxLinesAsText is not inserted:
// largeTextPasted() hands it to the panel, which reads it like a dropped file. Ctrl+Return asks for the
// links to be downloaded.
class LinksEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinksEdit)

public:
    static constexpr qsizetype kMaxLinesAsText = 10'000;

    explicit LinksEdit(QWidget *parent = nullptr);

    // True when text has more than kMaxLinesAsText lines. Stops counting there, so it is cheap even for
    // a paste of megabytes.
    static bool isLargeText(QStringView text);

    // Adds links as a links file would list them (with their out=, dir= and checksum= options), in one
    // edit, so one undo step takes them back out: after the text when it is a list of links, else in its
    // place, together with the links found in it.
    void appendLinks(const QList<Link> &links);

signals:
    void largeTextPasted(const QString &text);
    void submitRequested();

protected:
    void insertFromMimeData(const QMimeData *source) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Quiver
