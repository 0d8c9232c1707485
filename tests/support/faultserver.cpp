#include "faultserver.h"

#include "faultconnection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace Quiver::Test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue"_ba;
    case 103: return "Early Hints"_ba;
    case 200: return "OK"_ba;
    case 201: return "Created"_ba;
    case 204: return "No Content"_ba;
    case 206: return "Partial Content"_ba;
    case 301: return "Moved Permanently"_ba;
    case 302: return "Found"_ba;
    case 303: return "See Other"_ba;
    case 304: return "Not Modified"_ba;
    case 307: return "Temporary Redirect"_ba;
    case 308: return "Permanent Redirect"_ba;
    case 400: return "Bad Request"_ba;
    case 401: return "Unauthorized"_ba;
    case 403: return "Forbidden"_ba;
    case 404: return "Not Found"_ba;
    case 405: return "Method Not Allowed"_ba;
    case 408: return "Request Timeout"_ba;
    case 410: return "Gone"_ba;
    case 416: return "Range Not Satisfiable"_ba;
    case 429: return "Too Many Requests"_ba;
    case 500: return "Internal Server Error"_ba;
    case 501: return "Not Implemented"_ba;
    case 502: return "Bad Gateway"_ba;
    case 503: return "Service Unavailable"_ba;
    case 504: return "Gateway Timeout"_ba;
    default: return "Unknown"_ba;
    }
}

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

bool hasHeader(const HeaderList &headers, const QByteArray &lowerName)
{
    for (const auto &header : headers) {
        if (header.first.toLower() == lowerName)
            return true;
    }
    return false;
}

// Digits only: no sign, no spaces, no overflow. Anything else makes the Range header invalid.
std::optional<qint64> parseDigits(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}

struct RangeResult {
    enum Kind { Ignore, Unsatisfiable, Satisfiable } kind = Ignore;
    qint64 first = 0;
    qint64 last = 0;
};

// RFC 9110 §14.1.2 and §14.2. A multi-range request gets the whole body: a server may ignore Range, and the
// engine never asks for several ranges, so multipart/byteranges would only add code here.
RangeResult evaluateRange(const QByteArray &header, qint64 total)
{
    const QByteArray spec = header.trimmed();
    if (!spec.toLower().startsWith("bytes="))
        return {};
    const QByteArray set = spec.mid(6).trimmed();
    const qsizetype dash = set.indexOf('-');
    if (dash < 0 || set.contains(','))
        return {};
    const QByteArray firstText = set.left(dash).trimmed();
    const QByteArray lastText = set.mid(dash + 1).trimmed();

    if (firstText.isEmpty()) { // suffix range: the last N bytes
        const auto suffix = parseDigits(lastText);
        if (!suffix)
            return {};
        if (*suffix == 0 || total == 0)
            return {RangeResult::Unsatisfiable};
        return {RangeResult::Satisfiable, qMax(qint64(0), total - *suffix), total - 1};
    }
    const auto first = parseDigits(firstText);
    if (!first)
        return {};
    qint64 last = total - 1;
    if (!lastText.isEmpty()) {
        const auto parsed = parseDigits(lastText);
        if (!parsed || *parsed < *first)
            return {};
        last = qMin(*parsed, total - 1);
    }
    if (*first >= total)
        return {RangeResult::Unsatisfiable};
    return {RangeResult::Satisfiable, *first, last};
}

// RFC 9110 §13.1.5: If-Range needs a strong comparison, so a weak ETag never matches.
bool ifRangeAllows(const QByteArray &ifRange, const Reply &reply)
{
    if (ifRange.isEmpty())
        return true;
    if (ifRange.startsWith('"') || ifRange.startsWith("W/"))
        return !reply.etag.isEmpty() && !reply.etag.startsWith("W/") && ifRange == reply.etag;
    return !reply.lastModified.isEmpty() && ifRange == reply.lastModified;
}

bool wantsClose(const RecordedRequest &request)
{
    if (request.version == "HTTP/1.0")
        return true;
    const QList<QByteArray> tokens = request.header("connection").toLower().split(',');
    for (const QByteArray &token : tokens) {
        if (token.trimmed() == "close")
            return true;
    }
    return false;
}

ResponsePlan buildPlan(const RecordedRequest &request, const Reply &reply)
{
    ResponsePlan plan;
    plan.fault = reply.fault;
    plan.faultAfter = reply.faultAfter;
    plan.throttleBytesPerTick = qMax(0, reply.throttleBytesPerTick);
    plan.tickIntervalMs = qMax(1, reply.tickIntervalMs);

    if (reply.raw) {
        plan.source = *reply.raw;
        plan.length = plan.source.size();
        plan.closeAfter = true; // the server cannot know where a verbatim response ends
        return plan;
    }

    int status = reply.status;
    HeaderList generated;
    qint64 offset = 0;
    qint64 length = reply.body.size();
    const bool isHead = request.method == "HEAD";

    if (reply.rangeFromBody && status == 200 && (isHead || request.method == "GET")) {
        generated.append({"Accept-Ranges"_ba, "bytes"_ba});
        const QByteArray range = request.header("range");
        const qint64 total = reply.body.size();
        if (!range.isEmpty() && ifRangeAllows(request.header("if-range"), reply)) {
            const RangeResult result = evaluateRange(range, total);
            if (result.kind == RangeResult::Unsatisfiable) {
                status = 416;
                length = 0;
                generated.append({"Content-Range"_ba, "bytes */"_ba + QByteArray::number(total)});
            } else if (result.kind == RangeResult::Satisfiable) {
                status = 206;
                offset = result.first;
                length = result.last - result.first + 1;
                generated.append({"Content-Range"_ba, "bytes "_ba + QByteArray::number(result.first) + '-'
                                      + QByteArray::number(result.last) + '/' + QByteArray::number(total)});
            }
        }
    }
    if (!reply.etag.isEmpty())
        generated.append({"ETag"_ba, reply.etag});
    if (!reply.lastModified.isEmpty())
        generated.append({"Last-Modified"_ba, reply.lastModified});

    // RFC 9110 §6.4.1: these never carry content.
    const bool bodyless = status / 100 == 1 || status == 204 || status == 304;
    if (bodyless)
        length = 0;
    plan.chunked = reply.chunked && !bodyless;
    if (reply.contentLengthOverride)
        generated.append({"Content-Length"_ba, QByteArray::number(*reply.contentLengthOverride)});
    else if (!plan.chunked && !reply.omitContentLength && !bodyless)
        generated.append({"Content-Length"_ba, QByteArray::number(length)});
    if (plan.chunked)
        generated.append({"Transfer-Encoding"_ba, "chunked"_ba});

    // Whenever the framing may be a lie the connection cannot be reused: the next response would be misparsed.
    const bool userFraming = hasHeader(reply.headers, "content-length"_ba)
                             || hasHeader(reply.headers, "transfer-encoding"_ba);
    plan.closeAfter = reply.closeConnection || userFraming || reply.contentLengthOverride.has_value()
                      || (reply.omitContentLength && !plan.chunked && !bodyless) || wantsClose(request);
    if (plan.closeAfter)
        generated.append({"Connection"_ba, "close"_ba});

    QByteArray head = reply.preamble;
    head += "HTTP/1.1 "_ba + QByteArray::number(status) + ' '
            + (reply.reason.isEmpty() ? reasonPhrase(status) : reply.reason) + "\r\n"_ba;
    for (const auto &[name, value] : std::as_const(generated)) {
        if (!hasHeader(reply.headers, name.toLower()))
            head += name + ": "_ba + value + "\r\n"_ba;
    }
    for (const auto &[name, value] : reply.headers)
        head += name + ": "_ba + value + "\r\n"_ba;
    head += "\r\n";

    plan.head = head;
    if (isHead) {
        length = 0;
        plan.chunked = false; // no body, so no terminating chunk either
    }
    plan.source = reply.body;
    plan.offset = offset;
    plan.length = length;
    plan.chunkSize = reply.chunkSize > 0 ? reply.chunkSize : qBound(qint64(1), (length + 2) / 3, qint64(8192));
    return plan;
}

// The path part of a request target, for routing: origin-form "/p?q" or absolute-form "http://h/p?q".
QByteArray targetPath(const QByteArray &target)
{
    QByteArray path = target;
    if (!path.startsWith('/')) {
        const QUrl url(QString::fromLatin1(target));
        path = url.path(QUrl::FullyEncoded).toLatin1();
    }
    const qsizetype end = path.indexOf('?');
    if (end >= 0)
        path.truncate(end);
    const qsizetype fragment = path.indexOf('#');
    if (fragment >= 0)
        path.truncate(fragment);
    return path;
}

bool targetMatches(const QString &key, const QByteArray &target)
{
    const QByteArray path = targetPath(target);
    return key == QString::fromLatin1(path) || key == QString::fromUtf8(QByteArray::fromPercentEncoding(path));
}

} // namespace

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer()
{
    close();
}

bool FaultServer::listen()
{
    return listen(QHostAddress(QHostAddress::LocalHost));
}

bool FaultServer::listen(const QHostAddress &loopback)
{
    if (m_server->isListening())
        return true;
    // Tests talk to loopback only.
    if (!loopback.isLoopback())
        return false;
    m_peak = m_active;
    m_nextConnectionId = 1;
    return m_server->listen(loopback, 0);
}

void FaultServer::close()
{
    m_server->close();
    const QList<FaultConnection *> connections = m_connections;
    for (FaultConnection *connection : connections)
        connection->kill();
}

quint16 FaultServer::port() const
{
    return m_server->serverPort();
}

QUrl FaultServer::url(const QString &path) const
{
    const QString normalized = path.startsWith(u'/') ? path : u'/' + path;
    const QHostAddress address = m_server->serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                                             : u"127.0.0.1"_s;
    return QUrl(u"http://"_s + host + u':' + QString::number(port()) + normalized, QUrl::TolerantMode);
}

QString FaultServer::routeKey(const QString &path)
{
    QString key = path.startsWith(u'/') ? path : u'/' + path;
    const qsizetype end = key.indexOf(u'?');
    if (end >= 0)
        key.truncate(end);
    return key;
}

void FaultServer::serveFile(const QString &path, const QByteArray &content, const QByteArray &etag,
                            const QByteArray &lastModified)
{
    const Reply reply = rangeReply(content, etag.isEmpty() ? defaultEtag(content) : etag,
                                   lastModified.isEmpty() ? defaultLastModified(content) : lastModified);
    handle(path, [reply](const RecordedRequest &) { return reply; });
}

void FaultServer::script(const QString &path, const QList<Reply> &replies)
{
    // Shared so the count survives copies of the handler (planFor() calls a copy).
    auto next = std::make_shared<qsizetype>(0);
    handle(path, [replies, next](const RecordedRequest &) {
        if (replies.isEmpty())
            return statusPage(404);
        const qsizetype index = qMin(*next, replies.size() - 1);
        ++*next;
        return replies.at(index);
    });
}

void FaultServer::handle(const QString &path, Handler handler)
{
    m_routes.insert(routeKey(path), std::move(handler));
}

Reply FaultServer::redirect(int status, const QByteArray &location)
{
    Reply reply = statusPage(status);
    reply.headers.append({"Location"_ba, location});
    return reply;
}

Reply FaultServer::statusPage(int status, const QByteArray &htmlBody)
{
    Reply reply;
    reply.status = status;
    const QByteArray title = QByteArray::number(status) + ' ' + reasonPhrase(status);
    reply.body = htmlBody.isEmpty() ? "<html><head><title>"_ba + title + "</title></head><body><h1>"_ba + title
                                          + "</h1></body></html>\n"_ba
                                    : htmlBody;
    reply.headers.append({"Content-Type"_ba, "text/html; charset=utf-8"_ba});
    return reply;
}

Reply FaultServer::retryAfter(int status, const QByteArray &value)
{
    Reply reply = statusPage(status);
    reply.headers.append({"Retry-After"_ba, value});
    return reply;
}

Reply FaultServer::rangeReply(const QByteArray &body, const QByteArray &etag, const QByteArray &lastModified)
{
    Reply reply;
    reply.body = body;
    reply.rangeFromBody = true;
    reply.etag = etag;
    reply.lastModified = lastModified;
    reply.headers.append({"Content-Type"_ba, "application/octet-stream"_ba});
    return reply;
}

QByteArray FaultServer::defaultEtag(const QByteArray &content)
{
    const QByteArray hash = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    return '"' + hash.toHex().left(16) + '"';
}

QByteArray FaultServer::defaultLastModified(const QByteArray &content)
{
    // Derived from the content so a replaced file gets a new date as well; within 2020-2022 so it is plausible.
    const QByteArray hash = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    const quint32 seconds = (quint32(quint8(hash[0])) << 24 | quint32(quint8(hash[1])) << 16
                             | quint32(quint8(hash[2])) << 8 | quint32(quint8(hash[3])))
                            % (3u * 365u * 24u * 3600u);
    const QDateTime base(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc());
    return QLocale::c().toString(base.addSecs(seconds), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

QList<RecordedRequest> FaultServer::requests() const
{
    return m_requests;
}

QList<RecordedRequest> FaultServer::requestsFor(const QString &path) const
{
    const QString key = routeKey(path);
    QList<RecordedRequest> result;
    for (const RecordedRequest &request : m_requests) {
        if (targetMatches(key, request.path))
            result.append(request);
    }
    return result;
}

void FaultServer::clearRequests()
{
    m_requests.clear();
}

int FaultServer::activeRequests() const
{
    return m_active;
}

int FaultServer::peakActiveRequests() const
{
    return m_peak;
}

void FaultServer::resetPeak()
{
    m_peak = m_active;
}

int FaultServer::connectionCount() const
{
    return m_nextConnectionId - 1;
}

int FaultServer::openConnections() const
{
    return int(m_connections.size());
}

int FaultServer::heldReplies() const
{
    return int(m_held.size());
}

void FaultServer::release()
{
    m_holdOpen = true;
    const QList<FaultConnection *> held = m_held;
    for (FaultConnection *connection : held)
        connection->resume();
}

void FaultServer::rearmHold()
{
    m_holdOpen = false;
}

void FaultServer::reset()
{
    m_routes.clear();
    m_requests.clear();
    m_peak = m_active;
    m_holdOpen = false;
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        m_connections.append(new FaultConnection(socket, m_nextConnectionId++, this));
}

void FaultServer::noteRequest(RecordedRequest &request)
{
    request.index = int(m_requests.size());
    m_requests.append(request);
    ++m_active;
    m_peak = qMax(m_peak, m_active);
    // A copy: a slot may clear the connection's queue that `request` lives in.
    const RecordedRequest copy = request;
    Q_EMIT requestReceived(copy);
}

void FaultServer::noteFinished(int count)
{
    m_active -= count;
    Q_ASSERT(m_active >= 0);
}

void FaultServer::noteHeld(FaultConnection *connection, bool held)
{
    if (held) {
        if (!m_held.contains(connection))
            m_held.append(connection);
    } else {
        m_held.removeAll(connection);
    }
}

void FaultServer::noteClosed(FaultConnection *connection)
{
    m_connections.removeAll(connection);
}

const FaultServer::Handler *FaultServer::findRoute(const QByteArray &target) const
{
    const QByteArray path = targetPath(target);
    auto it = m_routes.constFind(QString::fromLatin1(path));
    if (it == m_routes.constEnd())
        it = m_routes.constFind(QString::fromUtf8(QByteArray::fromPercentEncoding(path)));
    return it == m_routes.constEnd() ? nullptr : &it.value();
}

ResponsePlan FaultServer::planFor(const RecordedRequest &request)
{
    Reply reply;
    if (const Handler *route = findRoute(request.path)) {
        // Call a copy: the handler may register routes and so rehash the table that owns it.
        const Handler handler = *route;
        reply = handler(request);
    } else {
        reply = statusPage(404);
    }
    return buildPlan(request, reply);
}

} // namespace Quiver::Test
