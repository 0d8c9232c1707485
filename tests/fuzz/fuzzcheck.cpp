#include "fuzzcheck.h"

#include <cstring>

namespace Quiver::Fuzz {

namespace {

bool isBidiControl(char16_t u)
{
    return u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
}

// Windows opens a device instead of a file for these, whatever follows the first dot.
bool isDeviceName(QStringView name)
{
    QStringView base = name.left(name.indexOf(u'.'));
    while (base.endsWith(u' '))
        base.chop(1);
    for (QStringView device : {u"CON", u"PRN", u"AUX", u"NUL", u"CONIN$", u"CONOUT$"}) {
        if (base.compare(device, Qt::CaseInsensitive) == 0)
            return true;
    }
    if (base.size() != 4)
        return false;
    if (!base.startsWith(u"COM", Qt::CaseInsensitive) && !base.startsWith(u"LPT", Qt::CaseInsensitive))
        return false;
    const char16_t last = base.at(3).unicode();
    return (last >= u'0' && last <= u'9') || last == 0xb9 || last == 0xb2 || last == 0xb3;
}

} // namespace

QString utf16FromBytes(const uint8_t *data, size_t size)
{
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    if (!text.isEmpty())
        std::memcpy(text.data(), data, size_t(text.size()) * 2);
    return text;
}

const char *cleanNameProblem(const QString &name)
{
    if (name.isEmpty())
        return "the name is empty";
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return "the name holds a lone surrogate";
        if (u == u'/' || u == u'\\')
            return "the name holds a path separator";
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return "the name holds a control character";
        if (isBidiControl(u))
            return "the name holds a bidi control";
        if (QStringView(u"<>:\"|?*").contains(c))
            return "the name holds a character Windows refuses";
    }
    if (name.front() == u'.' || name.front().isSpace())
        return "the name starts with a dot or a space";
    if (name.back() == u'.' || name.back().isSpace())
        return "the name ends with a dot or a space";
    if (name == u"~")
        return "the name is ~";
    if (isDeviceName(name))
        return "the name is a Windows device";
    if (name.toUtf8().size() > FileNames::MaxNameBytes)
        return "the name is longer than MaxNameBytes";
    if (FileNames::sanitize(name) != name)
        return "cleaning the name again changes it";
    return nullptr;
}

int lineCount(QStringView text)
{
    int lines = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            ++i;
        if (text.at(i) == u'\n' || text.at(i) == u'\r')
            ++lines;
    }
    return lines;
}

} // namespace Quiver::Fuzz
