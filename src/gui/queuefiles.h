#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QUrl;
class QWidget;

namespace Quiver {

class AddLinksPanel;
class ChecksumList;
class DownloadEngine;

// The window's File menu commands that move the queue in and out as files: Export Links… writes the
// queue as a links file (linksFileFor), Import Links… reads one into the links box like a dropped file,
// Open Checksum List… hands a SHA256SUMS-style list, a file or a link to one, to the engine. Disk work
// runs off the window's thread; a link is fetched over the engine's network code.
class QueueFiles final : public QObject
{
    Q_OBJECT

public:
    // folder gives the download folder, which the exported dir= values are relative to.
    QueueFiles(QWidget *window, DownloadEngine *engine, AddLinksPanel *panel, std::function<QString()> folder);

    void exportLinks();
    // Writes the queue to path off this thread (what Export Links… does once a file is chosen); message()
    // says how many links went, a warning why none did.
    void exportLinksTo(const QString &path);
    void importLinks();
    // Asks for a file or a link (ChecksumSourceDialog), then openChecksumSource().
    void openChecksumList();
    // A path ("~/" for the home folder), a file: URL or an http(s) link to a checksum list: read or
    // fetched, then handed to the engine; message() says how many file names it checks, or why it
    // could not be used (a warning box too when nothing came of it).
    void openChecksumSource(const QString &source);
    // Reads a checksum list file and applies it.
    void readChecksumList(const QString &path);
    // Fetches a checksum list from an http(s) link and applies it.
    void fetchChecksumList(const QUrl &url);
    // A dropped file or link whose name says "checksum list" (looksLikeChecksumList) is opened as one;
    // false for anything else, which the links box then reads as links.
    bool takeDroppedUrl(const QUrl &url);

    // Tests replace the warning box of an export or a checksum list (default: QMessageBox::warning with the
    // window as parent).
    void setWarning(std::function<void(const QString &title, const QString &text)> warn) { m_warn = std::move(warn); }

    // A file name that says "checksum list" (SHA256SUMS, x.iso.sha256, ...): dropped on the window it
    // goes to the engine, not into the links box.
    static bool looksLikeChecksumList(const QString &fileName);

signals:
    // A sentence for the status bar: what was done, or what failed and why.
    void message(const QString &text);

private:
    void applyChecksums(const ChecksumList &list, const QString &name);
    void refuseChecksums(const QString &text);

    QWidget *m_window;
    DownloadEngine *m_engine;
    AddLinksPanel *m_panel;
    std::function<QString()> m_folder;
    std::function<void(const QString &title, const QString &text)> m_warn;
};

} // namespace Quiver
