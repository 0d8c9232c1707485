#pragma once

#include <algorithm>
#include <memory>

#include <QByteArray>
#include <QObject>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include "queue/downloaditem.h"
#include "links/linksparser.h"

class QSettings;

namespace Quiver {

struct EngineSettings;

// A remote aria2 daemon as the user set it up. Its secret token is not here: it lives in tokenFile, a file
// only the user can read (see AppSettings::setRemoteEngines()).
struct RemoteEngineSetting {
    QString name;
    QUrl address;   // its JSON-RPC address, http or https
    friend bool operator==(const RemoteEngineSetting &, const RemoteEngineSetting &) = default;
};

// One stored number: its key, default and allowed range in one place. The settings dialog takes its
// spin box ranges from here too, so the form and the store cannot disagree.
template<typename T>
struct BoundedSetting {
    const char *key;
    T defaultValue;
    T minimum;
    T maximum;

    constexpr T clamp(T value) const { return std::clamp(value, minimum, maximum); }
};

// The user's preferences, typed, on top of QSettings. Setters clamp to the allowed range; changed() is
// emitted once (queued) for a batch of setter calls that actually changed something, so applying the
// settings dialog reconfigures the running queue once, not once per field.
class AppSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    static constexpr BoundedSetting<int> MaxParallel{"downloads/maxParallel", 8, 1, 64};
    static constexpr BoundedSetting<int> PerHost{"downloads/perHost", 6, 1, 64};
    // Connections one download may use (segments). One by default for now. A file that cannot be split
    // (too small, no ranges) no longer costs a second request (the first answer goes on as its stream),
    // but a segmented download may hold up to 8 MiB waiting for the disk where one stream holds 1 MiB,
    // not yet measured against the window's memory goals (bench/gui), and some servers frown upon many
    // connections from one client. A user who downloads large files raises it here or per download.
    static constexpr BoundedSetting<int> SegmentsPerDownload{"downloads/segments", 1, 1, maxSegments};
    static constexpr BoundedSetting<int> ConnectTimeoutSeconds{"network/connectTimeoutSeconds", 30, 1, 3600};
    static constexpr BoundedSetting<int> StallTimeoutSeconds{"network/stallTimeoutSeconds", 30, 1, 3600};
    static constexpr BoundedSetting<int> MaxRetries{"retry/maxRetries", 5, 0, 100};
    static constexpr BoundedSetting<double> RetryBaseSeconds{"retry/baseDelaySeconds", 1.0, 0.1, 600.0};
    // The global rate limit in KiB/s, kept while it is switched off so the status bar's toggle brings it back.
    static constexpr BoundedSetting<int> RateLimitKiB{"network/rateLimitKiB", 1024, 1, 1024 * 1024};
    // The most links one URL pattern (img[001-120].jpg) may make in the add-links box; quiver-cli's
    // --max-pattern-links, with the same default and limits.
    static constexpr BoundedSetting<int> MaxPatternLinks{"links/maxPatternLinks", int(kDefaultMaxPatternLinks), 1, 10'000'000};

    // The platform's store for organisation and application "Quiver".
    explicit AppSettings(QObject *parent = nullptr);
    // An INI file at fileName: for tests and portable setups.
    explicit AppSettings(const QString &fileName, QObject *parent = nullptr);
    ~AppSettings() override;

    // The user's Downloads folder, or the home folder where there is none.
    static QString defaultDownloadDirectory();

    QString downloadDirectory() const;
    int maxParallel() const;
    int perHost() const;
    int segmentsPerDownload() const;
    int connectTimeoutSeconds() const;
    int stallTimeoutSeconds() const;
    int maxRetries() const;
    double retryBaseSeconds() const;
    bool rateLimited() const;
    int rateLimitKiB() const;
    bool useSystemProxy() const;   // true unless the user turned it off
    bool expandPatterns() const;   // [ ] { } in links make URL patterns; true unless turned off (curl's -g)
    int maxPatternLinks() const;

    void setDownloadDirectory(const QString &path);   // an empty path means the default
    void setMaxParallel(int value);
    void setPerHost(int value);
    void setSegmentsPerDownload(int value);
    void setConnectTimeoutSeconds(int value);
    void setStallTimeoutSeconds(int value);
    void setMaxRetries(int value);
    void setRetryBaseSeconds(double seconds);
    void setRateLimited(bool on);
    void setRateLimitKiB(int value);
    void setUseSystemProxy(bool use);
    void setExpandPatterns(bool expand);
    void setMaxPatternLinks(int value);

    // The remote engines, in the order the user added them.
    QList<RemoteEngineSetting> remoteEngines() const;
    // Stores the list. tokens holds the new token of each engine whose token was given (added, or changed
    // in Settings); it is written to that engine's token file, readable only by the user (0600), never to
    // the settings. A removed engine's token file goes. False, with error set to a sentence, when a token
    // file could not be written: the list is not stored then.
    bool setRemoteEngines(const QList<RemoteEngineSetting> &engines, const QHash<QString, QByteArray> &tokens,
                          QString *error);
    // Where the token of the engine called name is kept (beside the settings file).
    QString tokenFileOf(const QString &name) const;

    // Everything above, in the engine's terms.
    EngineSettings engineSettings() const;
    // How the add-links box reads links: patterns or not, and their cap.
    LinkListOptions linkListOptions() const;

    // Window layout. Not preferences: storing it does not emit changed().
    QByteArray headerState() const;
    void setHeaderState(const QByteArray &state);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // Writes pending changes to disk now (QSettings also does it on its own, and on destruction).
    void sync();
    QString fileName() const;

signals:
    void changed();

private:
    int readInt(const BoundedSetting<int> &setting) const;
    void writeInt(const BoundedSetting<int> &setting, int value);
    void scheduleChanged();
    void emitChanged();

    std::unique_ptr<QSettings> m_settings;
    bool m_changeScheduled = false;
};

} // namespace Quiver
