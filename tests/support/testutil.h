#pragma once

// Small header-only helpers shared by the tests.

#include "http/responsejudge.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace Quiver::Test {

// The Range header of an attempt that continues a .part holding resumePoint bytes: it asks from a little
// before the end, to compare the overlap (ResponseJudge::rangeStartFor).
inline QByteArray resumeRange(qint64 resumePoint)
{
    return "bytes=" + QByteArray::number(ResponseJudge::rangeStartFor(resumePoint)) + '-';
}


// Deterministic pseudo-random bytes: the same (n, seed) gives the same bytes on every platform and Qt version,
// which QRandomGenerator does not promise. xorshift32 is plenty for test payloads and fast for tens of MiB.
inline QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray data(n, Qt::Uninitialized);
    quint32 state = seed != 0 ? seed : 0x9E3779B9u; // xorshift is stuck at zero
    char *out = data.data();
    for (qsizetype i = 0; i < n; i += 4) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        for (qsizetype k = 0; k < 4 && i + k < n; ++k)
            out[i + k] = char((state >> (8 * k)) & 0xffu);
    }
    return data;
}

// SHA-256 as lower-case hex, so QCOMPARE failures print readably.
inline QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Streams the file; an empty result means it could not be read.
inline QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result().toHex();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Creates missing parent folders. Returns path, or an empty string on failure.
inline QString writeFile(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    if (file.write(data) != data.size())
        return {};
    file.close();
    return file.error() == QFileDevice::NoError ? path : QString();
}

// Writes n deterministic bytes (see randomBytes) to path and returns their SHA-256 hex, or empty on failure.
inline QByteArray writeRandomFile(const QString &path, qsizetype n, quint32 seed)
{
    const QByteArray data = randomBytes(n, seed);
    return writeFile(path, data).isEmpty() ? QByteArray() : sha256(data);
}

} // namespace Quiver::Test
