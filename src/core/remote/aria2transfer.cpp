#include "remote/aria2transfer.h"

#include "remote/aria2errors.h"
#include "remote/aria2monitor.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace Quiver::Aria2 {

using namespace Qt::StringLiterals;

namespace {
TransferError canceled()
{
    TransferError error;
    error.kind = ErrorKind::Canceled;
    return error;
}
} // namespace

Transfer::Transfer(const DownloadItem &item, Monitor *monitor, QObject *parent)
    : Quiver::Transfer(parent)
    , m_monitor(monitor)
    , m_engine(monitor->name())
    , m_url(item.url)
    , m_directory(item.directory)
    , m_fileName(item.fileName)
    , m_sha256(item.sha256)
    , m_rateLimit(item.rateLimit)
    , m_bytes(item.bytesReceived)
    , m_total(item.bytesTotal)
{
    const QString gid = gidIn(item.backendState);
    // A gid of another engine (the row was moved) means nothing here.
    if (item.backendState.value("engine"_L1).toString() == m_engine)
        m_gid = gid;
}

Transfer::~Transfer()
{
    if (m_monitor && !m_gid.isEmpty())
        m_monitor->unwatch(m_gid, this);
}

QJsonObject Transfer::stateFor(const QString &engine, const QString &gid)
{
    QJsonObject state{{"engine"_L1, engine}};
    if (!gid.isEmpty())
        state.insert("gid"_L1, gid);
    return state;
}

QString Transfer::gidIn(const QJsonObject &state)
{
    const QString gid = state.value("gid"_L1).toString();
    return isGid(gid) ? gid : QString();
}

void Transfer::start()
{
    if (!m_monitor) {
        // The engine was replaced or removed between the attempt's making and its start.
        TransferError gone;
        gone.kind = ErrorKind::Network;   // retried: the row's next attempt goes to the engine as it is now
        gone.message = QCoreApplication::translate("Quiver::Aria2", "The engine “%1” was changed in Settings "
                                                   "as this download started; it starts again there.")
                           .arg(m_engine);
        QMetaObject::invokeMethod(this, [this, gone] { end(gone); }, Qt::QueuedConnection);
        return;
    }
    if (m_gid.isEmpty()) {
        // Bytes from an earlier attempt are on the daemon's disk: aria2 continues the file instead of
        // numbering a new one beside it.
        add(m_bytes > 0);
        return;
    }
    // An earlier attempt's gid: ask what the daemon knows of it before anything else.
    m_monitor->rpc()->call(Call{u"aria2.tellStatus"_s, QJsonArray{m_gid, QJsonArray::fromStringList(statusKeys())}},
                           [self = QPointer(this)](const RpcReply &reply) {
                               if (self)
                                   self->onStatus(reply);
                           });
}

void Transfer::add(bool continueFile)
{
    QJsonObject options;
    if (!m_directory.isEmpty())
        options.insert("dir"_L1, m_directory);
    if (!m_fileName.isEmpty())
        options.insert("out"_L1, m_fileName);
    // Quiver's retry policy decides about retries, as it does for this computer's downloads: aria2 stacking
    // five tries under each of Quiver's would make a dead link take minutes to fail.
    options.insert("max-tries"_L1, "1"_L1);
    if (continueFile)
        options.insert("continue"_L1, "true"_L1);
    if (m_sha256.size() == 32)
        options.insert("checksum"_L1, QString(u"sha-256="_s + QString::fromLatin1(m_sha256.toHex())));
    if (m_rateLimit > 0)
        options.insert("max-download-limit"_L1, QString::number(m_rateLimit));
    const qint64 limitSent = m_rateLimit;
    m_adding = true;
    m_monitor->rpc()->call(
        Call{u"aria2.addUri"_s, QJsonArray{QJsonArray{m_url.toString(QUrl::FullyEncoded)}, options}},
        [self = QPointer(this), limitSent](const RpcReply &reply) {
            if (!self)
                return;
            self->m_adding = false;
            if (!reply.ok()) {
                self->end(errorForReply(reply, self->m_engine));
                return;
            }
            const QString gid = reply.result.toString();
            if (!isGid(gid)) {
                RpcReply garbage;
                garbage.message = u"a new download without a valid gid"_s;
                self->end(errorForReply(garbage, self->m_engine));
                return;
            }
            self->m_gid = gid;
            self->m_rateLimitSent = limitSent;
            // Kept with the row from now on, before the daemon starts it: a download waiting in aria2's own
            // line is taken up (or removed) by its gid after a crash or a cancel, never added twice.
            emit self->recordChanged(stateFor(self->m_engine, gid));
            if (self->m_stopping) {
                self->pauseThenEnd();
                return;
            }
            // Changed while the daemon was adding it.
            if (self->m_rateLimit != limitSent)
                self->sendRateLimit();
            self->follow(gid);
        });
}

void Transfer::follow(const QString &gid)
{
    // Once the link was compared only the counts are asked for, while the download runs with its file's
    // name known or waits in aria2's line (most of thousands of rows). One that starts running is asked for
    // everything at the next refresh, which brings its file's name.
    const bool settled = m_started || m_lastStatus == Status::Waiting || m_lastStatus == Status::Paused;
    const Monitor::Detail detail = m_linkChecked && settled ? Monitor::Detail::Progress : Monitor::Detail::Full;
    if (m_followed == gid) {
        if (detail != m_detail)
            m_monitor->setDetail(gid, this, detail);
        m_detail = detail;
        return;
    }
    m_followed = gid;
    m_detail = detail;
    m_monitor->watch(gid, this, [self = QPointer(this)](const RpcReply &reply) {
        if (self)
            self->onStatus(reply);
    }, detail);
}

void Transfer::onStatus(const RpcReply &reply)
{
    if (m_ended)
        return;
    if (reply.outcome == RpcReply::Outcome::MethodError && !m_stopping) {
        // The daemon does not know the gid: it restarted without a session, or its result was removed.
        // The link is added again and continues from the file on the daemon's disk.
        if (++m_readds > 2) {
            end(errorForReply(reply, m_engine));
            return;
        }
        forget(m_gid);
        add(true);
        return;
    }
    if (!reply.ok()) {
        end(m_stopping ? canceled() : errorForReply(reply, m_engine));
        return;
    }
    QString problem;
    const auto status = parseStatus(reply.result, &problem);
    if (!status || status->gid.compare(m_gid, Qt::CaseInsensitive) != 0) {
        RpcReply garbage;
        garbage.message = status ? u"the status of another download"_s : problem;
        end(errorForReply(garbage, m_engine));
        return;
    }
    apply(*status);
}

void Transfer::apply(const DownloadStatus &status)
{
    // A gid taken up whose download still has another link: the row's link was changed meanwhile (an
    // expired one replaced). aria2 swaps the link on the same download, which keeps its file and its
    // control file, so it continues where it was; the unpause waits for the swap.
    const QString link = m_url.toString(QUrl::FullyEncoded);
    if (!m_linkChecked && !status.uris.isEmpty() && (status.status == Status::Paused || status.status == Status::Waiting
                                                      || status.status == Status::Active)) {
        m_linkChecked = true;
        if (!status.uris.contains(link)) {
            QJsonArray old;
            for (const QString &uri : status.uris)
                old.append(uri);
            m_monitor->rpc()->call(Call{u"aria2.changeUri"_s, QJsonArray{m_gid, 1, old, QJsonArray{link}}},
                                   [self = QPointer(this), status](const RpcReply &reply) {
                                       if (!self || self->m_ended)
                                           return;
                                       if (!reply.ok()) {
                                           self->end(errorForReply(reply, self->m_engine));
                                           return;
                                       }
                                       self->apply(status);
                                   });
            return;
        }
    }

    m_lastStatus = status.status;
    if (!status.path.isEmpty())
        m_fileName = QFileInfo(status.path).fileName();
    m_bytes = status.completedLength;
    if (status.totalLength >= 0)
        m_total = status.totalLength;

    switch (status.status) {
    case Status::Paused:
        if (m_stopping) {
            end(canceled());
            return;
        }
        // Paused there (by an earlier run, or by hand on the daemon) while Quiver wants it running.
        m_monitor->rpc()->call(Call{u"aria2.unpause"_s, QJsonArray{m_gid}}, [](const RpcReply &) {});
        break;
    case Status::Removed:
        if (m_stopping) {
            end(canceled());
            return;
        }
        // Removed on the daemon's side: the link is added again, continuing from its file.
        if (++m_readds > 2) {
            TransferError error;
            error.kind = ErrorKind::Engine;
            error.message = QCoreApplication::translate("Quiver::Aria2", "The download was removed on the "
                                                        "engine “%1” again and again; Quiver stopped adding it.")
                                .arg(m_engine);
            end(error);
            return;
        }
        forget(m_gid);
        add(true);
        return;
    case Status::Error: {
        const TransferError error = errorForDownload(status.errorCode, status.errorMessage, m_engine);
        forget(m_gid);
        end(error);
        return;
    }
    case Status::Complete:
        forget(m_gid);
        end({});
        return;
    case Status::Active:
    case Status::Waiting:
        break;
    }

    if (!m_monitor)
        return;
    // A download taken up from an earlier attempt keeps the options it was added with: the row's limit
    // may have changed since.
    if (m_rateLimitSent < 0 && m_rateLimit > 0)
        sendRateLimit();
    follow(m_gid);   // a gid taken up in start() is followed from now on; watch() again is harmless
    if (!m_started && !m_fileName.isEmpty() && (m_total >= 0 || m_bytes > 0)) {
        m_started = true;
        TransferStart start;
        start.fileName = m_fileName;
        start.offset = m_bytes;
        start.bytesTotal = m_total;
        start.backendState = stateFor(m_engine, m_gid);
        emit started(start);
    }
    if (m_started && !m_ended) {
        constexpr int kSpeedSettles = 20;
        if (m_bytes != m_reportedBytes || m_total != m_reportedTotal) {
            m_unchangedReports = 0;
        } else if (m_unchangedReports >= kSpeedSettles) {
            return;
        } else {
            ++m_unchangedReports;
        }
        m_reportedBytes = m_bytes;
        m_reportedTotal = m_total;
        emit progress(m_bytes, m_total);
    }
}

void Transfer::stop()
{
    if (m_ended || m_stopping)
        return;
    m_stopping = true;
    if (!m_monitor) {
        // The engine went (replaced in Settings): nothing is left to ask, and no answer is coming.
        end(canceled());
        return;
    }
    if (m_adding)
        return;   // paused once the daemon has answered with the gid
    if (m_gid.isEmpty()) {
        // Not yet asked (start() only just ran): ends without a word to the daemon.
        end(canceled());
        return;
    }
    pauseThenEnd();
}

void Transfer::pauseThenEnd()
{
    // forcePause: the connection is dropped at once; what is on the daemon's disk stays for the resume.
    m_monitor->rpc()->call(Call{u"aria2.forcePause"_s, QJsonArray{m_gid}}, [self = QPointer(this)](const RpcReply &) {
        // Whatever the answer (already paused, finished meanwhile, no answer): the attempt ends; the next one
        // asks the daemon afresh.
        if (self)
            self->end(canceled());
    });
}

void Transfer::setRateLimit(qint64 bytesPerSecond)
{
    m_rateLimit = qMax<qint64>(0, bytesPerSecond);
    // Before the gid is known the limit goes with addUri, or follows its answer.
    if (!m_ended && !m_adding && !m_gid.isEmpty() && m_rateLimit != m_rateLimitSent)
        sendRateLimit();
}

void Transfer::sendRateLimit()
{
    if (!m_monitor || m_gid.isEmpty())
        return;
    m_rateLimitSent = m_rateLimit;
    // aria2 applies max-download-limit to a running download at once (and keeps it for a paused one).
    const QJsonObject options{{"max-download-limit"_L1, QString::number(m_rateLimit)}};
    m_monitor->rpc()->call(Call{u"aria2.changeOption"_s, QJsonArray{m_gid, options}}, [](const RpcReply &) {});
}

// The gid stays in the item's record: a next attempt asks for it, hears it is gone, and adds the link
// again continuing from the file.
void Transfer::forget(const QString &gid)
{
    if (gid.isEmpty())
        return;
    if (m_followed == gid)
        m_followed.clear();
    if (m_monitor) {
        m_monitor->unwatch(gid, this);
        // The daemon keeps a stopped download's result until asked to drop it; Quiver keeps its own.
        m_monitor->rpc()->call(Call{u"aria2.removeDownloadResult"_s, QJsonArray{gid}}, [](const RpcReply &) {});
    }
}

void Transfer::end(const TransferError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_monitor && !m_gid.isEmpty())
        m_monitor->unwatch(m_gid, this);
    m_followed.clear();
    TransferResult result;
    result.error = error;
    result.bytesOnDisk = m_bytes;
    result.bytesTotal = m_total;
    result.fileName = m_fileName;
    result.backendState = stateFor(m_engine, m_gid);
    emit finished(result);
}

} // namespace Quiver::Aria2
