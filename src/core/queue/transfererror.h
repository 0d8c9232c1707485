#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace Quiver {

// Why an attempt ended without a file. Classified once, here, so the retry policy and the views agree.
enum class ErrorKind {
    None,
    Network,        // refused, reset, DNS, closed early: try again
    Timeout,        // our connect or stall timer fired
    HttpStatus,     // the server answered with an error status
    Tls,            // certificate or handshake problem
    Redirect,       // loop, too many, insecure or to a refused scheme
    Protocol,       // a reply we cannot trust (bad Content-Range, more bytes than announced, ...)
    LocalFile,      // disk full, permission denied, folder missing
    Checksum,       // the finished file does not match the checksum the user gave
    OtherFile,      // a changed link serves another file than the .part holds: start over at once
    PartFound,      // a .part of this link from an earlier run was found under the name: continue it at once
    Canceled,       // the user stopped it
    Engine,         // a remote engine refused: its token, an option, a call
    EngineUnreachable, // a remote engine did not answer (its daemon down, the address wrong): try again
};

enum class ErrorClass {
    Retryable,      // back off and try again
    NeedsUser,      // no point retrying until the user changes something
    Permanent,      // retrying will not help
};

struct TransferError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    QString message;                                  // translated sentence for the row and the log
    std::optional<std::chrono::seconds> retryAfter;   // from a 429/503 Retry-After header
    bool restartFromZero = false;                     // the .part cannot be continued

    bool isError() const { return kind != ErrorKind::None; }
};

ErrorClass classify(const TransferError &error);
bool isRetryableHttpStatus(int status);

// "Server answered 404 Not Found: the file is not there. Check the link."
QString httpStatusMessage(int status, const QByteArray &reasonPhrase);

} // namespace Quiver
