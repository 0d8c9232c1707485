#include "icons.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

// Resources in a static library are only linked in when something refers to them, and
// Q_INIT_RESOURCE cannot be used inside a namespace.
static void initQuiverResources()
{
    Q_INIT_RESOURCE(quiver);
}

namespace Quiver {

namespace {
// The one colour every monochrome drawing in resources/icons uses, so it can be swapped.
constexpr char DrawingColour[] = "#31363b";

void ensureResources()
{
    static const bool initialised = [] {
        initQuiverResources();
        return true;
    }();
    Q_UNUSED(initialised)
}

// The drawings are dark grey for light palettes. On a dark palette they are redrawn in the palette's
// text colour, or they would all but vanish. That needs rendering here, because the SVG icon engine
// cannot recolour; the sizes cover menus through large toolbars at 2x.
QIcon recoloured(const QString &path, const QColor &colour)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace(DrawingColour, colour.name(QColor::HexRgb).toLatin1());
    QIcon result;
    for (const int size : {16, 22, 24, 32, 48, 64, 96}) {
        QBuffer buffer(&svg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull())
            continue;
        result.addPixmap(QPixmap::fromImage(image));
        // The style's generated disabled look lightens, which on a dark palette reads as enabled.
        QImage faded(image.size(), QImage::Format_ARGB32_Premultiplied);
        faded.fill(Qt::transparent);
        QPainter painter(&faded);
        painter.setOpacity(0.4);
        painter.drawImage(0, 0, image);
        painter.end();
        result.addPixmap(QPixmap::fromImage(faded), QIcon::Disabled);
    }
    return result;
}

QIcon builtIn(const QString &name)
{
    ensureResources();
    const QString path = u":/icons/"_s + name + u".svg"_s;
    const QPalette palette = QGuiApplication::palette();
    if (palette.color(QPalette::Window).lightness() < 128) {
        const QIcon light = recoloured(path, palette.color(QPalette::WindowText));
        if (!light.isNull())
            return light;
    }
    return QIcon(path);
}
} // namespace

QIcon icon(const QString &name)
{
    // Same as QIcon::fromTheme(name, fallback), without drawing a fallback the theme makes unnecessary.
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return builtIn(name);
}

QIcon applicationIcon()
{
    ensureResources();
    // In colour already: never recoloured.
    return QIcon::fromTheme(u"io.github.quiver.Quiver"_s, QIcon(u":/icons/quiver.svg"_s));
}

} // namespace Quiver
