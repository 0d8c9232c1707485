#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace Quiver {

class AddLinksPanel;
class ChecksumList;
class DownloadEngine;

// The window's File menu commands that move the queue in and out as files: Export Links… writes the
// queue as a links file (linksFileFor), Import Links… reads one into the links box like a dropped file,
// Open Checksum List… hands a SHA256SUMS-style file to the engine. Disk work runs off the window's thread.
class QueueFiles final : public QObject
{
    Q_OBJECT

public:
    // folder gives the download folder, which the exported dir= values are relative to.
    QueueFiles(QWidget *window, DownloadEngine *engine, AddLinksPanel *panel, std::function<QString()> folder);

    void exportLinks();
    void importLinks();
    void openChecksumList();
    // Reads a checksum list file and applies it (also for one dropped on the window).
    void readChecksumList(const QString &path);

    // A file name that says "checksum list" (SHA256SUMS, x.iso.sha256, ...): dropped on the window it
    // goes to the engine, not into the links box.
    static bool looksLikeChecksumList(const QString &fileName);

signals:
    // A sentence for the status bar: what was done, or what failed and why.
    void message(const QString &text);

private:
    void applyChecksums(const ChecksumList &list, const QString &name);

    QWidget *m_window;
    DownloadEngine *m_engine;
    AddLinksPanel *m_panel;
    std::function<QString()> m_folder;
};

} // namespace Quiver
