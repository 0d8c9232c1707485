#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Quiver::Aria2 {

// An aria2 secret token lives in a file only its owner can read (0600), never on a command line (where
// every user sees it in ps) nor in the queue file. The token is the file's first line.
//
// Nothing, with error set to a sentence, when the file cannot be read, is readable or writable by group or
// others, is not a regular file, or holds no token. The sentence never contains the token.
std::optional<QByteArray> readSecretFile(const QString &path, QString *error);

// Writes token to path as a new file readable only by the user (0600), replacing one that was there.
bool writeSecretFile(const QString &path, const QByteArray &token, QString *error);

} // namespace Quiver::Aria2
