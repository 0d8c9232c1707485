// Fuzzes the session loader (SessionFormat::parse, the half of SessionStore::load() that reads bytes).
// Whatever the file holds, every item it lets through is safe to restore, every checksum entry names a
// plain file with a digest of its kind's size, and what it loaded (items and checksum lists) is saved and
// loaded again unchanged: a restart must never alter, drop or refuse what it accepted before.

#include "fuzzcheck.h"

#include "links/filenames.h"
#include "session/sessionformat.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Quiver;
using namespace Quiver::Fuzz;

namespace {

void checkItem(const DownloadItem &item)
{
    const QString scheme = item.url.scheme();
    FUZZ_CHECK(item.url.isValid() && (scheme == u"http" || scheme == u"https"), "a loaded link is not http(s)");
    FUZZ_CHECK(!item.url.host().isEmpty(), "a loaded link has no host");
    FUZZ_CHECK(item.url.userInfo().isEmpty(), "a loaded link carries credentials");
    FUZZ_CHECK(QDir::isAbsolutePath(item.directory) && QDir::cleanPath(item.directory) == item.directory,
               "a loaded folder is not a clean absolute path");
    if (!item.fileName.isEmpty()) {
        const char *problem = cleanNameProblem(item.fileName);
        FUZZ_CHECK(problem == nullptr, problem);
        FUZZ_CHECK(QFileInfo(item.targetPath()).absolutePath() == item.directory,
                   "a loaded file is outside its folder");
    }
    FUZZ_CHECK(item.bytesReceived >= 0 && item.bytesTotal >= -1, "loaded sizes are negative");
    FUZZ_CHECK(!item.fileName.isEmpty() || item.bytesReceived == 0, "bytes received without a .part to hold them");
    FUZZ_CHECK(item.attempts >= 0 && item.attemptsWithoutProgress >= 0, "loaded attempt counts are negative");
    for (const QByteArray *validator : {&item.etag, &item.lastModified}) {
        for (char c : *validator)
            FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, "a validator would split a request header");
    }
    FUZZ_CHECK(item.sha256.isEmpty() || item.sha256.size() == 32, "a loaded checksum is not 32 bytes");
}

// The fields the file keeps; id, speed and nextRetryAt are runtime state and not saved. Links compare
// by their encoded form, as the queue does (linkIdentity): QUrl's operator== also compares how a
// character was written, and "#a#b" comes back as "#a%23b", the same link.
bool sameSavedFields(const DownloadItem &a, const DownloadItem &b)
{
    return a.url.toString(QUrl::FullyEncoded) == b.url.toString(QUrl::FullyEncoded)
        && a.directory == b.directory && a.fileName == b.fileName && a.fileNameFromUser == b.fileNameFromUser
        && a.state == b.state && a.intent == b.intent
        && a.bytesReceived == b.bytesReceived && a.bytesTotal == b.bytesTotal && a.attempts == b.attempts
        && a.attemptsWithoutProgress == b.attemptsWithoutProgress && a.lastError == b.lastError
        && a.etag == b.etag && a.lastModified == b.lastModified && a.sha256 == b.sha256;
}

void checkChecksums(const ChecksumList &list)
{
    const QHash<QString, ExpectedDigest> &digests = list.digests();
    for (auto it = digests.cbegin(); it != digests.cend(); ++it) {
        FUZZ_CHECK(!it.key().isEmpty() && !it.key().contains(u'/') && it.key() != u"." && it.key() != u"..",
                   "a loaded checksum names no plain file");
        const qsizetype size = it->algorithm == QCryptographicHash::Sha512 ? 64
                             : it->algorithm == QCryptographicHash::Sha1   ? 20
                                                                           : 32;
        FUZZ_CHECK(it->digest.size() == size, "a loaded checksum does not have its algorithm's size");
    }
    for (const QString &name : list.refusedNames())
        FUZZ_CHECK(!digests.contains(name), "a refused name still has a checksum");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const SessionParseResult parsed = SessionFormat::parse(bytes);
    FUZZ_CHECK(!parsed.damage.isEmpty() || QJsonDocument::fromJson(bytes).isObject(),
               "a file that is not a JSON object was read as undamaged");

    QJsonArray saved;
    for (const DownloadItem &item : parsed.items) {
        checkItem(item);
        // One item through JSON text and back, as a save and the next start do it.
        const QJsonObject object = SessionFormat::toJson(item);
        const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        DownloadItem again;
        QString problem;
        FUZZ_CHECK(SessionFormat::fromJson(QJsonDocument::fromJson(line).object(), &again, &problem),
                   "a loaded item is refused after saving it");
        FUZZ_CHECK(sameSavedFields(item, again), "a loaded item changes when saved and loaded again");
        saved.append(object);
    }

    checkChecksums(parsed.checksums);
    QJsonArray savedChecksums;
    for (const QJsonObject &entry : SessionFormat::checksumsToJson(parsed.checksums))
        savedChecksums.append(entry);

    // The whole queue, saved and read again, comes back complete and without complaint.
    QJsonObject root;
    root.insert(QStringLiteral("version"), SessionFormat::Version);
    root.insert(QStringLiteral("items"), saved);
    if (!savedChecksums.isEmpty())
        root.insert(QStringLiteral("checksums"), savedChecksums);
    const SessionParseResult reloaded = SessionFormat::parse(QJsonDocument(root).toJson());
    FUZZ_CHECK(reloaded.damage.isEmpty() && reloaded.problems.isEmpty(), "a saved queue is not read back cleanly");
    FUZZ_CHECK(reloaded.items.size() == parsed.items.size(), "a saved queue loses items");
    for (qsizetype i = 0; i < reloaded.items.size(); ++i)
        FUZZ_CHECK(sameSavedFields(reloaded.items.at(i), parsed.items.at(i)), "a saved queue changes its items");
    FUZZ_CHECK(reloaded.checksums == parsed.checksums, "saved checksum lists change when read again");
    return 0;
}
