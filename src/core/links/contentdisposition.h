#pragma once

#include <QByteArray>
#include <QString>

namespace Quiver {

// The file name a Content-Disposition header value proposes (RFC 6266; filename* per RFC 8187), or an
// empty QString when it proposes none. The result is RAW: it may contain '/', '\', "..", control
// characters; pass it through FileNames::sanitize() before it goes near the file system.
//
// Choices where the RFC leaves room or where browsers differ (the unit test pins each one):
// - The whole header is rejected (empty result) when it is not parseable: an unterminated quoted string,
//   text after a closing quote, a parameter without '=', a disposition type that is not a token, two
//   parameters with the same name (RFC 6266 4.1, compared case-insensitively), a ',' or '=' in an
//   unquoted value (joined header instances, RFC 2047 words), or any CR, LF, NUL or other control
//   character other than HTAB (CVE-2018-0494: header injection must never reach a name).
// - A missing disposition type ("filename=a.txt" or "; filename=a.txt") is tolerated like browsers do,
//   as long as the rest of the header parses.
// - "inline" proposes a name just like "attachment": a download manager saves either way.
// - A valid filename* wins over filename. A broken filename* (quoted, missing "'", bad %-escape,
//   characters outside attr-char, charset other than UTF-8 / ISO-8859-1, invalid UTF-8, empty) is
//   ignored and filename is used. RFC 2231 continuations (filename*0=...) are unknown parameters.
// - filename bytes are read as UTF-8 when they are valid UTF-8, else as ISO-8859-1 (servers send raw
//   UTF-8 in practice). RFC 2047 encoded words are not decoded.
// - %-escapes in filename are kept literally (tc2231 "foo-%41.html"), except when every '%' starts a
//   valid escape and the decoded bytes are valid UTF-8 containing non-ASCII: that is a server that
//   percent-encoded a non-ASCII name, and decoding it is what users expect.
// - An unquoted value runs to the next ';' with surrounding whitespace trimmed, so sloppy values with
//   inner spaces or raw non-ASCII bytes still work; a trailing ';' and empty parameters are accepted.
// Linear time in the input length; never crashes, whatever the bytes.
QString contentDispositionFileName(const QByteArray &headerValue);

} // namespace Quiver
