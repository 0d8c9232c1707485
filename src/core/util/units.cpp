#include "util/units.h"

#include <QCoreApplication>
#include <QLocale>

namespace Quiver::Units {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Quiver::Units", text);
}

// Picks one unit for both numbers so "12.4 / 80.0 MiB" reads naturally.
int unitIndex(qint64 count)
{
    int index = 0;
    double value = double(count);
    while (value >= 1024.0 && index < 4) {
        value /= 1024.0;
        ++index;
    }
    return index;
}

QString unitName(int index)
{
    switch (index) {
    case 0: return tr("B");
    case 1: return tr("KiB");
    case 2: return tr("MiB");
    case 3: return tr("GiB");
    default: return tr("TiB");
    }
}

QString number(qint64 count, int index)
{
    if (index == 0)
        return QLocale().toString(count);
    double value = double(count);
    for (int i = 0; i < index; ++i)
        value /= 1024.0;
    return QLocale().toString(value, 'f', 1);
}
} // namespace

// A line may break at a plain space; "1.5" alone at the end of a line and "MiB" on the next reads badly.
constexpr QChar kNoBreakSpace(0x00A0);

QString bytes(qint64 count)
{
    const int index = unitIndex(qMax<qint64>(count, 0));
    return number(count, index) + kNoBreakSpace + unitName(index);
}

QString progress(qint64 received, qint64 total)
{
    if (total < 0)
        return bytes(received);
    const int index = unitIndex(total);
    //: %1 is received, %2 the total with its unit ("80.0 MiB")
    return QCoreApplication::translate("Quiver::Units", "%1 / %2")
        .arg(number(received, index), number(total, index) + kNoBreakSpace + unitName(index));
}

QString percent(int value)
{
    // QLocale has no percent format in Qt 6.4, and where the sign goes is a convention of the language:
    // the translation says it (French and German put a no-break space before it).
    return QCoreApplication::translate("Quiver::Units", "%1%", "a percentage").arg(QLocale().toString(value));
}

QString speed(double bytesPerSecond)
{
    return QCoreApplication::translate("Quiver::Units", "%1/s").arg(bytes(qint64(bytesPerSecond)));
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return QCoreApplication::translate("Quiver::Units", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("Quiver::Units", "%1 min %2 s")
            .arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Quiver::Units", "%1 h %2 min")
        .arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> parseRate(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    double unit = 1;
    switch (text.back().toLower().unicode()) {
    case 'k': unit = 1024.0; break;
    case 'm': unit = 1024.0 * 1024; break;
    case 'g': unit = 1024.0 * 1024 * 1024; break;
    default: break;
    }
    if (unit > 1)
        text.chop(1);
    // Digits with at most one point: no signs, exponents, spaces or "inf" that toDouble() would take.
    int points = 0;
    for (const QChar c : text) {
        if (c == u'.')
            ++points;
        else if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    }
    if (text.isEmpty() || points > 1 || text == u".")
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok) * unit;
    if (!ok || value > 1024.0 * 1024 * 1024 * 1024)
        return std::nullopt;
    return qint64(value);
}

} // namespace Quiver::Units
