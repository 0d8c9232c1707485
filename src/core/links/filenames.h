#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Quiver::FileNames {

// What a download writes to while it runs: the final name plus this suffix.
inline constexpr QLatin1StringView PartSuffix{".part"};

// The longest name sanitize() and numbered() return, in UTF-8 bytes. Linux allows 255 bytes per name and
// Windows 255 UTF-16 units (never more than the UTF-8 byte count); the final name must leave room for
// PartSuffix, or the .part file could not be created next to it.
inline constexpr qsizetype MaxNameBytes = 255 - 5;
static_assert(MaxNameBytes + PartSuffix.size() == 255);

// The name used when nothing better is left.
inline constexpr QLatin1StringView FallbackName{"download"};

// The last path segment of the URL the user gave, percent-decoded as UTF-8 (as ISO-8859-1 when the
// bytes are not valid UTF-8); query and fragment dropped. An encoded %2F or %5C (and a literal '\',
// which QUrl encodes as %5C) decodes to '_', so it never becomes a path separator. Empty when the path
// ends with '/' or is empty. The result is raw: sanitize() it.
QString fromUrl(const QUrl &url);

// Makes any string one safe file name on Linux and on Windows (a queue may move between machines):
// - keeps only what follows the last '/' or '\';
// - removes control characters (U+0000-U+001F, U+007F-U+009F), unpaired surrogates, and the invisible
//   bidi controls U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 (they disguise extensions);
// - replaces < > : " | ? * with '_';
// - strips leading dots and whitespace and trailing dots and whitespace (no hidden files; Windows drops
//   trailing dots and spaces by itself);
// - rejects "~" (returns empty); "." and ".." vanish with the dots;
// - prefixes '_' to Windows device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with superscript 1-3,
//   CONIN$, CONOUT$), in any case, with or without an extension ("nul.tar.gz");
// - cuts the name to MaxNameBytes of UTF-8 on a grapheme boundary, keeping a short extension.
// Returns empty when nothing usable is left. sanitize(sanitize(x)) == sanitize(x).
QString sanitize(const QString &name);

// The name to save under: sanitize(contentDispositionFileName(cd)) if non-empty, else
// sanitize(fromUrl(url)), else sanitize(url.host()), else FallbackName.
QString choose(const QByteArray &contentDisposition, const QUrl &url);

// "name.ext" -> "name (n).ext", "archive.tar.gz" -> "archive (n).tar.gz", "noext" -> "noext (n)"; the
// stem is cut so that the result stays within MaxNameBytes. An empty name counts as FallbackName;
// n < 1 returns the name unchanged.
QString numbered(const QString &name, int n);

// numbered() backwards: for "name (n).ext" returns n and sets *base to "name.ext"; returns 0 (and leaves
// *base alone) for a name without a number. n is 1 to INT_MAX, written without leading zeros. A name cut to
// fit MaxNameBytes gives the cut base: numbered(*base, n) == name holds whenever n > 0.
int numberIn(const QString &name, QString *base);

// Where the extension starts in name (the index of its dot), or name.size() when it has none. An
// extension is a short (<= 16 characters), space-free tail after the last dot, not at the start; a
// ".tar" before it belongs to it ("x.tar.gz" -> ".tar.gz").
qsizetype extensionStart(const QString &name);

} // namespace Quiver::FileNames
