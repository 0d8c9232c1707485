#pragma once

#include <QPalette>

namespace Quiver {

// base with its text in an error colour that stands out against base's own background, light or dark.
QPalette errorTextPalette(QPalette base);

} // namespace Quiver
