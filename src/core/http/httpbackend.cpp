#include "http/httpbackend.h"

#include <QFile>
#include <QStringList>
#include <QFileInfo>

namespace Quiver {

Transfer *HttpBackend::create(const DownloadItem &item, QObject *parent)
{
    return new HttpTransfer(item, &m_pool, &m_names, &m_remover, *m_settings, parent);
}

QString HttpBackend::claimName(const QString &directory, const QString &name)
{
    const QString path = m_names.claim(directory, name);
    return path.isEmpty() ? QString() : QFileInfo(path).fileName();
}

void HttpBackend::restore(DownloadItem &item)
{
    if (!item.fileName.isEmpty() && !m_names.adopt(item.targetPath())) {
        // Another item already holds the name: this one picks a fresh name and starts over.
        item.fileName.clear();
        item.fileNameFromUser = false;
        item.bytesReceived = 0;
    }
    if (item.state == DownloadState::Verifying && !item.fileName.isEmpty() && !QFile::exists(item.partPath())) {
        // The crash came after the rename but before the queue was saved again: the final file is
        // ours (the name was claimed) and complete, and starting over could not replace it anyway.
        const QFileInfo target(item.targetPath());
        if (target.isFile() && (item.bytesTotal < 0 || target.size() == item.bytesTotal)) {
            item.state = DownloadState::Finished;
            item.bytesReceived = target.size();
            item.bytesTotal = target.size();
        }
    }
}

void HttpBackend::discardPart(const DownloadItem &item, Deleted done)
{
    if (item.fileName.isEmpty()) {
        done({});
        return;
    }
    // The name stays the item's; a next attempt opens the .part only after this deletion (pendingFor()).
    m_remover.remove({item.partPath()}, std::move(done));
}

void HttpBackend::release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done)
{
    QStringList names;
    QStringList files;
    for (const DownloadItem &item : items) {
        if (item.fileName.isEmpty())
            continue;
        names.append(item.targetPath());
        if (deleteFiles)
            files.append(item.state == DownloadState::Finished ? item.targetPath() : item.partPath());
    }
    // A name is free once its file is gone, not before: a new download must not get it meanwhile and
    // then find the old file there.
    m_remover.remove(files, [this, names, done = std::move(done)](const QStringList &problems) {
        for (const QString &name : names)
            m_names.release(name);
        done(problems);
    });
}

} // namespace Quiver
