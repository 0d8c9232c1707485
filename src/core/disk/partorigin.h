#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace Quiver {

// Where a .part came from, kept on the file itself as extended attributes: the link in the freedesktop
// attribute wget2 and Chromium use (user.xdg.origin.url, also kept on the finished file), and Quiver's own
// for the validators and the total size. With it a .part is recognised without any queue file: a rerun
// of the same link continues it (as curl -C - would), and a .part of another link is never taken for it.
//
// Where the file system has no user attributes (some network shares, tmpfs before Linux 6.6), nothing is
// recorded and a .part is known only through the queue file, as before.
struct PartOrigin {
    QUrl url;                 // without credentials
    QByteArray etag;
    QByteArray lastModified;
    qint64 total = -1;

    bool isFrom(const QUrl &link) const;

    // Whether the file was made just now (it carries nothing yet) or was there before (an older record
    // of another form may be on it and is dropped).
    enum class FileState { Created, Existing };
    // Records this origin on the open file fd; false when the file system keeps no attributes (or the
    // test switch below is on).
    bool writeTo(int fd, FileState state) const;
    // The origin recorded on the file at path (not following a symlink); nothing when none is.
    static std::optional<PartOrigin> readFrom(const QString &path);
    // A finished file keeps only where it came from (the .part's record was written by writeTo()).
    static void keepOnlyTheLink(int fd);

    // Tests switch attributes off to run as on a file system without them.
    static void setDisabledForTesting(bool disabled);
};

} // namespace Quiver
