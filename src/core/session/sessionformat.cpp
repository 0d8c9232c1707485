#include "session/sessionformat.h"

#include "links/filenames.h"
#include "links/linksparser.h"
#include "util/headervalue.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>
#include <array>
#include <optional>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {

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

// Validators go back into a request header: one line of Latin-1, bounded (see HeaderValue).
std::optional<QByteArray> headerValue(const QJsonObject &object, QLatin1StringView key, qsizetype maxSize)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QByteArray();
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 0xff; }))
        return std::nullopt;
    QByteArray latin1 = text.toLatin1();
    if (!HeaderValue::isStorable(latin1, maxSize))
        return std::nullopt;
    return latin1;
}

struct DigestKey {
    QCryptographicHash::Algorithm algorithm;
    QLatin1StringView key;
    qsizetype bytes;
};
constexpr std::array digestKeys{
    DigestKey{QCryptographicHash::Sha256, "sha256"_L1, 32},
    DigestKey{QCryptographicHash::Sha512, "sha512"_L1, 64},
    DigestKey{QCryptographicHash::Sha1, "sha1"_L1, 20},
};

// What ChecksumList would take as a name: a last path part, nothing that hides or breaks a line.
bool isChecksumName(const QString &name)
{
    return !name.isEmpty() && name.size() <= SessionFormat::maxChecksumNameSize && !name.contains(u'/')
        && name != "."_L1 && name != ".."_L1;
}

} // namespace

QList<QJsonObject> SessionFormat::checksumsToJson(const ChecksumList &list)
{
    QList<QJsonObject> entries;
    const QHash<QString, ExpectedDigest> &digests = list.digests();
    for (auto it = digests.cbegin(); it != digests.cend(); ++it) {
        const auto key = std::find_if(digestKeys.cbegin(), digestKeys.cend(),
                                      [&](const DigestKey &k) { return k.algorithm == it->algorithm; });
        if (key == digestKeys.cend())
            continue;   // ChecksumList makes no other kind
        QJsonObject object;
        object.insert("name"_L1, it.key());
        object.insert(key->key, QString::fromLatin1(it->digest.toHex()));
        if (!it->source.isEmpty())
            object.insert("source"_L1, it->source);
        entries.append(object);
    }
    for (const QString &name : list.refusedNames()) {
        QJsonObject object;
        object.insert("name"_L1, name);
        object.insert("refused"_L1, true);
        entries.append(object);
    }
    return entries;
}

bool SessionFormat::checksumFromJson(const QJsonObject &object, ChecksumList *list, QString *problem)
{
    auto reject = [problem](const char *reason) {
        if (problem)
            *problem = tr(reason);
        return false;
    };
    const QJsonValue nameValue = object.value("name"_L1);
    const QString name = nameValue.toString();
    if (!nameValue.isString() || !isChecksumName(name))
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its file name is not a plain file name"));
    if (object.value("refused"_L1).toBool(false)) {
        list->restoreRefused(name);
        return true;
    }
    const QJsonValue sourceValue = object.value("source"_L1);
    if (!sourceValue.isUndefined() && (!sourceValue.isString() || sourceValue.toString().size() > maxChecksumNameSize))
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "the name of its checksum list is not valid"));
    const DigestKey *found = nullptr;
    for (const DigestKey &key : digestKeys) {
        if (!object.contains(key.key))
            continue;
        if (found)
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "it has more than one checksum"));
        found = &key;
    }
    if (!found)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "it has no checksum"));
    const QString hex = object.value(found->key).toString();
    const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
    // fromHex() skips what is not a digit: only an exact round trip proves the text was all digits.
    if (digest.size() != found->bytes || hex.size() != 2 * found->bytes || digest.toHex() != hex.toLatin1().toLower())
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its checksum is not a digest in hex"));
    list->restoreDigest(name, ExpectedDigest{found->algorithm, digest, sourceValue.toString()});
    return true;
}

QString SessionFormat::stateKey(DownloadState state)
{
    for (const StateKey &entry : stateKeys) {
        if (entry.state == state)
            return entry.key;
    }
    return {};
}

QJsonObject SessionFormat::toJson(const DownloadItem &item)
{
    QJsonObject object;
    // Credentials stay in memory only (F7): a session file is not a password store.
    object.insert("url"_L1, item.url.adjusted(QUrl::RemoveUserInfo).toString(QUrl::FullyEncoded));
    if (!item.engine.isEmpty())
        object.insert("engine"_L1, item.engine);
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
    // Where the .part's bytes came from: an edited "url" then differs, and the new link must prove it
    // serves the same file before they are continued (see linkchange.h).
    if (!item.partUrl.isEmpty() && item.bytesReceived > 0 && item.state != DownloadState::Finished)
        object.insert("partUrl"_L1, item.partUrl.adjusted(QUrl::RemoveUserInfo).toString(QUrl::FullyEncoded));
    if (item.rateLimit > 0)
        object.insert("rateLimit"_L1, item.rateLimit);
    if (item.segments > 0)
        object.insert("segments"_L1, int(item.segments));
    if (!item.backendState.isEmpty())
        object.insert("backend"_L1, item.backendState);
    return object;
}

bool SessionFormat::fromJson(const QJsonObject &object, DownloadItem *item, QString *problem)
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
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its link is not a valid http or https link"));
    result.url = withoutUserInfo(url);
    if (object.contains("partUrl"_L1)) {
        const QUrl partUrl(object.value("partUrl"_L1).toString(), QUrl::StrictMode);
        if (!partUrl.isValid() || partUrl.host().isEmpty())
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "the link its partial file came from is not valid"));
        // Mostly the link itself: then it shares the link's data rather than holding a copy.
        result.partUrl = partUrl == result.url ? result.url : withoutUserInfo(partUrl);
    }

    // Checked after cleaning: QDir calls ":x/../y" absolute (':' marks a Qt resource), and cleaning
    // leaves the relative "y", which would put files wherever the program was started.
    // Added later: a file without it has only this computer's rows. The name only, never the engine's
    // address or token (those are in the settings and the secret file).
    const QJsonValue engine = object.value("engine"_L1);
    if (!engine.isUndefined()) {
        if (!engine.isString() || engine.toString().isEmpty() || engine.toString().size() > 200)
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its engine's name is not valid"));
        result.engine = engine.toString();
    }
    const bool remote = !result.engine.isEmpty();

    // A remote row may have no folder: the daemon's own default folder then.
    const QString directory = QDir::cleanPath(object.value("directory"_L1).toString());
    if ((directory.isEmpty() && !remote) || directory.startsWith(u':')
        || (!directory.isEmpty() && !QDir::isAbsolutePath(directory)))
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its folder is not an absolute path"));
    result.directory = directory;

    const QJsonValue fileName = object.value("fileName"_L1);
    if (!fileName.isUndefined()) {
        const QString name = fileName.toString();
        // sanitize() is what gave the name in the first place; anything else was edited in (or is an
        // attack: "../x", "/etc/passwd") and could write outside the folder.
        if (!fileName.isString() || name.isEmpty() || FileNames::sanitize(name) != name
            || (!result.directory.isEmpty()
                && QFileInfo(QDir(result.directory).filePath(name)).absolutePath() != result.directory))
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its file name is not a safe name inside its folder"));
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
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its state is unknown"));
    const QString intent = object.value("intent"_L1).toString(u"run"_s);
    if (intent != "run"_L1 && intent != "pause"_L1)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its run/pause setting is unknown"));
    result.intent = intent == "pause"_L1 ? Intent::Pause : Intent::Run;

    const auto received = integer(object, "bytesReceived"_L1, 0, 0);
    const auto total = integer(object, "bytesTotal"_L1, -1, -1);
    const auto attempts = integer(object, "attempts"_L1, 0, 0);
    const auto withoutProgress = integer(object, "attemptsWithoutProgress"_L1, 0, 0);
    if (!received || !total)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its sizes are not whole numbers of bytes"));
    if (!attempts || !withoutProgress || *attempts > 1000000 || *withoutProgress > 1000000)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its attempt count is not a sensible number"));
    // Without a name there is no .part to continue from.
    result.bytesReceived = result.fileName.isEmpty() ? 0 : *received;
    result.bytesTotal = *total;
    result.attempts = int(*attempts);
    result.attemptsWithoutProgress = int(*withoutProgress);
    result.lastError = object.value("lastError"_L1).toString().left(2000);

    const auto etag = headerValue(object, "etag"_L1, HeaderValue::maxEtagSize);
    const auto lastModified = headerValue(object, "lastModified"_L1, HeaderValue::maxLastModifiedSize);
    if (!etag || !lastModified)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its validators are not valid header values"));
    result.etag = *etag;
    result.lastModified = *lastModified;

    const QString sha = object.value("sha256"_L1).toString();
    if (!sha.isEmpty()) {
        const QByteArray digest = QByteArray::fromHex(sha.toLatin1());
        if (sha.size() != 64 || digest.size() != 32 || digest.toHex() != sha.toLatin1().toLower())
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its checksum is not a SHA-256 in hex"));
        result.sha256 = digest;
    }

    // Added later: a file without it has no per-download limits.
    const auto rateLimit = integer(object, "rateLimit"_L1, 0, 0);
    if (!rateLimit)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its rate limit is not a whole number of bytes per second"));
    result.rateLimit = *rateLimit;

    // Added later: a file without it leaves every download on the global number of connections.
    const auto segments = integer(object, "segments"_L1, 0, 0);
    if (!segments || *segments > maxSegments)
        return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its own number of connections is not a whole number up to 16"));
    result.segments = qint8(*segments);

    // Kept for the backend as it is, but within reason: a line of the session is not a place for megabytes.
    const QJsonValue backend = object.value("backend"_L1);
    if (!backend.isUndefined()) {
        if (!backend.isObject()
            || QJsonDocument(backend.toObject()).toJson(QJsonDocument::Compact).size() > maxBackendStateSize)
            return reject(QT_TRANSLATE_NOOP("Quiver::SessionFormat", "its engine's record is not valid"));
        result.backendState = backend.toObject();
        // A file written before rows had an engine of their own named it only in the backend's record.
        const QString recorded = result.backendState.value("engine"_L1).toString();
        if (result.engine.isEmpty() && !recorded.isEmpty() && recorded.size() <= 200)
            result.engine = recorded;
    }
    *item = std::move(result);
    return true;
}

SessionParseResult SessionFormat::parse(const QByteArray &data)
{
    SessionParseResult result;
    QList<QJsonObject> objects;
    QList<QJsonObject> checksums;
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
            for (const QJsonValue &value : root.value("checksums"_L1).toArray())
                checksums.append(value.toObject());
        }
    } else if (data.startsWith(header)) {
        // Cut short or damaged in the middle: every item line that still parses is worth keeping.
        const QList<QByteArray> lines = data.split('\n');
        QList<QJsonObject> *section = &objects;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines.at(i).trimmed();
            if (line == checksumsSection) {
                section = &checksums;
                continue;
            }
            if (line.endsWith(','))
                line.chop(1);
            const QJsonDocument item = QJsonDocument::fromJson(line);
            if (item.isObject())
                section->append(item.object());
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
    for (qsizetype i = 0; i < checksums.size(); ++i) {
        QString reason;
        if (!checksumFromJson(checksums.at(i), &result.checksums, &reason))
            result.problems.append(tr("Skipped checksum %1: %2.").arg(i + 1).arg(reason));
    }

    return result;
}

} // namespace Quiver
