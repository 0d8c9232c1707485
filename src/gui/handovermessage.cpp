#include "handovermessage.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QtEndian>

namespace Quiver {

namespace {
constexpr char kMagic[4] = {'Q', 'V', 'H', 'O'};
} // namespace

QByteArray HandOverMessage::encode(const QStringList &arguments)
{
    QByteArray payload;
    char number[4];
    for (const QString &argument : arguments) {
        const QByteArray utf8 = argument.toUtf8();
        qToBigEndian<quint32>(quint32(utf8.size()), number);
        payload.append(number, 4);
        payload.append(utf8);
    }
    QByteArray message(kMagic, sizeof kMagic);
    qToBigEndian<quint16>(kVersion, number);
    message.append(number, 2);
    qToBigEndian<quint32>(quint32(payload.size()), number);
    message.append(number, 4);
    message.append(payload);
    return message;
}

QStringList HandOverMessage::absoluteArguments(const QStringList &arguments, const QString &workingDirectory)
{
    const QDir folder(workingDirectory);
    QStringList result;
    result.reserve(arguments.size());
    for (const QString &argument : arguments) {
        // The desktop file's "quiver %U": a file manager's "Open with Quiver" passes a links file as a
        // file:// URL, which names the file (a link to download is never file:).
        if (argument.startsWith(u"file:", Qt::CaseInsensitive)) {
            const QUrl url(argument);
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) {
                result.append(QDir::cleanPath(url.toLocalFile()));
                continue;
            }
        }
        // A link never names a file here, but "http:" could be a folder name: links stay links.
        const bool link = argument.contains(u"://");
        const QFileInfo file(folder, argument);
        if (!link && !argument.isEmpty() && file.isFile())
            result.append(QDir::cleanPath(file.absoluteFilePath()));
        else
            result.append(argument);
    }
    return result;
}

HandOverReader::Status HandOverReader::feed(const QByteArray &bytes)
{
    if (m_status != Status::Incomplete)
        return m_status;
    m_buffer.append(bytes);
    if (m_payloadSize < 0) {
        // Each part of the header is checked as soon as it is in, so a stranger is dropped early.
        const qsizetype magic = qMin<qsizetype>(m_buffer.size(), sizeof kMagic);
        if (QByteArrayView(m_buffer).first(magic) != QByteArrayView(kMagic, magic))
            return m_status = Status::Invalid;
        if (m_buffer.size() < HandOverMessage::kHeaderSize)
            return m_status;
        const auto version = qFromBigEndian<quint16>(m_buffer.constData() + 4);
        const auto size = qFromBigEndian<quint32>(m_buffer.constData() + 6);
        if (version != HandOverMessage::kVersion || size > HandOverMessage::kMaxPayload)
            return m_status = Status::Invalid;
        m_payloadSize = size;
        m_buffer.remove(0, HandOverMessage::kHeaderSize);
    }
    if (m_buffer.size() > m_payloadSize)
        return m_status = Status::Invalid;   // one message per connection: more is not ours
    if (m_buffer.size() < m_payloadSize)
        return m_status;
    return m_status = parsePayload();
}

HandOverReader::Status HandOverReader::parsePayload()
{
    // Lengths are checked against what is there before anything is taken, so no length can make the
    // reader allocate more than the payload it already holds.
    QStringList arguments;
    qsizetype at = 0;
    while (at < m_buffer.size()) {
        if (m_buffer.size() - at < 4)
            return Status::Invalid;
        const auto length = qFromBigEndian<quint32>(m_buffer.constData() + at);
        at += 4;
        if (length > quint64(m_buffer.size() - at))
            return Status::Invalid;
        const QByteArrayView utf8(m_buffer.constData() + at, qsizetype(length));
        if (!utf8.isValidUtf8())
            return Status::Invalid;
        arguments.append(QString::fromUtf8(utf8));
        at += qsizetype(length);
    }
    m_arguments = std::move(arguments);
    m_buffer.clear();
    return Status::Complete;
}

} // namespace Quiver
