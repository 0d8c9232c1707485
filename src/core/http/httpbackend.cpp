#include "http/httpbackend.h"

#include <QFile>
#include <QFileInfo>

namespace Quiver {

Transfer *HttpBackend::create(const DownloadItem &item, QObject *parent)
{
    return new HttpTransfer(item, &m_pool, &m_names, *m_settings, parent);
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

void HttpBackend::discardPart(const DownloadItem &item)
{
    if (!item.fileName.isEmpty())
        QFile::remove(item.partPath());
}

void HttpBackend::release(const QList<DownloadItem> &items, bool deleteFiles)
{
    for (const DownloadItem &item : items) {
        if (item.fileName.isEmpty())
            continue;
        if (deleteFiles)
            QFile::remove(item.state == DownloadState::Finished ? item.targetPath() : item.partPath());
        m_names.release(item.targetPath());
    }
}

} // namespace Quiver
