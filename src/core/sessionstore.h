#pragma once

#include "downloaditem.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace Quiver {

class QueueModel;

// What SessionStore::load() found.
struct SessionLoadResult {
    QList<DownloadItem> items;   // valid items, in queue order, ready for DownloadEngine::restore()
    QStringList problems;        // translated sentences, one per skipped item or damaged file
    QString quarantinedPath;     // where a damaged file was moved; empty when it was fine
    bool unreadable = false;     // the file exists but could not be opened: nothing was loaded, and
                                 // saving would overwrite what could not be read
};

// What SessionStore::parse() made of the bytes of a session file.
struct SessionParseResult {
    QList<DownloadItem> items;   // valid items, in file order
    QStringList problems;        // translated sentences, one per skipped item
    QString damage;              // why the file as a whole could not be read; empty when it could
};

// Keeps a QueueModel in a file so a later run continues it (quiver-cli --session, the window's queue).
//
// The file is JSON, {"version":1,"items":[...]}, written one item per line so that a truncated file
// (a copy cut short, a full disk outside our QSaveFile) still yields every complete line. Writes go
// through QSaveFile plus fsync, so a crash leaves either the old file or the new one, never a mix.
// They are coalesced: a state change, an append or a removal schedules a save within saveDelay;
// progress alone within progressSaveDelay, so a hundred progress ticks cost one write. Credentials
// in URLs are never written.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    static constexpr int Version = 1;

    // Starts watching model for changes at once; nothing is read or written until load() or a change.
    SessionStore(QueueModel *model, const QString &path, QObject *parent = nullptr);
    ~SessionStore() override;

    QString path() const { return m_path; }

    // Reads the file. A missing file is an empty session without problems. Items that fail validation
    // are skipped with a problem each. A file that cannot be parsed (or has an unknown version) is
    // renamed to PATH.corrupt-YYYYMMDD-hhmmss, keeping whatever complete item lines could be salvaged.
    // Loading does not touch the model: pass the items to DownloadEngine::restore().
    SessionLoadResult load();

    // load() without the file: the items and problems in data. The file's fate (quarantine) stays with
    // load(); this half is pure so it can be fuzzed and tested on bytes.
    static SessionParseResult parse(const QByteArray &data);

    // Writes now if anything changed since the last write (or always, with force).
    bool saveNow(bool force = false);
    bool isDirty() const { return m_dirty; }
    int saveCount() const { return m_saveCount; }
    QString lastError() const { return m_lastError; }

    // Tests shorten these; the defaults keep a busy queue at one write every few seconds.
    void setDelays(std::chrono::milliseconds saveDelay, std::chrono::milliseconds progressSaveDelay);

    // The JSON of one item and back; exposed for tests. fromJson() returns a translated problem in
    // *problem and false when the item is not safe to restore.
    static QJsonObject toJson(const DownloadItem &item);
    static bool fromJson(const QJsonObject &object, DownloadItem *item, QString *problem);
    static QString stateKey(DownloadState state);

signals:
    void saved();
    void saveFailed(const QString &message);

private:
    void scheduleSave(std::chrono::milliseconds delay);
    void onStructureChanged();
    void onProgress();
    QByteArray serialize() const;
    QString quarantine(QStringList *problems);

    QueueModel *m_model = nullptr;
    QString m_path;
    QTimer m_timer;
    std::chrono::milliseconds m_saveDelay{1000};
    std::chrono::milliseconds m_progressSaveDelay{3000};
    QString m_lastError;
    int m_saveCount = 0;
    bool m_dirty = false;
    bool m_blocked = false;   // the file exists but was unreadable: never overwrite it
};

} // namespace Quiver
