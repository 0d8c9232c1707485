#pragma once

// Internal to FaultServer: one accepted TCP connection, its request parser and its response streamer.

#include "faultserver.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Quiver::Test {

// A Reply turned into bytes: what FaultConnection sends, and how it misbehaves.
struct ResponsePlan {
    QByteArray head;            // preamble + status line + headers + blank line; empty for raw replies
    QByteArray source;          // shared with the route's body (no copy for ranges)
    qint64 offset = 0;          // payload = source[offset, offset + length)
    qint64 length = 0;
    bool chunked = false;
    qint64 chunkSize = 0;
    bool closeAfter = false;
    Fault fault = Fault::None;
    qint64 faultAfter = 0;
    int throttleBytesPerTick = 0;
    int tickIntervalMs = 10;
};

class FaultConnection final : public QObject
{
    Q_OBJECT

public:
    FaultConnection(QTcpSocket *socket, int id, FaultServer *server);

    int id() const { return m_id; }
    void resume();  // the hold gate opened
    void kill();    // the server is closing: abort without further bookkeeping

private:
    enum class State { Idle, Streaming, Held, Stalled, Draining, Closing, Dead };

    void onReadyRead();
    void onBytesWritten();
    void onThrottleTick();
    void parseRequests();
    bool parseHead(const QByteArray &head, RecordedRequest &request);
    void rejectRequest(const QByteArray &statusLine);
    void startNext();
    void pump();
    void sendPiece(qint64 maxBytes);
    void reachedLimit();
    void finishResponse();
    void drainThenReset();
    void resetSocket();
    void cleanup();
    qint64 limitFor(const ResponsePlan &plan) const;

    QTcpSocket *m_socket;
    FaultServer *m_server;
    int m_id;
    State m_state = State::Idle;

    // Parser state.
    QByteArray m_in;
    bool m_haveHead = false;
    bool m_inputClosed = false;   // a malformed request ends parsing for this connection
    QByteArray m_rejectLine;      // the error status sent once the answers before it are done
    qint64 m_bodyNeeded = 0;
    RecordedRequest m_parsing;
    QList<RecordedRequest> m_pending; // parsed, counted as active, not answered yet

    // Response state.
    bool m_busy = false;          // m_plan belongs to a request counted as active
    ResponsePlan m_plan;
    qint64 m_sent = 0;            // payload bytes handed to the socket
    qint64 m_limit = 0;           // payload bytes to send before the fault (or the end)
    bool m_released = false;      // a HoldAfter reply that may run to the end
    bool m_pumping = false;       // pump() is on the stack (flush() re-enters through bytesWritten)
    QTimer m_throttle;
    QTimer m_drainPoll;
    QDeadlineTimer m_drainDeadline;
};

} // namespace Quiver::Test
