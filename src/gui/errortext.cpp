#include "errortext.h"

#include <QColor>

namespace Quiver {

QPalette errorTextPalette(QPalette base)
{
    const bool darkPalette = base.color(QPalette::Window).lightness() < 128;
    base.setColor(QPalette::WindowText, darkPalette ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x1c, 0x28));
    return base;
}

} // namespace Quiver
