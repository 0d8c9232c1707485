#pragma once

#include "queue/downloadstate.h"
#include "queue/transfererror.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace Quiver {

using DownloadId = quint64;

// The most connections one download may use (quiver-cli's -s, the window's settings and a row's own count).
constexpr int maxSegments = 16;

// Where a download's file goes, and its .part beside it; empty while the file has no name.
inline QString targetPathIn(const QString &directory, const QString &fileName)
{
    return fileName.isEmpty() ? QString() : QDir(directory).filePath(fileName);
}
inline QString partPathIn(const QString &directory, const QString &fileName)
{
    return fileName.isEmpty() ? QString() : targetPathIn(directory, fileName) + QLatin1String(".part");
}

// url without credentials. The same QUrl (sharing its data) when it has none: a copy made by
// QUrl::adjusted() costs 200 bytes per item kept, which 100,000 rows notice. userInfo(), not the user
// name and password: "http://:@host/" has neither but still has user info, and "http://@host/" has an
// empty one that would make a second spelling of the same link.
inline QUrl withoutUserInfo(const QUrl &url)
{
    return url.userInfo().isNull() ? url : url.adjusted(QUrl::RemoveUserInfo);
}

// One row of the queue: plain values only. The live network objects belong to the transfer.
struct DownloadItem {
    DownloadId id = 0;
    QUrl url;
    QString engine;               // where it runs: empty for this computer, else a remote engine's name
    QString directory;            // target folder (absolute; on the engine's machine for a remote one)
    QString fileName;             // final name; empty until the first response decides it
    bool fileNameFromUser = false;// out= was given: the server's Content-Disposition does not replace it
    // Connections for this download alone (1 to maxSegments); 0: the global setting. One byte, in the
    // padding after the flag above, so a queue of 100,000 rows does not grow for it.
    qint8 segments = 0;
    DownloadState state = DownloadState::Queued;
    Intent intent = Intent::Run;
    ErrorKind lastErrorKind = ErrorKind::None; // what lastError is about (a remote engine unreachable);
                                  // here, not beside lastError, where its padding cost 8 bytes per row
    qint64 bytesReceived = 0;     // bytes safely in the .part (or the final file)
    qint64 bytesTotal = -1;       // -1 while unknown
    double speed = 0;             // bytes per second, smoothed
    int attempts = 0;             // requests made for this item so far
    int attemptsWithoutProgress = 0; // the retry budget: attempts since one last moved the file forward
    QString lastError;            // translated sentence, empty when none
    QDateTime nextRetryAt;        // set while Retrying
    QByteArray etag;              // validators for If-Range
    QByteArray lastModified;
    QByteArray sha256;            // expected checksum (32 bytes), empty when none
    qint64 rateLimit = 0;         // bytes per second for this download alone; 0: only the global limit
    QUrl partUrl;                 // the link (without credentials) the bytes on disk came from; empty: url
    QString note;                 // translated sentence about a decision that is not an error (a restart)
    QJsonObject backendState;     // what the item's backend keeps about it across runs (an aria2 gid);
                                  // opaque to everyone else, saved in the session as it is

    // How many connections this download may use, given the global setting.
    int segmentsOr(int global) const { return segments > 0 ? segments : global; }

    QString targetPath() const { return targetPathIn(directory, fileName); }
    QString partPath() const { return partPathIn(directory, fileName); }
    // The link was changed since the bytes on disk were fetched: before they are continued, the new link
    // must prove it serves the same file (see linkchange.h).
    bool linkChanged() const
    {
        return bytesReceived > 0 && !partUrl.isEmpty() && partUrl != url.adjusted(QUrl::RemoveUserInfo);
    }
};

} // namespace Quiver

// Every member is an implicitly shared Qt value or a plain number, so an item may be moved in memory as
// bytes. The queue's list then grows by realloc() instead of moving 100,000 items one by one, which
// held the window while a long paste arrived.
Q_DECLARE_TYPEINFO(Quiver::DownloadItem, Q_RELOCATABLE_TYPE);
