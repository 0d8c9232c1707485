// Helpers shared by the add-links panel's GUI tests (tst_addlinks, tst_pasting).
#pragma once

#include "addlinkspanel.h"
#include "linkdrop.h"
#include "links/linksparser.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace AddLinksSupport {

using namespace Qt::StringLiterals;
using Quiver::AddLinksPanel;
using Quiver::Link;

inline const QString kHexDigest = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
inline const QString kOtherDigest = u"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"_s;

inline QLabel *summaryOf(const AddLinksPanel &panel)
{
    return panel.findChild<QLabel *>(u"summaryLabel"_s);
}

inline QString summary(const AddLinksPanel &panel)
{
    return summaryOf(panel)->text();
}

inline QListWidget *problemsListOf(const AddLinksPanel &panel)
{
    return panel.findChild<QListWidget *>(u"problemsList"_s);
}

inline QStringList problemRows(const AddLinksPanel &panel)
{
    QStringList rows;
    const QListWidget *list = problemsListOf(panel);
    for (int i = 0; i < list->count(); ++i)
        rows.append(list->item(i)->text());
    return rows;
}

inline QPlainTextEdit *editOf(const AddLinksPanel &panel)
{
    return panel.findChild<QPlainTextEdit *>(u"linksEdit"_s);
}

inline QPushButton *addButtonOf(const AddLinksPanel &panel)
{
    return panel.findChild<QPushButton *>(u"downloadButton"_s);
}

inline QStringList urlsOf(const QList<Link> &links)
{
    QStringList urls;
    for (const Link &link : links)
        urls.append(link.url.toString(QUrl::FullyEncoded));
    return urls;
}

inline QList<Link> emitted(const QSignalSpy &spy, int index = 0)
{
    return spy.at(index).at(0).value<QList<Link>>();
}

inline QString numberedLinks(int count)
{
    QString text;
    for (int i = 1; i <= count; ++i)
        text += u"https://files.example/batch/%1.bin\n"_s.arg(i, 6, 10, QChar(u'0'));
    return text;
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write the test file");
    return path;
}

inline std::unique_ptr<QMimeData> mimeWithUrls(const QList<QUrl> &urls)
{
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls(urls);
    return mime;
}

inline std::unique_ptr<QMimeData> mimeWithFiles(const QStringList &paths)
{
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    return mimeWithUrls(urls);
}

// Delivers a drag that enters, moves over and drops on the widget, as the window system would.
inline bool dropOn(QWidget *widget, const QMimeData *mime)
{
    const QPoint pos(widget->width() / 2, widget->height() / 2);
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &drop);
    return drop.isAccepted();
}

// A links file with good lines, a refused scheme on line 2 and an option on line 5.
inline const QByteArray kListFile = "https://a.example/one.iso\n"
                             "ftp://b.example/two.iso\n"
                             "\n"
                             "https://a.example/three.iso\n"
                             "  out=third.iso\n"_ba;

} // namespace AddLinksSupport
