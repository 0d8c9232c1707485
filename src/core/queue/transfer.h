#pragma once

#include "queue/downloaditem.h"
#include "queue/segmentmap.h"
#include "queue/transfererror.h"

#include <QObject>

namespace Quiver {

// What one attempt ended with. bytesOnDisk is what the .part (or the final file) now holds, so the next
// attempt knows where to continue.
struct TransferResult {
    TransferError error;
    qint64 bytesOnDisk = 0;
    qint64 bytesTotal = -1;
    QString fileName;          // the final name, once decided
    QByteArray etag;
    QByteArray lastModified;
    QJsonObject backendState;  // the backend's new record of the item (DownloadItem::backendState); empty: unchanged
    QString note;              // a finished file's sentence for the row's details (a checksum that matched)
};

// The response was accepted and writing begins: the name is decided and the size (if any) known.
struct TransferStart {
    QString fileName;
    qint64 offset = 0;         // where this attempt continues; 0 after a restart
    qint64 bytesTotal = -1;
    QByteArray etag;
    QByteArray lastModified;
    QJsonObject backendState;  // as in TransferResult
    QString note;              // why the attempt runs as it does (a segmented download back on one stream)
};

// One attempt at one download, made by a DownloadBackend. The scheduler only ever starts and stops
// these; another backend (a remote engine, a segmented download) can stand behind the same small interface.
class Transfer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transfer)

public:
    using QObject::QObject;

    // Must not emit finished() before returning: the scheduler is still bookkeeping.
    virtual void start() = 0;
    // Ends the attempt soon with ErrorKind::Canceled, keeping what is on disk.
    virtual void stop() = 0;

    // Connections on the wire. Every attempt holds one from its launch to its end; one that can spread its
    // work over more (a segmented download) says how many it could use now, its first included, and the
    // scheduler lends it extra ones out of room no waiting download can use. With none lent it still
    // finishes, on its one connection.
    virtual int connectionsWanted() const { return 1; }
    // Offers count more connections; returns how many it took, each put on the wire at once.
    virtual int addConnections(int count)
    {
        Q_UNUSED(count);
        return 0;
    }
    // Takes one lent connection back now, for a waiting download: the attempt ends one of its extra
    // connections at once, keeping its bytes; the rest of that connection's work waits for the others.
    virtual void reclaimConnection() {}

signals:
    void started(const Quiver::TransferStart &start);
    void progress(qint64 bytesOnDisk, qint64 bytesTotal);
    void verifying();
    // The backend's record of the item changed while the attempt runs (the byte ranges a segmented
    // download holds), so a crash loses no more than since the last one.
    void recordChanged(const QJsonObject &backendState);
    // A segmented attempt's connections and the bytes they brought, at most a few times a second; an
    // empty map when the download goes on as one stream.
    void segmentsChanged(const Quiver::SegmentMap &map);
    void finished(const Quiver::TransferResult &result);
    // It could use more connections than it holds (its work can be split again): offer again.
    void connectionsWantedChanged();
    // Lent connections ended (their range done, or the attempt is winding down): the slots are free.
    void connectionsReturned(int count);
};

} // namespace Quiver
