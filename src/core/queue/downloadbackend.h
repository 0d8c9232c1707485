#pragma once

#include "queue/downloaditem.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace Quiver {

class Transfer;

// Where downloads run. The scheduler decides when an item runs; the backend decides how: it makes one
// Transfer per attempt, and it owns what lives with the item's files, its name, its partial bytes and
// deleting them. Today that is this computer's HTTP engine (http/HttpBackend); a remote aria2 daemon,
// whose files live on another machine, stands behind the same interface.
class DownloadBackend
{
public:
    enum class Capability {
        // Attempts are retried inside the backend (aria2 does): a failed result is final, and the
        // scheduler does not stack its own retries on top.
        RetriesItself = 0x1,
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    // Called once a deletion is done, with a sentence for each file that could not be deleted.
    using Deleted = std::function<void(const QStringList &problems)>;

    virtual ~DownloadBackend() = default;

    // What the backend does for item's attempts (a backend routing items to engines asks the item's own).
    virtual Capabilities capabilities(const DownloadItem &item) const
    {
        Q_UNUSED(item)
        return {};
    }

    // One attempt at item; the scheduler starts it and owns it through parent.
    virtual Transfer *create(const DownloadItem &item, QObject *parent) = 0;

    // Reserves the file name item's link asked for (out=) in its folder, so no other item and no existing
    // file can have it: item.fileName becomes the name as given, or numbered ("name (1).ext"), or stays
    // empty when no free name was found. Where an interrupted download of this link is found under the
    // name, the item takes it over with what it holds (its bytes, size and validators).
    virtual void claimName(DownloadItem &item, const QString &name) = 0;

    // An item from an earlier run comes back: it takes back its name (or loses it, with its bytes, when
    // another item holds it), counts the bytes its partial file really holds when the file proves it is
    // this link's, and a download that was being verified when the run ended and whose file is complete
    // under its final name comes back Finished.
    virtual void restore(DownloadItem &item) = 0;

    // The user canceled: the partial bytes are not wanted any more. A next attempt at the item does not
    // find them, however soon it starts.
    virtual void discardPart(const DownloadItem &item, Deleted done) = 0;

    // The items left the queue and nothing works on their files any more: with deleteFiles their files go,
    // the finished file or the partial one, and then their names are free again. done runs once that is
    // over (later, when files are deleted: on a slow disk that takes its time).
    virtual void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DownloadBackend::Capabilities)

} // namespace Quiver
