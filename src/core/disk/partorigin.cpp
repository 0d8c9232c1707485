#include "disk/partorigin.h"

#include "util/headervalue.h"

#include <QFile>

#include <atomic>
#include <sys/xattr.h>

namespace Quiver {

namespace {
constexpr const char *urlAttribute = "user.xdg.origin.url";
// The validators and the total in one attribute ("TOTAL\nETAG\nLAST-MODIFIED"; a storable value holds
// no line break): one system call to record them and one to drop them at the finish, where three each
// were a tenth of the system calls per small file.
constexpr const char *originAttribute = "user.quiver.origin";
// How Quiver up to issue 9 kept them: still read, so an older .part is continued, and dropped from a
// .part that is opened again, so a finished file never keeps them.
constexpr const char *legacyEtagAttribute = "user.quiver.etag";
constexpr const char *legacyLastModifiedAttribute = "user.quiver.last_modified";
constexpr const char *legacyTotalAttribute = "user.quiver.total";
constexpr qsizetype maxUrlSize = 8192;
constexpr qsizetype maxTotalSize = 24;
constexpr qsizetype maxOriginSize = maxTotalSize + HeaderValue::maxEtagSize + HeaderValue::maxLastModifiedSize + 2;

std::atomic<bool> disabled{false};

QUrl withoutCredentials(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo);
}

bool set(int fd, const char *name, const QByteArray &value)
{
    return ::fsetxattr(fd, name, value.constData(), size_t(value.size()), 0) == 0;
}

QByteArray get(const QByteArray &path, const char *name, qsizetype limit)
{
    QByteArray value(limit, Qt::Uninitialized);
    const ssize_t size = ::lgetxattr(path.constData(), name, value.data(), size_t(value.size()));
    if (size < 0)
        return {};
    value.truncate(size);
    return value;
}
} // namespace

bool PartOrigin::isFrom(const QUrl &link) const
{
    return !url.isEmpty() && url == withoutCredentials(link);
}

bool PartOrigin::writeTo(int fd, FileState state) const
{
    if (disabled.load() || url.isEmpty())
        return false;
    const QByteArray link = withoutCredentials(url).toEncoded();
    if (link.size() > maxUrlSize || !set(fd, urlAttribute, link))
        return false;
    if (state == FileState::Existing) {
        ::fremovexattr(fd, legacyEtagAttribute);
        ::fremovexattr(fd, legacyLastModifiedAttribute);
        ::fremovexattr(fd, legacyTotalAttribute);
    }
    // Best effort from here: without validators the file is still recognised, and resumed more carefully.
    // Written even when all three are unknown, so an older record on a reopened file never outlives this one.
    // A value with a line break would shift the fields; the answer's head never keeps one anyway.
    const auto storable = [](const QByteArray &value, qsizetype maxSize) {
        return HeaderValue::isStorable(value, maxSize) ? value : QByteArray();
    };
    const QByteArray record = (total >= 0 ? QByteArray::number(total) : QByteArray()) + '\n'
        + storable(etag, HeaderValue::maxEtagSize) + '\n'
        + storable(lastModified, HeaderValue::maxLastModifiedSize);
    set(fd, originAttribute, record);
    return true;
}

std::optional<PartOrigin> PartOrigin::readFrom(const QString &path)
{
    if (disabled.load())
        return std::nullopt;
    const QByteArray native = QFile::encodeName(path);
    const QByteArray link = get(native, urlAttribute, maxUrlSize);
    PartOrigin origin;
    origin.url = QUrl::fromEncoded(link, QUrl::StrictMode);
    if (link.isEmpty() || !origin.url.isValid())
        return std::nullopt;
    QByteArray totalText;
    const QByteArray record = get(native, originAttribute, maxOriginSize);
    if (const QList<QByteArray> fields = record.split('\n'); fields.size() == 3) {
        totalText = fields[0];
        origin.etag = fields[1];
        origin.lastModified = fields[2];
    } else if (record.isEmpty()) {
        totalText = get(native, legacyTotalAttribute, maxTotalSize);
        origin.etag = get(native, legacyEtagAttribute, HeaderValue::maxEtagSize);
        origin.lastModified = get(native, legacyLastModifiedAttribute, HeaderValue::maxLastModifiedSize);
    }
    // Read back like an answer's headers: only values fit to send in If-Range are kept.
    if (!HeaderValue::isStorable(origin.etag, HeaderValue::maxEtagSize))
        origin.etag.clear();
    if (!HeaderValue::isStorable(origin.lastModified, HeaderValue::maxLastModifiedSize))
        origin.lastModified.clear();
    bool ok = false;
    const qint64 total = totalText.toLongLong(&ok);
    origin.total = ok && total >= 0 ? total : -1;
    return origin;
}

void PartOrigin::keepOnlyTheLink(int fd)
{
    if (disabled.load())
        return;
    // A .part with legacy attributes lost them when it was opened again (writeTo()).
    ::fremovexattr(fd, originAttribute);
}

void PartOrigin::setDisabledForTesting(bool off)
{
    disabled = off;
}

} // namespace Quiver
