#include "session/sessionstore.h"

#include "util/diskpath.h"
#include "queue/queuemodel.h"
#include "links/filenames.h"
#include "session/sessionformat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>
#include <limits>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {

// Rows handed to the writer per turn of the event loop: a few milliseconds of copying.
constexpr qsizetype kHandOverPart = 4096;
// Parts handed over but not yet serialized, at most: the writer runs below the owner's priority, so
// without a bound a save of 100,000 rows held a copy of every one of them.
constexpr qsizetype kHandOverBacklog = 2 * kHandOverPart;

} // namespace

SessionStore::SessionStore(QueueModel *model, const QString &path, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_path(absoluteDiskPath(path))
    , m_rowChanged(size_t(model->rowCount()), 1)
    , m_journal(m_path + u".journal"_s)
    , m_writer(m_path)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionStore::saveInBackground);
    connect(&m_writer, &SessionWriter::written, this,
            [this](quint64 generation, bool ok, const QString &error, bool resendEveryRow) {
                // A synchronous save may have waited for this write and reported it already.
                if (generation > m_reported)
                    report(generation, SessionWriter::Result{ok, error, resendEveryRow});
            });
    connect(&m_writer, &SessionWriter::partsTakenIn, this, [this] {
        if (std::exchange(m_waitingForWriter, false))
            continueHandOver();
    });
    connect(m_model, &QueueModel::stateChanged, this, &SessionStore::onStructureChanged);
    connect(m_model, &QueueModel::itemsAppended, this, &SessionStore::onStructureChanged);
    // Removal is announced before the rows go; the save runs later from the timer, after they went.
    connect(m_model, &QueueModel::itemsAboutToBeRemoved, this, &SessionStore::onItemsAboutToBeRemoved);
    // Progress, names, validators and errors all arrive as the model's coalesced dataChanged().
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SessionStore::onDataChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); });
    // QueueModel neither resets nor moves rows today; should it start to, every row is written again.
    connect(m_model, &QAbstractItemModel::modelReset, this, &SessionStore::onModelReset);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &SessionStore::onEverythingChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &SessionStore::onEverythingChanged);
    connect(m_model, &QObject::destroyed, this, [this] {
        m_model = nullptr;
        m_timer.stop();
    });
}

SessionStore::~SessionStore()
{
    // The last changes must not be lost just because the owner forgot to save before shutting down.
    if (m_model && isDirty())
        saveNow();
}

void SessionStore::setDelays(std::chrono::milliseconds saveDelay, std::chrono::milliseconds progressSaveDelay)
{
    m_saveDelay = saveDelay;
    m_progressSaveDelay = progressSaveDelay;
}

void SessionStore::setBeforeWriteHook(std::function<void()> hook)
{
    m_writer.setBeforeWriteHook(std::move(hook));
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

void SessionStore::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const auto first = m_rowChanged.begin() + qBound(0, topLeft.row(), int(m_rowChanged.size()));
    const auto last = m_rowChanged.begin() + qBound(0, bottomRight.row() + 1, int(m_rowChanged.size()));
    if (first < last)
        std::fill(first, last, char(1));
    scheduleSave(m_progressSaveDelay);
}

void SessionStore::onRowsInserted(int first, int last)
{
    m_rowChanged.insert(m_rowChanged.begin() + first, size_t(last - first + 1), char(1));
    m_orderChanged = true;
}

void SessionStore::onRowsRemoved(int first, int last)
{
    m_rowChanged.erase(m_rowChanged.begin() + first, m_rowChanged.begin() + last + 1);
    m_orderChanged = true;
    if (m_rowChanged.size() == size_t(m_model->rowCount()))
        m_rowsGoing.clear();   // the removal came as rows removed, not as a reset
}

void SessionStore::onItemsAboutToBeRemoved(const QList<DownloadId> &ids)
{
    // QueueModel removes many scattered rows with a reset: these rows are what that reset takes away,
    // so the rows that stay keep their marks and the next save writes the new order only.
    m_rowsGoing.clear();
    m_rowsGoing.reserve(ids.size());
    for (DownloadId id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_rowsGoing.push_back(row);
    }
    std::sort(m_rowsGoing.begin(), m_rowsGoing.end());
    m_rowsGoing.erase(std::unique(m_rowsGoing.begin(), m_rowsGoing.end()), m_rowsGoing.end());
    onStructureChanged();
}

void SessionStore::onModelReset()
{
    const std::vector<int> going = std::exchange(m_rowsGoing, {});
    if (going.empty() || m_rowChanged.size() != size_t(m_model->rowCount()) + going.size()
        || size_t(going.back()) >= m_rowChanged.size()) {
        onEverythingChanged();
        return;
    }
    size_t kept = 0;
    auto next = going.cbegin();
    for (size_t row = 0; row < m_rowChanged.size(); ++row) {
        if (next != going.cend() && size_t(*next) == row) {
            ++next;
            continue;
        }
        m_rowChanged[kept++] = m_rowChanged[row];
    }
    m_rowChanged.resize(kept);
    m_orderChanged = true;
    scheduleSave(m_saveDelay);
}

void SessionStore::onEverythingChanged()
{
    markEveryRowChanged();
    scheduleSave(m_saveDelay);
}

QList<DownloadItem> SessionStore::takeChangedItems(qsizetype limit)
{
    QList<DownloadItem> items;
    items.reserve(qMin<qsizetype>(limit, std::count(m_rowChanged.cbegin(), m_rowChanged.cend(), char(1))));
    for (size_t row = 0; row < m_rowChanged.size() && items.size() < limit; ++row) {
        if (m_rowChanged[row]) {
            items.append(m_model->at(int(row)));
            m_rowChanged[row] = 0;
        }
    }
    return items;
}

SessionWriter::Changes SessionStore::takeChanges(qsizetype itemLimit)
{
    SessionWriter::Changes changes;
    Q_ASSERT(m_rowChanged.size() == size_t(m_model->rowCount()));
    if (m_rowChanged.size() != size_t(m_model->rowCount())) {
        // Lost track of the rows somehow: writing them all again is slow but right.
        m_rowChanged.assign(size_t(m_model->rowCount()), 1);
        m_orderChanged = true;
    }
    if (m_orderChanged) {
        changes.order = m_model->ids();
        m_orderChanged = false;
    }
    changes.items = takeChangedItems(itemLimit);
    changes.checksums = std::exchange(m_checksumsToWrite, std::nullopt);
    m_dirty = false;
    return changes;
}

void SessionStore::setChecksums(const ChecksumList &checksums)
{
    m_checksumsToWrite = checksums;
    scheduleSave(m_saveDelay);
}

bool SessionStore::failed(const QString &message)
{
    m_lastError = message;
    emit saveFailed(message);
    return false;
}

QFuture<void> SessionStore::recordName(const QUrl &link, const QString &directory, const QString &fileName)
{
    return m_journal.record(NameJournal::Entry{link, directory, fileName});
}

void SessionStore::saveInBackground()
{
    if (!m_model)
        return;
    // Every name recorded so far is in a row flagged by the flush below: this save covers it.
    if (!m_handOverQueued)
        m_handOverTicket = m_journal.lastTicket();
    // Rows changed within the model's coalescing interval are announced now, not after the hand-over.
    m_model->flush();
    m_timer.stop();
    if (!m_dirty)
        return;
    if (m_blocked) {
        failed(tr("The session file “%1” could not be read, so it is not overwritten.").arg(m_path));
        return;
    }
    if (m_rowChanged.size() == size_t(m_model->rowCount())
        && std::count(m_rowChanged.cbegin(), m_rowChanged.cend(), char(1)) > kHandOverPart) {
        // Copying 100,000 rows at once would stall the event loop (mostly on fresh memory): the rows go
        // over a part per turn, and the write follows with the last part.
        if (m_writer.itemsNotTakenIn() >= kHandOverBacklog) {
            m_handOverQueued = true;   // keeps the journal ticket of this save
            m_waitingForWriter = true;  // partsTakenIn() goes on with it
            return;
        }
        m_writer.prepare(takeChangedItems(kHandOverPart));
        if (!m_handOverQueued) {
            m_handOverQueued = true;
            QMetaObject::invokeMethod(this, &SessionStore::continueHandOver, Qt::QueuedConnection);
        }
        return;
    }
    m_submitted = m_writer.write(takeChanges());
    m_journalTicketOf.insert(m_submitted, m_handOverTicket);
}

void SessionStore::continueHandOver()
{
    m_handOverQueued = false;
    saveInBackground();
}

bool SessionStore::saveNow(bool force)
{
    const quint64 ticket = m_journal.lastTicket();
    if (m_model)
        m_model->flush();
    m_timer.stop();
    if (!m_model || (!isDirty() && !force))
        return true;
    if (m_blocked)
        return failed(tr("The session file “%1” could not be read, so it is not overwritten.").arg(m_path));
    // A timed save in flight that already holds every change only needs waiting for. Otherwise this
    // thread writes, at its own priority: the writer's thread runs below it.
    SessionWriter::Result result;
    // Twice at most: a write that lost lines (the file was changed under it) is made good at once, with
    // every row handed over again.
    for (int round = 0; round < 2; ++round) {
        if (m_dirty || force || m_lastWriteFailed || m_submitted == 0) {
            // The order now, the rows a part at a time, serialized as they come: a copy of 100,000 rows at
            // once was a fifth of quiver-cli's peak memory.
            SessionWriter::Changes changes = takeChanges(0);
            m_submitted = m_writer.writeNow(std::move(changes), [this] { return takeChangedItems(kHandOverPart); });
            m_journalTicketOf.insert(m_submitted, ticket);
        }
        result = m_writer.waitFor(m_submitted);
        if (result.ok || !result.resendEveryRow || round > 0)
            break;
        markEveryRowChanged();
    }
    report(m_submitted, result);
    return result.ok;
}

void SessionStore::markEveryRowChanged()
{
    if (!m_model)
        return;
    m_rowChanged.assign(size_t(m_model->rowCount()), 1);
    m_orderChanged = true;
    m_dirty = true;
}

void SessionStore::report(quint64 generation, const SessionWriter::Result &result)
{
    m_reported = generation;
    m_lastWriteFailed = !result.ok;
    if (result.resendEveryRow) {
        // The writer lost lines it cannot make again: the next save hands it every row.
        markEveryRowChanged();
        scheduleSave(m_saveDelay);
    }
    if (!result.ok) {
        failed(result.error);
        return;
    }
    m_lastError.clear();
    ++m_saveCount;
    // The journal's entries this write covers are not needed any more (nor those of earlier writes).
    quint64 covered = 0;
    for (auto it = m_journalTicketOf.begin(); it != m_journalTicketOf.end();) {
        if (it.key() <= generation) {
            covered = qMax(covered, it.value());
            it = m_journalTicketOf.erase(it);
        } else {
            ++it;
        }
    }
    if (covered > 0)
        m_journal.forgetUpTo(covered);
    emit saved();
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

    SessionParseResult parsed = SessionFormat::parse(data);
    result.items = std::move(parsed.items);
    result.checksums = std::move(parsed.checksums);
    // Kept by the next save even if the owner never hands them on: loading must not lose them.
    if (!result.checksums.isEmpty() || !result.checksums.refusedNames().isEmpty())
        m_checksumsToWrite = result.checksums;
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
    applyJournal(&result.items);
    return result;
}

void SessionStore::applyJournal(QList<DownloadItem> *items) const
{
    const QList<NameJournal::Entry> entries = NameJournal::read(m_journal.path());
    if (entries.isEmpty())
        return;
    QHash<std::pair<QUrl, QString>, qsizetype> rowOf;
    for (qsizetype row = 0; row < items->size(); ++row)
        rowOf.insert({items->at(row).url.adjusted(QUrl::RemoveUserInfo), items->at(row).directory}, row);
    for (const NameJournal::Entry &entry : entries) {
        // Read back like the queue file: a name that is not a plain file name, or a link Quiver would not
        // fetch, is not taken.
        const QString directory = QDir::cleanPath(entry.directory);
        const QString scheme = entry.url.scheme();
        if (FileNames::sanitize(entry.fileName) != entry.fileName || !QDir::isAbsolutePath(directory)
            || (scheme != "http"_L1 && scheme != "https"_L1) || entry.url.host().isEmpty())
            continue;
        const auto it = rowOf.constFind({entry.url, directory});
        if (it == rowOf.cend()) {
            DownloadItem &item = items->emplaceBack();
            item.url = entry.url;
            item.directory = directory;
            item.fileName = entry.fileName;
            item.attempts = 1;   // a name is recorded as an attempt begins
            rowOf.insert({entry.url, directory}, items->size() - 1);
        } else if (DownloadItem &item = (*items)[*it]; item.fileName.isEmpty()) {
            item.fileName = entry.fileName;
            item.attempts = qMax(item.attempts, 1);
        }
    }
}

} // namespace Quiver
