#pragma once

#include "disk/partorigin.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace Quiver {

class NameRegistry;

// A .part left by an earlier run of the same link: found by the origin recorded on it, so it is continued
// under its own name instead of being numbered around (which left "name (1).ext" and an orphaned .part
// after a crash). Only a .part whose final file does not exist, that nobody in this run holds, and whose
// recorded link is this one qualifies; any other .part stays untouched.
struct FoundPart {
    QString fileName;
    qint64 size = 0;
    PartOrigin origin;

    // Looks for name's .part in folder (name as it would be claimed) and, when it qualifies, claims name
    // in names for the caller.
    static std::optional<FoundPart> adopt(NameRegistry &names, const QString &folder, const QString &name,
                                          const QUrl &link);
};

} // namespace Quiver
