#pragma once

#include <QString>

namespace Quiver {

class QueueModel;

// The numbers the status bar and the tray show, counted in one pass over the queue.
struct QueueSummary {
    int active = 0;      // connecting, downloading, verifying
    int queued = 0;      // waiting for a slot or a retry, or not started
    int retrying = 0;    // of those, waiting for a retry
    int finished = 0;
    int failed = 0;
    int total = 0;
    double speed = 0;    // bytes per second, all downloads
    qint64 received = 0; // over items whose size is known
    qint64 expected = 0;

    static QueueSummary of(const QueueModel &model);
    QString text() const;          // "2 active · 10,000 queued · 5 finished · 1 failed", in the user's locale
    QString progressText() const;  // "Downloading 2 of 18 · 45% · 3.2 MiB/s"
};

} // namespace Quiver
