#include "session/namejournal.h"

#include "util/foldersync.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSaveFile>

#include <fcntl.h>
#include <unistd.h>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {
QByteArray lineFor(const NameJournal::Entry &entry)
{
    QJsonObject object;
    object.insert("url"_L1, entry.url.adjusted(QUrl::RemoveUserInfo).toString(QUrl::FullyEncoded));
    object.insert("directory"_L1, entry.directory);
    object.insert("fileName"_L1, entry.fileName);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

bool appendAndSync(const QString &path, const QByteArray &bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,
                          0600);
    if (fd < 0)
        return false;
    qsizetype done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        ok = written > 0;
        done += ok ? written : 0;
    }
    ok = ok && ::fdatasync(fd) == 0;
    ::close(fd);
    return ok;
}
} // namespace

NameJournal::NameJournal(const QString &path)
    : m_path(path)
{
    // One thread: appends and rewrites happen in the order they were asked for.
    m_pool.setMaxThreadCount(1);
    // An earlier run's lines stay until a saved queue file covers them. A line cut off by a crash goes:
    // lines appended after it would be unreadable.
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.readAll();
    file.close();
    const qsizetype complete = data.lastIndexOf('\n') + 1;
    for (QByteArrayView rest(data.constData(), complete); !rest.isEmpty();) {
        const qsizetype end = rest.indexOf('\n') + 1;
        m_kept.append(Line{++m_lastTicket, rest.first(end).toByteArray()});
        rest = rest.sliced(end);
    }
    if (complete < data.size())
        ::truncate(QFile::encodeName(m_path).constData(), off_t(complete));
}

NameJournal::~NameJournal()
{
    m_pool.waitForDone();
}

QFuture<void> NameJournal::record(Entry entry)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    const QMutexLocker lock(&m_mutex);
    m_pending.append({Line{++m_lastTicket, lineFor(entry)}, promise});
    if (!m_running) {
        m_running = true;
        m_pool.start([this] { run(); });
    }
    return future;
}

quint64 NameJournal::lastTicket() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lastTicket;
}

void NameJournal::forgetUpTo(quint64 ticket)
{
    const QMutexLocker lock(&m_mutex);
    m_forgetUpTo = qMax(m_forgetUpTo, ticket);
    if (!m_running) {
        m_running = true;
        m_pool.start([this] { run(); });
    }
}

void NameJournal::run()
{
    for (;;) {
        QList<std::pair<Line, std::shared_ptr<QPromise<void>>>> pending;
        quint64 forget = 0;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_pending.isEmpty() && (m_forgetUpTo == 0 || m_kept.isEmpty() || m_kept.constFirst().ticket > m_forgetUpTo)) {
                m_running = false;
                return;
            }
            pending.swap(m_pending);
            forget = m_forgetUpTo;
        }
        // Entries the queue file covers go first; if every entry goes, the journal is emptied.
        const qsizetype before = m_kept.size();
        m_kept.removeIf([forget](const Line &line) { return line.ticket <= forget; });
        if (m_kept.size() != before) {
            if (m_kept.isEmpty()) {
                QFile::remove(m_path);
            } else {
                QSaveFile file(m_path);
                if (file.open(QIODevice::WriteOnly)) {
                    for (const Line &line : std::as_const(m_kept))
                        file.write(line.text);
                    file.commit();
                }
            }
        }
        if (pending.isEmpty())
            continue;
        QByteArray bytes;
        for (const auto &[line, promise] : std::as_const(pending)) {
            bytes += line.text;
            m_kept.append(line);
        }
        const bool created = !QFile::exists(m_path);
        appendAndSync(m_path, bytes);
        if (created)
            syncFolderOf(m_path);   // the new file's name must survive a crash too
        for (const auto &[line, promise] : std::as_const(pending))
            promise->finish();
    }
}

QList<NameJournal::Entry> NameJournal::read(const QString &path)
{
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(64 * 1024);
        if (!line.endsWith('\n'))
            break;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        Entry entry;
        entry.url = QUrl(object.value("url"_L1).toString(), QUrl::StrictMode);
        entry.directory = object.value("directory"_L1).toString();
        entry.fileName = object.value("fileName"_L1).toString();
        if (!entry.url.isValid() || entry.directory.isEmpty() || entry.fileName.isEmpty())
            break;
        entries.append(entry);
    }
    return entries;
}

} // namespace Quiver
