#include "faultconnection.h"

#include <QTcpSocket>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#else
#  include <sys/ioctl.h>
#  include <sys/socket.h>
#  ifdef Q_OS_LINUX
#    include <linux/sockios.h>
#  endif
#endif

using namespace Qt::StringLiterals;

namespace Quiver::Test {

namespace {

// The body is handed to Qt in pieces and only while Qt's write buffer is below the high-water mark, so a
// 100 MiB body never sits in memory twice and the event loop stays responsive between pieces.
constexpr qint64 kPieceSize = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;
constexpr qint64 kPumpBudget = 16 * 1024 * 1024;
constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qint64 kMaxRequestBody = 16 * 1024 * 1024;
// A client that never reads would keep the kernel queue full for ever; reset anyway after this long.
constexpr int kDrainTimeoutMs = 5000;

// Bytes the kernel has not transmitted yet. A RST with SO_LINGER 0 throws them away, so a ResetAfter reply waits
// for zero here first: then the client really receives exactly faultAfter bytes before the reset.
qint64 kernelUnsentBytes(qintptr descriptor)
{
#if defined(Q_OS_LINUX) && defined(SIOCOUTQNSD)
    int unsent = 0;
    if (::ioctl(int(descriptor), SIOCOUTQNSD, &unsent) == 0)
        return unsent;
#else
    Q_UNUSED(descriptor);
#endif
    return 0;
}

// close() on a socket with SO_LINGER {on, 0} sends RST instead of FIN: that is the only portable way to make the
// peer see "connection reset" (QAbstractSocket has no linger option, and abort() alone still sends FIN).
void setLingerZero(qintptr descriptor)
{
    linger value{};
    value.l_onoff = 1;
    value.l_linger = 0;
#ifdef Q_OS_WIN
    ::setsockopt(SOCKET(descriptor), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&value), sizeof value);
#else
    ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &value, sizeof value);
#endif
}

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (c <= ' ' || c >= 127 || c == ':')
            return false;
    }
    return true;
}

} // namespace

FaultConnection::FaultConnection(QTcpSocket *socket, int id, FaultServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_id(id)
{
    m_socket->setParent(this);
    // Small writes (chunk framing, throttled pieces) must leave at once, not after a delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // A roomy kernel buffer lets one pump() move megabytes, which matters while a test waits with QTRY_* (the
    // event loop then runs only every 10 ms). The kernel caps it at net.core.wmem_max; memory stays bounded.
    m_socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 4 * 1024 * 1024);
    m_throttle.setTimerType(Qt::PreciseTimer);
    m_drainPoll.setSingleShot(true);

    connect(m_socket, &QTcpSocket::readyRead, this, &FaultConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FaultConnection::onBytesWritten);
    // stateChanged covers every way a socket ends: peer FIN, peer RST, write errors and our own close/abort.
    connect(m_socket, &QTcpSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            cleanup();
    });
    connect(&m_throttle, &QTimer::timeout, this, &FaultConnection::onThrottleTick);
    connect(&m_drainPoll, &QTimer::timeout, this, &FaultConnection::drainThenReset);

    // Data may have arrived before the connections above existed.
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &FaultConnection::onReadyRead);
}

void FaultConnection::onReadyRead()
{
    if (m_state == State::Dead)
        return;
    const QByteArray data = m_socket->readAll();
    if (m_inputClosed || m_state == State::Closing)
        return; // the connection is ending; nothing more will be answered
    m_in += data;
    parseRequests();
    startNext();
}

void FaultConnection::parseRequests()
{
    while (!m_inputClosed && m_state != State::Dead) {
        if (!m_haveHead) {
            // RFC 9112 §2.2: a server should ignore empty lines before a request line.
            while (m_in.startsWith("\r\n"))
                m_in.remove(0, 2);
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_in.size() > kMaxHead)
                    rejectRequest("431 Request Header Fields Too Large"_ba);
                return;
            }
            const QByteArray head = m_in.left(end);
            m_in.remove(0, end + 4);
            m_parsing = RecordedRequest{};
            if (!parseHead(head, m_parsing)) {
                rejectRequest("400 Bad Request"_ba);
                return;
            }
            if (!m_parsing.header("transfer-encoding").isEmpty()) {
                // No test client uploads chunked bodies; refusing is simpler than parsing them.
                rejectRequest("501 Not Implemented"_ba);
                return;
            }
            m_haveHead = true;
        }
        if (m_in.size() < m_bodyNeeded)
            return;
        m_parsing.body = m_in.left(m_bodyNeeded);
        m_in.remove(0, m_bodyNeeded);
        m_haveHead = false;
        m_parsing.connectionId = m_id;
        // Pending before noteRequest(): a slot on requestReceived may close the server, and kill() must then
        // account for this request too.
        m_pending.append(m_parsing);
        m_server->noteRequest(m_pending.last());
    }
}

bool FaultConnection::parseHead(const QByteArray &head, RecordedRequest &request)
{
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.first();
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/"))
        return false;
    request.method = parts[0];
    request.path = parts[1];
    request.version = parts[2];

    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false; // also rejects obsolete line folding (RFC 9112 §5.2 allows a 400)
        const QByteArray name = line.left(colon).toLower();
        if (!isToken(name))
            return false;
        const QByteArray value = line.mid(colon + 1).trimmed();
        const auto existing = request.headers.find(name);
        if (existing == request.headers.end())
            request.headers.insert(name, value);
        else
            existing.value() += ", "_ba + value;
    }

    m_bodyNeeded = 0;
    const QByteArray length = request.header("content-length");
    if (!length.isEmpty()) {
        bool ok = false;
        m_bodyNeeded = length.toLongLong(&ok);
        if (!ok || m_bodyNeeded < 0 || m_bodyNeeded > kMaxRequestBody)
            return false;
    }
    return true;
}

void FaultConnection::rejectRequest(const QByteArray &statusLine)
{
    m_inputClosed = true;
    m_in.clear();
    m_rejectLine = statusLine;
}

void FaultConnection::startNext()
{
    if (m_busy || m_state != State::Idle)
        return;
    if (m_pending.isEmpty()) {
        if (!m_rejectLine.isEmpty()) {
            m_socket->write("HTTP/1.1 "_ba + m_rejectLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"_ba);
            m_state = State::Closing;
            m_socket->disconnectFromHost();
        }
        return;
    }

    const RecordedRequest request = m_pending.takeFirst();
    m_busy = true;
    m_plan = m_server->planFor(request); // runs the route handler, which may close the server
    if (m_state == State::Dead)
        return;
    m_sent = 0;
    m_released = false;
    m_limit = limitFor(m_plan);

    switch (m_plan.fault) {
    case Fault::NoAnswer:
        m_state = State::Stalled;
        return;
    case Fault::ResetBeforeResponse:
        resetSocket();
        return;
    case Fault::CloseBeforeResponse:
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    default:
        break;
    }

    m_state = State::Streaming;
    if (!m_plan.head.isEmpty())
        m_socket->write(m_plan.head);
    if (m_plan.throttleBytesPerTick > 0)
        m_throttle.start(m_plan.tickIntervalMs);
    pump();
}

qint64 FaultConnection::limitFor(const ResponsePlan &plan) const
{
    switch (plan.fault) {
    case Fault::ResetAfter:
    case Fault::CloseAfter:
    case Fault::StallAfter:
    case Fault::HoldAfter:
        return qBound(qint64(0), plan.faultAfter, plan.length);
    default:
        return plan.length;
    }
}

void FaultConnection::onBytesWritten()
{
    if (m_state == State::Streaming)
        pump();
    else if (m_state == State::Draining)
        drainThenReset();
}

void FaultConnection::pump()
{
    if (m_state != State::Streaming)
        return;
    if (m_plan.throttleBytesPerTick > 0) {
        // The timer sends; this only notices a reply with nothing (left) to send.
        if (m_sent >= m_limit) {
            m_throttle.stop();
            reachedLimit();
        }
        return;
    }
    // flush() hands Qt's buffer to the kernel right away and re-enters through bytesWritten; the guard keeps that
    // from recursing. Filling the kernel buffer here, not only on the next write notification, keeps throughput
    // up while a test waits with QTRY_* (which runs the event loop only every 10 ms).
    if (m_pumping)
        return;
    m_pumping = true;
    qint64 budget = kPumpBudget; // so one huge body cannot monopolise the event loop
    while (m_sent < m_limit && budget > 0) {
        const qint64 before = m_sent;
        while (m_sent < m_limit && m_socket->bytesToWrite() < kHighWater)
            sendPiece(kPieceSize);
        budget -= m_sent - before;
        m_socket->flush();
        if (m_state != State::Streaming) { // the flush found the peer gone
            m_pumping = false;
            return;
        }
        if (m_socket->bytesToWrite() >= kHighWater)
            break; // the kernel is full: bytesWritten resumes us
    }
    m_pumping = false;
    if (m_sent >= m_limit)
        reachedLimit();
    else if (budget <= 0 && m_socket->bytesToWrite() < kHighWater)
        QTimer::singleShot(0, this, &FaultConnection::pump); // no bytesWritten is coming: continue next round
}

void FaultConnection::onThrottleTick()
{
    if (m_state != State::Streaming) {
        m_throttle.stop();
        return;
    }
    if (m_socket->bytesToWrite() < kHighWater)
        sendPiece(m_plan.throttleBytesPerTick);
    if (m_sent >= m_limit) {
        m_throttle.stop();
        reachedLimit();
    }
}

void FaultConnection::sendPiece(qint64 maxBytes)
{
    qint64 count = qMin(maxBytes, m_limit - m_sent);
    if (m_plan.chunked)
        count = qMin(count, m_plan.chunkSize);
    if (count <= 0)
        return;
    const char *data = m_plan.source.constData() + m_plan.offset + m_sent;
    if (m_plan.chunked) {
        m_socket->write(QByteArray::number(count, 16) + "\r\n"_ba);
        m_socket->write(data, count);
        m_socket->write("\r\n");
    } else {
        m_socket->write(data, count);
    }
    m_sent += count;
}

void FaultConnection::reachedLimit()
{
    switch (m_plan.fault) {
    case Fault::HoldAfter:
        if (!m_released && !m_server->holdOpen()) {
            m_state = State::Held;
            m_server->noteHeld(this, true);
            return;
        }
        m_released = true;
        if (m_sent < m_plan.length) {
            m_limit = m_plan.length;
            pump();
            return;
        }
        finishResponse();
        return;
    case Fault::StallAfter:
        m_state = State::Stalled;
        return;
    case Fault::CloseAfter:
        // disconnectFromHost() flushes what Qt still buffers, then sends FIN.
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    case Fault::ResetAfter:
        m_state = State::Draining;
        m_drainDeadline = QDeadlineTimer(kDrainTimeoutMs);
        drainThenReset();
        return;
    default:
        finishResponse();
        return;
    }
}

void FaultConnection::resume()
{
    if (m_state != State::Held)
        return;
    m_released = true;
    m_state = State::Streaming;
    m_server->noteHeld(this, false);
    m_limit = m_plan.length;
    if (m_plan.throttleBytesPerTick > 0)
        m_throttle.start(m_plan.tickIntervalMs);
    pump();
}

void FaultConnection::finishResponse()
{
    if (m_plan.chunked)
        m_socket->write("0\r\n\r\n");
    m_busy = false;
    m_server->noteFinished(1);
    if (m_plan.closeAfter) {
        m_inputClosed = true;
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Idle;
    startNext(); // a pipelined request may be waiting
}

void FaultConnection::drainThenReset()
{
    if (m_state != State::Draining)
        return;
    const bool drained = m_socket->bytesToWrite() == 0 && kernelUnsentBytes(m_socket->socketDescriptor()) == 0;
    if (drained || m_drainDeadline.hasExpired()) {
        resetSocket();
        return;
    }
    // Qt's buffer reports progress through bytesWritten, the kernel queue does not: poll that one quickly. The
    // slower poll while Qt still buffers only makes the deadline count for a client that stopped reading.
    if (!m_drainPoll.isActive())
        m_drainPoll.start(m_socket->bytesToWrite() == 0 ? 1 : 50);
}

void FaultConnection::resetSocket()
{
    if (m_state == State::Dead)
        return;
    m_throttle.stop();
    m_drainPoll.stop();
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor != -1)
        setLingerZero(descriptor);
    m_socket->abort();
    cleanup();
}

void FaultConnection::kill()
{
    if (m_state == State::Dead)
        return;
    m_socket->abort();
    cleanup();
}

void FaultConnection::cleanup()
{
    if (m_state == State::Dead)
        return;
    m_state = State::Dead;
    m_throttle.stop();
    m_drainPoll.stop();
    const int unfinished = (m_busy ? 1 : 0) + int(m_pending.size());
    m_busy = false;
    m_pending.clear();
    if (unfinished > 0)
        m_server->noteFinished(unfinished);
    m_server->noteHeld(this, false);
    m_server->noteClosed(this);
    deleteLater();
}

} // namespace Quiver::Test
