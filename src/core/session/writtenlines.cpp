#include "session/writtenlines.h"

#include <QFile>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Quiver {

namespace {

// Unchanged rows are read a stretch at a time: one read for a few thousand lines.
constexpr qsizetype kWindowSize = 1 << 20;

bool sameTime(const timespec &a, const timespec &b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

} // namespace

WrittenLines::~WrittenLines()
{
    clear();
}

void WrittenLines::clear()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_order = {};
    m_spans = {};
    m_positions = {};
    m_window = {};
    m_windowStart = 0;
}

void WrittenLines::adopt(const QString &path, const struct stat &written, QList<DownloadId> order, QList<Span> spans)
{
    clear();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    struct stat now {};
    if (::fstat(fd, &now) != 0 || now.st_dev != written.st_dev || now.st_ino != written.st_ino
        || now.st_size != written.st_size || order.size() != spans.size()) {
        ::close(fd);
        return;
    }
    m_fd = fd;
    m_device = now.st_dev;
    m_inode = now.st_ino;
    m_size = now.st_size;
    m_changed = now.st_ctim;
    m_order = std::move(order);
    m_spans = std::move(spans);
}

bool WrittenLines::checkIntact()
{
    if (m_fd < 0)
        return false;
    // The descriptor holds the file as written even when another one took its name since; only a change
    // in place, which moves the size or the time of the last change, spoils it.
    struct stat now {};
    if (::fstat(m_fd, &now) == 0 && now.st_dev == m_device && now.st_ino == m_inode && now.st_size == m_size
        && sameTime(now.st_ctim, m_changed))
        return true;
    clear();
    return false;
}

qsizetype WrittenLines::positionOf(qsizetype hint, DownloadId id)
{
    if (hint >= 0 && hint < m_order.size() && m_order.at(hint) == id)
        return hint;
    if (m_positions.isEmpty()) {
        m_positions.reserve(m_order.size());
        for (qsizetype i = 0; i < m_order.size(); ++i)
            m_positions.insert(m_order.at(i), i);
    }
    return m_positions.value(id, -1);
}

QByteArrayView WrittenLines::line(qsizetype position, DownloadId id)
{
    if (m_fd < 0)
        return {};
    const qsizetype found = positionOf(position, id);
    if (found < 0)
        return {};
    const QByteArrayView bytes = read(m_spans.at(found));
    // Every line this writer puts down is one JSON object: anything else is not what it wrote.
    if (bytes.size() < 2 || bytes.front() != '{' || bytes.back() != '}')
        return {};
    return bytes;
}

QByteArrayView WrittenLines::read(const Span &span)
{
    if (span.offset < 0 || span.size <= 0 || span.offset + span.size > m_size)
        return {};
    const qint64 windowEnd = m_windowStart + m_window.size();
    if (span.offset < m_windowStart || span.offset + span.size > windowEnd) {
        m_window.resize(qMax<qint64>(kWindowSize, span.size));
        qint64 got = 0;
        while (got < m_window.size()) {
            const ssize_t n = ::pread(m_fd, m_window.data() + got, size_t(m_window.size() - got), span.offset + got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        m_window.resize(got);
        m_windowStart = span.offset;
        if (got < span.size)
            return {};
    }
    return QByteArrayView(m_window.constData() + (span.offset - m_windowStart), span.size);
}

} // namespace Quiver
