#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Quiver {

// A .part of Quiver's (it records where it came from, see PartOrigin) that an earlier run left in a
// download folder. Whether an item of the queue owns it is the engine's to say; one that nobody owns (its
// queue file was lost, or it was started without one) is the user's to see: Quiver reports it and
// offers to continue or delete it, and never deletes one by itself.
struct LeftoverPart {
    QString path;       // the .part
    QUrl url;           // where it came from
    qint64 size = 0;
    qint64 total = -1;  // the whole file's size, when recorded

    QString folder() const;
    QString fileName() const;   // the final name it would get

    // The .part files directly in folders that record an origin. Reads the folders: run it off the
    // window's thread.
    static QList<LeftoverPart> findIn(const QStringList &folders);
};

} // namespace Quiver

Q_DECLARE_METATYPE(Quiver::LeftoverPart)
