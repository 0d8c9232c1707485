#pragma once

#include "links/checksumlist.h"
#include "queue/downloaditem.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Quiver {

// What SessionFormat::parse() made of the bytes of a session file.
struct SessionParseResult {
    QList<DownloadItem> items;   // valid items, in file order
    ChecksumList checksums;      // the checksum lists given in earlier runs, merged
    QStringList problems;        // translated sentences, one per skipped item or checksum entry
    QString damage;              // why the file as a whole could not be read; empty when it could
};

// The session file's format, on bytes and JSON only: SessionStore owns the file, SessionWriter writes it.
//
// The file is JSON, {"version":1,"items":[...]}, written one item per line so that a truncated file
// (a copy cut short, a full disk outside our QSaveFile) still yields every complete line. Nothing an
// item says is trusted: a link, a folder, a name or a header value that could not have come from
// Quiver is refused, so an edited or hostile file cannot make a download write outside its folder or
// inject into a request. Credentials in URLs are never written.
//
// Checksum lists given in a run (a SHA256SUMS opened in the window, --checksums) follow the items, so
// downloads continued after a restart are still checked: "],"checksums":[" on a line of its own, then
// one entry per line, {"name":"x.iso","sha256":"<hex>","source":"SHA256SUMS"} ("sha512", "sha1") or
// {"name":"x.iso","refused":true} for a name listed with two different digests. A file without them
// is read as before, and an older Quiver reading a newer file skips the key it does not know.
class SessionFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::SessionFormat)

public:
    static constexpr int Version = 1;
    // The largest backend record (DownloadItem::backendState) an item may carry, as compact JSON.
    static constexpr qsizetype maxBackendStateSize = 4096;
    // The first line of every file; the salvage of a damaged file starts from it.
    static constexpr QByteArrayView header = "{\"version\":1,\"items\":[";
    // The line that ends the items and starts the checksum entries; the salvage looks for it too.
    static constexpr QByteArrayView checksumsSection = "],\"checksums\":[";
    // A checksum entry's name and source are refused past this many characters.
    static constexpr qsizetype maxChecksumNameSize = 4096;

    // The file's bytes to the items and problems in them. Pure, so it can be fuzzed and tested on
    // bytes: what becomes of a damaged file (quarantine) is SessionStore::load()'s business.
    static SessionParseResult parse(const QByteArray &data);

    // The JSON of one item and back. fromJson() returns a translated problem in *problem and false
    // when the item is not safe to restore.
    static QJsonObject toJson(const DownloadItem &item);
    static bool fromJson(const QJsonObject &object, DownloadItem *item, QString *problem);
    static QString stateKey(DownloadState state);

    // A checksum list as entries (see above), in no particular order, and one entry back into list.
    static QList<QJsonObject> checksumsToJson(const ChecksumList &list);
    static bool checksumFromJson(const QJsonObject &object, ChecksumList *list, QString *problem);
};

} // namespace Quiver
