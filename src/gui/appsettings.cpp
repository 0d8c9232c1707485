#include "appsettings.h"

#include <chrono>
#include <cmath>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSettings>
#include <QStandardPaths>

#include "engine/downloadengine.h"
#include "remote/secretfile.h"

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {
constexpr char DownloadDirectoryKey[] = "downloads/directory";
constexpr char UseSystemProxyKey[] = "network/useSystemProxy";
constexpr char ExpandPatternsKey[] = "links/expandPatterns";
constexpr char HeaderStateKey[] = "window/headerState";
constexpr char WindowGeometryKey[] = "window/geometry";
constexpr char WindowStateKey[] = "window/state";
constexpr char SplitterStateKey[] = "window/splitterState";
constexpr char EnginesKey[] = "engines";
} // namespace

QList<RemoteEngineSetting> AppSettings::remoteEngines() const
{
    QList<RemoteEngineSetting> engines;
    const int count = m_settings->beginReadArray(EnginesKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        RemoteEngineSetting engine{m_settings->value("name").toString().trimmed(),
                                   QUrl(m_settings->value("address").toString())};
        if (!engine.name.isEmpty() && engine.address.isValid())
            engines.append(engine);
    }
    m_settings->endArray();
    return engines;
}

QString AppSettings::tokenFileOf(const QString &name) const
{
    // Named by a hash: an engine's name may hold any character, a file name may not.
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QFileInfo(m_settings->fileName()).dir().filePath(u"engines/"_s + QString::fromLatin1(hash) + u".token"_s);
}

bool AppSettings::setRemoteEngines(const QList<RemoteEngineSetting> &engines, const QHash<QString, QByteArray> &tokens,
                                   QString *error)
{
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        const QString path = tokenFileOf(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = tr("The folder for the engines' tokens could not be created. Check your permissions on %1.")
                         .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
            return false;
        }
        QFile::setPermissions(QFileInfo(path).absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (!Aria2::writeSecretFile(path, it.value(), error))
            return false;
    }
    const QList<RemoteEngineSetting> before = remoteEngines();
    for (const RemoteEngineSetting &old : before) {
        const bool kept = std::any_of(engines.cbegin(), engines.cend(),
                                      [&old](const RemoteEngineSetting &engine) { return engine.name == old.name; });
        if (!kept)
            QFile::remove(tokenFileOf(old.name));
    }
    if (before == engines && tokens.isEmpty())
        return true;
    m_settings->remove(EnginesKey);
    m_settings->beginWriteArray(EnginesKey, int(engines.size()));
    for (int i = 0; i < engines.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue("name", engines.at(i).name);
        m_settings->setValue("address", engines.at(i).address.toString());
    }
    m_settings->endArray();
    scheduleChanged();
    return true;
}

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(u"Quiver"_s, u"Quiver"_s))
{
}

AppSettings::AppSettings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::defaultDownloadDirectory()
{
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QString AppSettings::downloadDirectory() const
{
    const QString stored = m_settings->value(DownloadDirectoryKey).toString();
    return stored.isEmpty() ? defaultDownloadDirectory() : stored;
}

void AppSettings::setDownloadDirectory(const QString &path)
{
    // The default is not written down, so a user who never chose a folder follows the platform's
    // Downloads folder if it moves.
    const QString cleaned = path.trimmed().isEmpty() ? QString() : QDir::cleanPath(path.trimmed());
    const QString stored = m_settings->value(DownloadDirectoryKey).toString();
    if (cleaned == stored)
        return;
    const bool visibleChange = (cleaned.isEmpty() ? defaultDownloadDirectory() : cleaned) != downloadDirectory();
    if (cleaned.isEmpty())
        m_settings->remove(DownloadDirectoryKey);
    else
        m_settings->setValue(DownloadDirectoryKey, cleaned);
    if (visibleChange)
        scheduleChanged();
}

int AppSettings::readInt(const BoundedSetting<int> &setting) const
{
    // The file may have been edited by hand: anything unreadable is the default, anything out of range
    // is brought back into it.
    bool ok = false;
    const int value = m_settings->value(setting.key).toInt(&ok);
    return ok ? setting.clamp(value) : setting.defaultValue;
}

void AppSettings::writeInt(const BoundedSetting<int> &setting, int value)
{
    const int clamped = setting.clamp(value);
    if (clamped == readInt(setting))
        return;
    m_settings->setValue(setting.key, clamped);
    scheduleChanged();
}

int AppSettings::maxParallel() const { return readInt(MaxParallel); }
int AppSettings::perHost() const { return readInt(PerHost); }
int AppSettings::segmentsPerDownload() const { return readInt(SegmentsPerDownload); }
int AppSettings::connectTimeoutSeconds() const { return readInt(ConnectTimeoutSeconds); }
int AppSettings::stallTimeoutSeconds() const { return readInt(StallTimeoutSeconds); }
int AppSettings::maxRetries() const { return readInt(MaxRetries); }

void AppSettings::setMaxParallel(int value) { writeInt(MaxParallel, value); }
void AppSettings::setPerHost(int value) { writeInt(PerHost, value); }
void AppSettings::setSegmentsPerDownload(int value) { writeInt(SegmentsPerDownload, value); }
void AppSettings::setConnectTimeoutSeconds(int value) { writeInt(ConnectTimeoutSeconds, value); }
void AppSettings::setStallTimeoutSeconds(int value) { writeInt(StallTimeoutSeconds, value); }
void AppSettings::setMaxRetries(int value) { writeInt(MaxRetries, value); }

namespace {
constexpr char RateLimitedKey[] = "network/rateLimited";
}

int AppSettings::rateLimitKiB() const { return readInt(RateLimitKiB); }
void AppSettings::setRateLimitKiB(int value) { writeInt(RateLimitKiB, value); }

bool AppSettings::rateLimited() const
{
    return m_settings->value(RateLimitedKey, false).toBool();
}

void AppSettings::setRateLimited(bool on)
{
    if (on == rateLimited())
        return;
    m_settings->setValue(RateLimitedKey, on);
    scheduleChanged();
}

double AppSettings::retryBaseSeconds() const
{
    bool ok = false;
    const double value = m_settings->value(RetryBaseSeconds.key).toDouble(&ok);
    return ok && std::isfinite(value) ? RetryBaseSeconds.clamp(value) : RetryBaseSeconds.defaultValue;
}

void AppSettings::setRetryBaseSeconds(double seconds)
{
    const double clamped = std::isfinite(seconds) ? RetryBaseSeconds.clamp(seconds) : RetryBaseSeconds.defaultValue;
    // Compared in whole milliseconds, the unit the engine uses, so float noise is not a change.
    if (std::llround(clamped * 1000.0) == std::llround(retryBaseSeconds() * 1000.0))
        return;
    m_settings->setValue(RetryBaseSeconds.key, clamped);
    scheduleChanged();
}

bool AppSettings::useSystemProxy() const
{
    return m_settings->value(UseSystemProxyKey, true).toBool();
}

void AppSettings::setUseSystemProxy(bool use)
{
    if (use == useSystemProxy())
        return;
    m_settings->setValue(UseSystemProxyKey, use);
    scheduleChanged();
}

bool AppSettings::expandPatterns() const
{
    return m_settings->value(ExpandPatternsKey, true).toBool();
}

void AppSettings::setExpandPatterns(bool expand)
{
    if (expand == expandPatterns())
        return;
    m_settings->setValue(ExpandPatternsKey, expand);
    scheduleChanged();
}

int AppSettings::maxPatternLinks() const { return readInt(MaxPatternLinks); }
void AppSettings::setMaxPatternLinks(int value) { writeInt(MaxPatternLinks, value); }

LinkListOptions AppSettings::linkListOptions() const
{
    LinkListOptions options;
    options.globbing = expandPatterns();
    options.maxPatternLinks = maxPatternLinks();
    return options;
}

EngineSettings AppSettings::engineSettings() const
{
    using std::chrono::milliseconds;
    using std::chrono::seconds;

    EngineSettings engine;
    engine.maxParallel = maxParallel();
    engine.perHost = perHost();
    engine.http.segments = segmentsPerDownload();
    engine.http.connectTimeout = seconds(connectTimeoutSeconds());
    engine.http.stallTimeout = seconds(stallTimeoutSeconds());
    engine.http.useSystemProxy = useSystemProxy();
    engine.retry.maxRetries = maxRetries();
    engine.rateLimit = rateLimited() ? qint64(rateLimitKiB()) * 1024 : 0;
    engine.retry.baseDelay = milliseconds(std::llround(retryBaseSeconds() * 1000.0));
    // The backoff is capped at maxDelay; a first wait above the cap would otherwise be silently cut.
    engine.retry.maxDelay = std::max(engine.retry.maxDelay, engine.retry.baseDelay);
    return engine;
}

QByteArray AppSettings::headerState() const { return m_settings->value(HeaderStateKey).toByteArray(); }
void AppSettings::setHeaderState(const QByteArray &state) { m_settings->setValue(HeaderStateKey, state); }
QByteArray AppSettings::windowGeometry() const { return m_settings->value(WindowGeometryKey).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &geometry) { m_settings->setValue(WindowGeometryKey, geometry); }
QByteArray AppSettings::windowState() const { return m_settings->value(WindowStateKey).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { m_settings->setValue(WindowStateKey, state); }
QByteArray AppSettings::splitterState() const { return m_settings->value(SplitterStateKey).toByteArray(); }
void AppSettings::setSplitterState(const QByteArray &state) { m_settings->setValue(SplitterStateKey, state); }

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::scheduleChanged()
{
    // A dialog sets seven values in a row; listeners should reconfigure once, after the last one.
    if (m_changeScheduled)
        return;
    m_changeScheduled = true;
    QMetaObject::invokeMethod(this, &AppSettings::emitChanged, Qt::QueuedConnection);
}

void AppSettings::emitChanged()
{
    m_changeScheduled = false;
    emit changed();
}

} // namespace Quiver
