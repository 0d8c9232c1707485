#pragma once

// A scripted HTTP/1.1 server on 127.0.0.1 that misbehaves on command.
//
// It lives on the thread that creates it (normally the test's main thread) and is driven by that thread's event
// loop. QNetworkAccessManager does its HTTP work in its own thread, so a test that waits with QSignalSpy::wait()
// or QTRY_* keeps this server serving. A test must never block its event loop while a client talks to the server
// (for a QProcess client use QSignalSpy on finished(), not QProcess::waitForFinished()).

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>
#include <utility>

class QHostAddress;
class QTcpServer;

namespace Quiver::Test {

class FaultConnection;
struct ResponsePlan;

struct RecordedRequest {
    QByteArray method{};
    QByteArray path{};                        // the request target as sent, query included
    QByteArray version{};                     // "HTTP/1.1"
    QHash<QByteArray, QByteArray> headers{};  // lower-case names; repeated headers joined with ", "
    QByteArray body{};                        // only when the request carried Content-Length
    int connectionId = 0;                     // 1, 2, ... in accept order; equal ids mean a reused connection
    int index = 0;                            // position in FaultServer::requests()

    // Case-insensitive lookup; empty when absent.
    QByteArray header(QByteArrayView name) const { return headers.value(name.toByteArray().toLower()); }
};

enum class Fault {
    None,
    ResetAfter,          // send headers + faultAfter body bytes, make sure they left the kernel, then RST
    CloseAfter,          // send headers + faultAfter body bytes, then FIN, whatever Content-Length promised
    StallAfter,          // send headers + faultAfter body bytes, then go silent with the socket left open
    NoAnswer,            // read the request, never send a byte, keep the socket open
    HoldAfter,           // send headers + faultAfter body bytes, wait for FaultServer::release(), send the rest
    ResetBeforeResponse, // read the request, then RST without a byte (Qt may silently resend an idempotent GET)
    CloseBeforeResponse, // read the request, then FIN without a byte (Qt may silently resend an idempotent GET)
};

struct Reply {
    int status = 200;
    QByteArray reason{};                                // empty: the standard phrase for status
    QList<std::pair<QByteArray, QByteArray>> headers{}; // sent as given, after the generated ones; a generated
                                                        // header whose name appears here is not generated
    QByteArray body{};
    bool chunked = false;                               // Transfer-Encoding: chunked, body split in several chunks
    qint64 chunkSize = 0;                               // payload bytes per chunk; 0: about a third of the body,
                                                        // at most 8 KiB
    bool omitContentLength = false;                     // close-delimited body (the connection closes after it)
    std::optional<qint64> contentLengthOverride{};      // lie about the length (the connection closes after the
                                                        // body, so a longer lie ends as a premature close)
    Fault fault = Fault::None;
    qint64 faultAfter = 0;                              // body bytes (payload, not chunk framing) before the fault
    int throttleBytesPerTick = 0;                       // 0: as fast as the socket takes it
    int tickIntervalMs = 10;                            // the throttle timer's interval
    bool closeConnection = false;                       // send "Connection: close" and close after the response

    // A 206/416 computed from body and the request's Range/If-Range headers (GET and HEAD, status 200 only).
    // etag and lastModified are sent when set and are the validators If-Range is compared with.
    bool rangeFromBody = false;
    QByteArray etag{};                                  // sent verbatim, quotes included: "\"v1\"" or "W/\"v1\""
    QByteArray lastModified{};                          // an HTTP date, sent and compared verbatim

    QByteArray preamble{};                              // raw bytes before the status line (interim 1xx replies)
    std::optional<QByteArray> raw{};                    // the whole response verbatim instead of a generated one;
                                                        // faultAfter then counts raw bytes; closes afterwards
};

class FaultServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<Reply(const RecordedRequest &)>;

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen();                                  // 127.0.0.1, a free port chosen by the OS
    bool listen(const QHostAddress &loopback);      // QHostAddress::LocalHostIPv6 for ::1; url() follows it
    void close();                                   // stop listening and abort every connection
    quint16 port() const;
    QUrl url(const QString &path) const;            // http://127.0.0.1:PORT/path (http://[::1]:PORT/path); path
                                                    // may carry ?query and be
                                                    // percent-encoded already (parsed in QUrl::TolerantMode)

    // Routes. A route matches the request path without its query, raw or percent-decoded. Registering a path
    // again replaces its route. Unknown paths get 404.
    //
    // A static file with real Range semantics (see Reply::rangeFromBody). An empty etag or lastModified gets a
    // strong value derived from the content, so replacing the content changes the validators too.
    void serveFile(const QString &path, const QByteArray &content, const QByteArray &etag = {},
                   const QByteArray &lastModified = {});
    // The n-th request to path gets replies[n]; the last one repeats after that.
    void script(const QString &path, const QList<Reply> &replies);
    // Full control: handler runs once per request, on this thread, right before the response starts.
    void handle(const QString &path, Handler handler);

    // Builders.
    static Reply redirect(int status, const QByteArray &location);
    static Reply statusPage(int status, const QByteArray &htmlBody = {}); // a small HTML page when body is empty
    static Reply retryAfter(int status, const QByteArray &value);
    static Reply rangeReply(const QByteArray &body, const QByteArray &etag = {}, const QByteArray &lastModified = {});
    static QByteArray defaultEtag(const QByteArray &content);
    static QByteArray defaultLastModified(const QByteArray &content);

    // Observations.
    QList<RecordedRequest> requests() const;                     // every request received, in order
    QList<RecordedRequest> requestsFor(const QString &path) const; // matched like routes
    void clearRequests();
    int activeRequests() const;   // received, response not yet completely written and not cut off
    int peakActiveRequests() const;
    void resetPeak();             // peak := current activeRequests()
    int connectionCount() const;  // connections accepted since listen()
    int openConnections() const;
    int heldReplies() const;      // HoldAfter replies waiting for release()

    // HoldAfter gate. release() lets every held reply finish and leaves the gate open, so HoldAfter replies that
    // start later do not wait either, until rearmHold() closes it again.
    void release();
    void rearmHold();

    // Forget routes and recorded requests, reset the peak and re-arm the hold gate; open connections stay.
    void reset();

Q_SIGNALS:
    // Emitted as soon as a request is parsed, before its route runs, so a slot may still change the route.
    void requestReceived(const Quiver::Test::RecordedRequest &request);

private:
    friend class FaultConnection;

    void onNewConnection();
    // Called by FaultConnection.
    void noteRequest(RecordedRequest &request);
    void noteFinished(int count);
    void noteHeld(FaultConnection *connection, bool held);
    void noteClosed(FaultConnection *connection);
    bool holdOpen() const { return m_holdOpen; }
    ResponsePlan planFor(const RecordedRequest &request);

    const Handler *findRoute(const QByteArray &target) const;
    static QString routeKey(const QString &path);

    QTcpServer *m_server = nullptr;
    QHash<QString, Handler> m_routes;
    QList<RecordedRequest> m_requests;
    QList<FaultConnection *> m_connections;
    QList<FaultConnection *> m_held;
    int m_nextConnectionId = 1;
    int m_active = 0;
    int m_peak = 0;
    bool m_holdOpen = false;
};

} // namespace Quiver::Test
