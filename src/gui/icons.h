#pragma once

#include <QIcon>
#include <QString>

namespace Quiver {

// The icon theme's icon called name (freedesktop icon naming: "list-add", "media-playback-start", …),
// or, where the theme has none, Quiver's own monochrome drawing of it from :/icons/<name>.svg.
QIcon icon(const QString &name);

// Quiver's application and window icon: the installed theme's "quiver" if there is one, otherwise the
// built-in drawing.
QIcon applicationIcon();

} // namespace Quiver
