#include "disk/partorigin.h"

#include "util/headervalue.h"

#include <QFile>

#include <atomic>
#include <sys/xattr.h>

namespace Quiver {

namespace {
constexpr const char *urlAttribute = "user.xdg.origin.url";
constexpr const char *etagAttribute = "user.quiver.etag";
constexpr const char *lastModifiedAttribute = "user.quiver.last_modified";
constexpr const char *totalAttribute = "user.quiver.total";
constexpr qsizetype maxUrlSize = 8192;

std::atomic<bool> disabled{false};

QUrl withoutCredentials(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo);
}

bool set(int fd, const char *name, const QByteArray &value)
{
    if (value.isEmpty())
        return ::fremovexattr(fd, name) == 0 || errno == ENODATA;
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

bool PartOrigin::writeTo(int fd) const
{
    if (disabled.load() || url.isEmpty())
        return false;
    const QByteArray link = withoutCredentials(url).toEncoded();
    if (link.size() > maxUrlSize || !set(fd, urlAttribute, link))
        return false;
    // Best effort from here: without validators the file is still recognised, and resumed more carefully.
    set(fd, etagAttribute, etag);
    set(fd, lastModifiedAttribute, lastModified);
    set(fd, totalAttribute, total >= 0 ? QByteArray::number(total) : QByteArray());
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
    // Read back like an answer's headers: only values fit to send in If-Range are kept.
    origin.etag = get(native, etagAttribute, HeaderValue::maxEtagSize);
    if (!HeaderValue::isStorable(origin.etag, HeaderValue::maxEtagSize))
        origin.etag.clear();
    origin.lastModified = get(native, lastModifiedAttribute, HeaderValue::maxLastModifiedSize);
    if (!HeaderValue::isStorable(origin.lastModified, HeaderValue::maxLastModifiedSize))
        origin.lastModified.clear();
    bool ok = false;
    const qint64 total = get(native, totalAttribute, 24).toLongLong(&ok);
    origin.total = ok && total >= 0 ? total : -1;
    return origin;
}

void PartOrigin::keepOnlyTheLink(int fd)
{
    if (disabled.load())
        return;
    ::fremovexattr(fd, etagAttribute);
    ::fremovexattr(fd, lastModifiedAttribute);
    ::fremovexattr(fd, totalAttribute);
}

void PartOrigin::setDisabledForTesting(bool off)
{
    disabled = off;
}

} // namespace Quiver
