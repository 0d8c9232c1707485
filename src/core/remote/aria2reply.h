#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Quiver::Aria2 {

// What one JSON-RPC call came back with. An aria2 daemon is a machine on the network: whatever it
// answers (a proxy's HTML page, a truncated body, numbers past 2^63, a result of the wrong shape) ends
// here as one of these, never as a crash or a guess.
struct RpcReply {
    enum class Outcome {
        Result,        // result holds the method's answer
        MethodError,   // aria2 refused the call: code and message are its own
        Unauthorized,  // the secret token was refused
        Unreachable,   // no answer: refused, timed out, TLS, a non-2xx without a JSON-RPC body
        Garbage,       // an answer that is not JSON-RPC as aria2 speaks it; message says what was wrong
    };
    Outcome outcome = Outcome::Garbage;
    QJsonValue result;
    int code = 0;          // aria2's error code (MethodError)
    QString message;       // aria2's text (MethodError) or what was wrong, in English, for the log

    bool ok() const { return outcome == Outcome::Result; }
};

// The body of a single call's answer.
RpcReply parseReply(const QByteArray &body);

// The body of a system.multicall answer holding `expected` answers. Each element is a one-item array
// (the result) or a fault object; a whole answer that is not like that makes every element that outcome.
QList<RpcReply> parseMulticall(const QByteArray &body, qsizetype expected);

// A byte count as aria2 sends it: a string of decimal digits (or, from a stranger, a JSON number). Nothing
// for anything else, negative values and values past what a file can hold (2^62).
std::optional<qint64> parseCount(const QJsonValue &value);

enum class Status { Active, Waiting, Paused, Error, Complete, Removed };

// One download as aria2.tellStatus describes it (with the keys statusKeys() asks for).
struct DownloadStatus {
    QString gid;
    Status status = Status::Waiting;
    qint64 totalLength = -1;    // -1 while aria2 does not know it (it says 0)
    qint64 completedLength = 0;
    qint64 downloadSpeed = 0;   // bytes per second
    int errorCode = 0;          // aria2's code for an error status
    QString errorMessage;       // aria2's English text
    QString path;               // the first file's path on the daemon; empty before the name is known
    QStringList uris;           // the first file's links, each once
};

QStringList statusKeys();
// statusKeys() without the files (path and links): enough to follow a download whose file is known.
QStringList progressKeys();

// Nothing, with problem set, when the value is not a status aria2 would send.
std::optional<DownloadStatus> parseStatus(const QJsonValue &value, QString *problem);

// A gid is 16 hex digits; anything else from the daemon is not used as one.
bool isGid(const QString &text);

} // namespace Quiver::Aria2
