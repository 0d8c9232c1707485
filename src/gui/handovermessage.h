#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Quiver {

// What a second `quiver [URL|FILE...]` sends the running window over the local socket, and how the window
// reads it back. Pure: no socket, no widget, so every byte of it is tested on its own.
//
// A message is a header, then a payload:
//   "QVHO"            4 bytes, so a stray program talking to the socket is told apart at once
//   version           quint16, big-endian; a reader refuses a version it does not know
//   payload size      quint32, big-endian, at most kMaxPayload
//   payload           the arguments (files made absolute), each as quint32 big-endian byte count + UTF-8
// The window answers kAcknowledgement once it has taken the arguments, so the second launch may exit 0.
class HandOverMessage final
{
public:
    static constexpr quint16 kVersion = 1;
    // A browser handing over a page's links is some thousands of them; a megabyte-sized message is a
    // mistake or an attack, and the reader stops before buffering it.
    static constexpr quint32 kMaxPayload = 4 * 1024 * 1024;
    static constexpr qsizetype kHeaderSize = 4 + 2 + 4;

    static QByteArray encode(const QStringList &arguments);
    static QByteArray acknowledgement() { return QByteArrayLiteral("QVHO-OK\n"); }

    // Arguments that name an existing file relative to workingDirectory, or as a file:// URL, become
    // absolute paths, since the window that reads them runs in another folder. Everything else (links, text, options' values) is
    // passed as it is.
    static QStringList absoluteArguments(const QStringList &arguments, const QString &workingDirectory);
};

// Reads one message from bytes as they arrive, in any pieces; refuses a wrong header, an unknown
// version or a payload over the limit as soon as the header says so.
class HandOverReader final
{
public:
    enum class Status {
        Incomplete,   // feed more
        Complete,     // arguments() holds the message
        Invalid,      // not a hand-over message this reader understands: drop the connection
    };

    Status feed(const QByteArray &bytes);
    Status status() const { return m_status; }
    QStringList arguments() const { return m_arguments; }

private:
    Status parsePayload();

    QByteArray m_buffer;
    qint64 m_payloadSize = -1;   // known once the header is in
    Status m_status = Status::Incomplete;
    QStringList m_arguments;
};

} // namespace Quiver
