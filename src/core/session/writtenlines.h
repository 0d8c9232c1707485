#pragma once

#include "queue/downloaditem.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <ctime>
#include <sys/types.h>

struct stat;

namespace Quiver {

// The session file SessionWriter wrote last, kept open, and where each row's line lies in it. The lines
// of rows that did not change since are copied from there into the next file instead of being kept in
// memory: with 100,000 rows, keeping them was 33 MB, a fifth of quiver-cli's peak.
//
// The descriptor is opened again on the file just committed and checked to be that very file (device
// and inode of the temporary file that was renamed into place), so a line is only ever copied from
// bytes this writer put there itself. Should another program change the file in place meanwhile (its
// size or time of change moves), nothing is copied from it any more.
class WrittenLines final
{
    Q_DISABLE_COPY_MOVE(WrittenLines)

public:
    struct Span {
        qint64 offset = 0;
        qint64 size = 0;
    };

    WrittenLines() = default;
    ~WrittenLines();

    // The file at path was just committed from the file described by written; order and spans (parallel)
    // say where each row's line is in it. When it cannot be opened again as that file, there is none.
    void adopt(const QString &path, const struct stat &written, QList<DownloadId> order, QList<Span> spans);
    void clear();

    // Called as a write begins: false (and every line forgotten) when the file is no longer as written.
    bool checkIntact();

    // The line of row id, which is at position in the order being written (the same position in the
    // file when the order did not change, the common case). Null when the file has no line for it or
    // it could not be read back whole; valid until the next call.
    QByteArrayView line(qsizetype position, DownloadId id);

    bool isEmpty() const { return m_fd < 0; }

private:
    qsizetype positionOf(qsizetype hint, DownloadId id);
    QByteArrayView read(const Span &span);

    int m_fd = -1;
    dev_t m_device = 0;
    ino_t m_inode = 0;
    off_t m_size = 0;
    timespec m_changed{};
    QList<DownloadId> m_order;
    QList<Span> m_spans;
    // Position of each id in m_order, made on the first id not found at its position (rows came or went
    // in the middle); a queue that only grows at its end never needs it.
    QHash<DownloadId, qsizetype> m_positions;
    QByteArray m_window;   // a stretch of the file read ahead: unchanged rows are read in file order
    qint64 m_windowStart = 0;
};

} // namespace Quiver
