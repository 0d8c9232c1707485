#include "sessionstore.h"

#include "filenames.h"
#include "linksparser.h"
#include "queuemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <array>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {

// The first line of every file save() writes; the salvage of a damaged file starts from it.
constexpr QByteArrayView header = "{\"version\":1,\"items\":[";

struct StateKey {
    DownloadState state;
    QLatin1StringView key;
};
constexpr std::array stateKeys{
    StateKey{DownloadState::Queued, "queued"_L1},
    StateKey{DownloadState::Connecting, "connecting"_L1},
    StateKey{DownloadState::Downloading, "downloading"_L1},
    StateKey{DownloadState::Retrying, "retrying"_L1},
    StateKey{DownloadState::Paused, "paused"_L1},
    StateKey{DownloadState::Verifying, "verifying"_L1},
    StateKey{DownloadState::Finished, "finished"_L1},
    StateKey{DownloadState::Failed, "failed"_L1},
    StateKey{DownloadState::Canceled, "canceled"_L1},
};

// A whole number >= minimum, or nothing. A missing key gives fallback.
std::optional<qint64> integer(const QJsonObject &object, QLatin1StringView key, qint64 fallback, qint64 minimum)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Beyond 2^53 a double no longer holds every whole number; no file is that large. The range comes
    // first: converting a double that a qint64 cannot hold is undefined behaviour.
    if (!(number >= double(minimum) && number <= 9007199254740992.0) || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

// Validators go back into a request header: one line of Latin-1, bounded.
std::optional<QByteArray> headerValue(const QJsonObject &object, QLatin1StringView key, qsizetype maxSize)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QByteArray();
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text.size() > maxSize)
        return std::nullopt;
    for (QChar c : text) {
        if (c.unicode() > 0xff || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return std::nullopt;
    }
    return text.toLatin1();
}

void syncFolderOf(const QString &file)
{
    const int fd = ::open(QFile::encodeName(QFileInfo(file).absolutePath()).constData(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

SessionStore::SessionStore(QueueModel *model, const QString &path, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_path(QFileInfo(path).absoluteFilePath())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(m_model, &QueueModel::stateChanged, this, &SessionStore::onStructureChanged);
    connect(m_model, &QueueModel::itemsAppended, this, &SessionStore::onStructureChanged);
    // Removal is announced before the rows go; the save runs later from the timer, after they went.
    connect(m_model, &QueueModel::itemsAboutToBeRemoved, this, &SessionStore::onStructureChanged);
    // Progress, names, validators and errors all arrive as the model's coalesced dataChanged().
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SessionStore::onProgress);
    connect(m_model, &QObject::destroyed, this, [this] {
        m_model = nullptr;
        m_timer.stop();
    });
}

SessionStore::~SessionStore()
{
    // The last changes must not be lost just because the owner forgot to save before shutting down.
    if (m_model && m_dirty)
        saveNow();
}

void SessionStore::setDelays(std::chrono::milliseconds saveDelay, std::chrono::milliseconds progressSaveDelay)
{
    m_saveDelay = saveDelay;
    m_progressSaveDelay = progressSaveDelay;
}

void SessionStore::scheduleSave(std::chrono::milliseconds delay)
{
    m_dirty = true;
    // A pending save that comes sooner already covers this change; a later one is brought forward.
    if (!m_timer.isActive() || m_timer.remainingTimeAsDuration() > delay)
        m_timer.start(delay);
}

void SessionStore::onStructureChanged()
{
    scheduleSave(m_saveDelay);
}

void SessionStore::onProgress()
{
    scheduleSave(m_progressSaveDelay);
}

QString SessionStore::stateKey(DownloadState state)
{
    for (const StateKey &entry : stateKeys) {
        if (entry.state == state)
            return entry.key;
    }
    return {};
}

QJsonObject SessionStore::toJson(const DownloadItem &item)
{
    QJsonObject object;
    // Credentials stay in memory only (F7): a session file is not a password store.
    object.insert("url"_L1, item.url.adjusted(QUrl::RemoveUserInfo).toString(QUrl::FullyEncoded));
    object.insert("directory"_L1, item.directory);
    if (!item.fileName.isEmpty())
        object.insert("fileName"_L1, item.fileName);
    if (item.fileNameFromUser)
        object.insert("fileNameFromUser"_L1, true);
    object.insert("state"_L1, stateKey(item.state));
    object.insert("intent"_L1, item.intent == Intent::Pause ? "pause"_L1 : "run"_L1);
    object.insert("bytesReceived"_L1, item.bytesReceived);
    object.insert("bytesTotal"_L1, item.bytesTotal);
    object.insert("attempts"_L1, item.attempts);
    object.insert("attemptsWithoutProgress"_L1, item.attemptsWithoutProgress);
    if (!item.lastError.isEmpty())
        object.insert("lastError"_L1, item.lastError);
    if (!item.etag.isEmpty())
        object.insert("etag"_L1, QString::fromLatin1(item.etag));
    if (!item.lastModified.isEmpty())
        object.insert("lastModified"_L1, QString::fromLatin1(item.lastModified));
    if (!item.sha256.isEmpty())
        object.insert("sha256"_L1, QString::fromLatin1(item.sha256.toHex()));
    return object;
}

bool SessionStore::fromJson(const QJsonObject &object, DownloadItem *item, QString *problem)
{
    auto reject = [problem](const char *reason) {
        if (problem)
            *problem = tr(reason);
        return false;
    };
    DownloadItem result;

    const QUrl url(object.value("url"_L1).toString(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || url.host().isEmpty())
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its link is not a valid http or https link"));
    result.url = url.adjusted(QUrl::RemoveUserInfo);

    // Checked after cleaning: QDir calls ":x/../y" absolute (':' marks a Qt resource), and cleaning
    // leaves the relative "y", which would put files wherever the program was started.
    const QString directory = QDir::cleanPath(object.value("directory"_L1).toString());
    if (directory.isEmpty() || directory.startsWith(u':') || !QDir::isAbsolutePath(directory))
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its folder is not an absolute path"));
    result.directory = directory;

    const QJsonValue fileName = object.value("fileName"_L1);
    if (!fileName.isUndefined()) {
        const QString name = fileName.toString();
        // sanitize() is what gave the name in the first place; anything else was edited in (or is an
        // attack: "../x", "/etc/passwd") and could write outside the folder.
        if (!fileName.isString() || name.isEmpty() || FileNames::sanitize(name) != name
            || QFileInfo(QDir(result.directory).filePath(name)).absolutePath() != result.directory)
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its file name is not a safe name inside its folder"));
        result.fileName = name;
    }
    result.fileNameFromUser = object.value("fileNameFromUser"_L1).toBool(false) && !result.fileName.isEmpty();

    const QString state = object.value("state"_L1).toString();
    bool knownState = false;
    for (const StateKey &entry : stateKeys) {
        if (entry.key == state) {
            result.state = entry.state;
            knownState = true;
        }
    }
    if (!knownState)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its state is unknown"));
    const QString intent = object.value("intent"_L1).toString(u"run"_s);
    if (intent != "run"_L1 && intent != "pause"_L1)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its run/pause setting is unknown"));
    result.intent = intent == "pause"_L1 ? Intent::Pause : Intent::Run;

    const auto received = integer(object, "bytesReceived"_L1, 0, 0);
    const auto total = integer(object, "bytesTotal"_L1, -1, -1);
    const auto attempts = integer(object, "attempts"_L1, 0, 0);
    const auto withoutProgress = integer(object, "attemptsWithoutProgress"_L1, 0, 0);
    if (!received || !total)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its sizes are not whole numbers of bytes"));
    if (!attempts || !withoutProgress || *attempts > 1000000 || *withoutProgress > 1000000)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its attempt count is not a sensible number"));
    // Without a name there is no .part to continue from.
    result.bytesReceived = result.fileName.isEmpty() ? 0 : *received;
    result.bytesTotal = *total;
    result.attempts = int(*attempts);
    result.attemptsWithoutProgress = int(*withoutProgress);
    result.lastError = object.value("lastError"_L1).toString().left(2000);

    const auto etag = headerValue(object, "etag"_L1, 1024);
    const auto lastModified = headerValue(object, "lastModified"_L1, 128);
    if (!etag || !lastModified)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its validators are not valid header values"));
    result.etag = *etag;
    result.lastModified = *lastModified;

    const QString sha = object.value("sha256"_L1).toString();
    if (!sha.isEmpty()) {
        const QByteArray digest = QByteArray::fromHex(sha.toLatin1());
        if (sha.size() != 64 || digest.size() != 32 || digest.toHex() != sha.toLatin1().toLower())
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionStore", "its checksum is not a SHA-256 in hex"));
        result.sha256 = digest;
    }
    *item = std::move(result);
    return true;
}

QByteArray SessionStore::serialize() const
{
    QByteArray data;
    data.reserve(128 + m_model->rowCount() * 320);
    data.append(header);
    data.append('\n');
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (row > 0)
            data.append(",\n");
        // Compact JSON escapes every newline, so each item is exactly one line: see load()'s salvage.
        data.append(QJsonDocument(toJson(m_model->at(row))).toJson(QJsonDocument::Compact));
    }
    data.append("\n]}\n");
    return data;
}

bool SessionStore::saveNow(bool force)
{
    m_timer.stop();
    if (!m_model || (!m_dirty && !force))
        return true;
    auto failed = [this](const QString &message) {
        m_lastError = message;
        emit saveFailed(message);
        return false;
    };
    if (m_blocked)
        return failed(tr("The session file “%1” could not be read, so it is not overwritten.").arg(m_path));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(tr("Could not save the session to “%1”: %2.").arg(m_path, file.errorString()));
    // Links can carry tokens in their query strings: the file is the user's alone.
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
    const QByteArray data = serialize();
    // The data must be on the disk before the rename makes it the session, or a power cut could leave
    // an empty file in its place.
    if (file.write(data) != data.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failed(tr("Could not save the session to “%1”: %2.").arg(m_path, reason));
    }
    if (!file.commit())
        return failed(tr("Could not save the session to “%1”: %2.").arg(m_path, file.errorString()));
    syncFolderOf(m_path);
    m_dirty = false;
    m_lastError.clear();
    ++m_saveCount;
    emit saved();
    return true;
}

QString SessionStore::quarantine(QStringList *problems)
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_s);
    QString target = m_path + u".corrupt-"_s + stamp;
    for (int n = 1; QFileInfo::exists(target) && n < 1000; ++n)
        target = m_path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(m_path, target)) {
        // Saving would destroy the only copy: keep hands off it.
        m_blocked = true;
        problems->append(tr("The damaged session file “%1” could not be moved aside, so the queue will not be "
                            "saved until it is moved or deleted.").arg(m_path));
        return {};
    }
    return target;
}

SessionLoadResult SessionStore::load()
{
    SessionLoadResult result;
    m_blocked = false;
    QFile file(m_path);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        m_blocked = true;
        result.unreadable = true;
        result.problems.append(tr("Could not read the session file “%1”: %2.").arg(m_path, file.errorString()));
        return result;
    }
    const QByteArray data = file.readAll();
    file.close();

    SessionParseResult parsed = parse(data);
    result.items = std::move(parsed.items);
    result.problems = std::move(parsed.problems);
    const QString &damage = parsed.damage;
    if (!damage.isEmpty()) {
        result.quarantinedPath = quarantine(&result.problems);
        const QString kept = result.quarantinedPath.isEmpty()
            ? QString()
            : tr(" It was kept as “%1”.").arg(result.quarantinedPath);
        result.problems.prepend(tr("The session file “%1” could not be read in full: %2. %n item(s) recovered.%3",
                                   nullptr, int(result.items.size()))
                                    .arg(m_path, damage, kept));
    }
    return result;
}

SessionParseResult SessionStore::parse(const QByteArray &data)
{
    SessionParseResult result;
    QList<QJsonObject> objects;
    QString &damage = result.damage;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue version = root.value("version"_L1);
        if (version.toInt(-1) != Version) {
            damage = tr("it has an unknown format version (%1); it may come from a newer Quiver")
                         .arg(version.isDouble() ? QString::number(version.toDouble()) : tr("none"));
        } else if (!root.value("items"_L1).isArray()) {
            damage = tr("it has no list of items");
        } else {
            for (const QJsonValue &value : root.value("items"_L1).toArray())
                objects.append(value.toObject());   // a non-object becomes {} and fails validation
        }
    } else if (data.startsWith(header)) {
        // Cut short or damaged in the middle: every item line that still parses is worth keeping.
        const QList<QByteArray> lines = data.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines.at(i).trimmed();
            if (line.endsWith(','))
                line.chop(1);
            const QJsonDocument item = QJsonDocument::fromJson(line);
            if (item.isObject())
                objects.append(item.object());
        }
        damage = tr("it is damaged or cut short (%1)").arg(error.errorString());
    } else {
        damage = data.trimmed().isEmpty() ? tr("it is empty") : tr("it is not a Quiver session (%1)").arg(error.errorString());
    }

    for (qsizetype i = 0; i < objects.size(); ++i) {
        DownloadItem item;
        QString reason;
        if (fromJson(objects.at(i), &item, &reason)) {
            result.items.append(std::move(item));
            continue;
        }
        const QString link = cleanExcerpt(QUrl(objects.at(i).value("url"_L1).toString())
                                              .toDisplayString(QUrl::RemoveUserInfo));
        result.problems.append(tr("Skipped item %1 (%2): %3.").arg(i + 1).arg(link.isEmpty() ? tr("no link") : link, reason));
    }

    return result;
}

} // namespace Quiver
