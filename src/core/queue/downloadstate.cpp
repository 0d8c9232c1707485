#include "queue/downloadstate.h"

namespace Quiver {

bool isAllowedTransition(DownloadState from, DownloadState to)
{
    using S = DownloadState;
    if (from == to)
        return false;
    switch (from) {
    case S::Queued:
        return to == S::Connecting || to == S::Paused || to == S::Canceled || to == S::Failed;
    case S::Connecting:
        // Failed/Retrying: the attempt failed before the body; Verifying: an empty body or a 416 "already complete".
        return to == S::Downloading || to == S::Retrying || to == S::Failed || to == S::Paused
            || to == S::Canceled || to == S::Verifying || to == S::Queued;
    case S::Downloading:
        return to == S::Verifying || to == S::Retrying || to == S::Failed || to == S::Paused
            || to == S::Canceled || to == S::Queued || to == S::Connecting;
    case S::Retrying:
        return to == S::Queued || to == S::Paused || to == S::Canceled || to == S::Failed;
    case S::Paused:
        return to == S::Queued || to == S::Canceled;
    case S::Verifying:
        return to == S::Finished || to == S::Failed || to == S::Retrying || to == S::Canceled;
    case S::Failed:
        return to == S::Queued || to == S::Canceled;   // the user's Retry
    case S::Canceled:
        return to == S::Queued;                         // the user's Retry
    case S::Finished:
        return false;
    }
    return false;
}

bool isActive(DownloadState state)
{
    return state == DownloadState::Connecting || state == DownloadState::Downloading
        || state == DownloadState::Verifying;
}

bool isTerminal(DownloadState state)
{
    return state == DownloadState::Finished || state == DownloadState::Failed
        || state == DownloadState::Canceled;
}

QString stateName(DownloadState state)
{
    const char *text = "";
    switch (state) {
    case DownloadState::Queued: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Queued"); break;
    case DownloadState::Connecting: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Connecting"); break;
    case DownloadState::Downloading: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Downloading"); break;
    case DownloadState::Retrying: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Retrying"); break;
    case DownloadState::Paused: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Paused"); break;
    case DownloadState::Verifying: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Verifying"); break;
    case DownloadState::Finished: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Finished"); break;
    case DownloadState::Failed: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Failed"); break;
    case DownloadState::Canceled: text = QT_TRANSLATE_NOOP("Quiver::DownloadState", "Canceled"); break;
    }
    return QCoreApplication::translate("Quiver::DownloadState", text);
}

} // namespace Quiver
