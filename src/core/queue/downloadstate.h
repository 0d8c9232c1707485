#pragma once

#include <QCoreApplication>
#include <QString>

namespace Quiver {

// What the engine is doing with a download right now. Only QueueModel::setState() changes it,
// and only along the edges isAllowedTransition() permits.
enum class DownloadState {
    Queued,       // waiting for a free slot
    Connecting,   // request sent, no response headers yet
    Downloading,  // body bytes are arriving
    Retrying,     // waiting for a backoff timer before going back to Queued
    Paused,       // stopped by the user; the .part stays
    Verifying,    // length is right; checksum/fsync/rename in progress
    Finished,
    Failed,
    Canceled,     // stopped by the user for good
};

// What the user wants, kept apart from what is happening: a paused item the user resumes goes back to
// Queued and waits for a slot like any other.
enum class Intent {
    Run,
    Pause,
};

bool isAllowedTransition(DownloadState from, DownloadState to);
bool isActive(DownloadState state);     // holds a slot: Connecting, Downloading, Verifying
bool isTerminal(DownloadState state);   // Finished, Failed, Canceled
QString stateName(DownloadState state); // translated, for display

} // namespace Quiver
