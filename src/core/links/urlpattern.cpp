#include "links/urlpattern.h"

#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

// 18 digits always fit in a qint64, and no real file series is numbered past them.
constexpr qsizetype kMaxRangeDigits = 18;

bool isEscapable(QChar c)
{
    return c == u'[' || c == u']' || c == u'{' || c == u'}' || c == u',' || c == u'\\';
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isLetter(QStringView s)
{
    return s.size() == 1 && ((s[0] >= u'a' && s[0] <= u'z') || (s[0] >= u'A' && s[0] <= u'Z'));
}

// Where the host part of "scheme://user@host:port/path" is, as [start, end); start is -1 without "://".
std::pair<qsizetype, qsizetype> authorityOf(QStringView text)
{
    const qsizetype separator = text.indexOf(u"://");
    if (separator <= 0)
        return {-1, -1};
    const qsizetype start = separator + 3;
    qsizetype end = start;
    while (end < text.size() && text[end] != u'/' && text[end] != u'?' && text[end] != u'#')
        ++end;
    return {start, end};
}

} // namespace

UrlPattern::UrlPattern(QStringView text)
{
    parse(text);
    if (!isValid()) {
        m_literals.clear();
        m_globs.clear();
    }
}

void UrlPattern::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void UrlPattern::parse(QStringView text)
{
    const auto [authorityStart, authorityEnd] = authorityOf(text);
    QString literal;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && isValid()) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < n && isEscapable(text[i + 1])) {
            literal += text[i + 1];
            i += 2;
            continue;
        }
        if (c == u'[' && i >= authorityStart && i < authorityEnd) {
            // An IPv6 address: up to its ']' (or the end of the host, for the link check to refuse).
            const qsizetype close = text.indexOf(u']', i);
            const qsizetype end = (close < 0 || close >= authorityEnd) ? authorityEnd : close + 1;
            literal += text.sliced(i, end - i);
            i = end;
            continue;
        }
        if (c == u'[') {
            const qsizetype close = text.indexOf(u']', i + 1);
            if (close < 0) {
                fail(tr("The “[” at character %1 is never closed with “]”.").arg(i + 1));
                break;
            }
            const QStringView body = text.sliced(i + 1, close - i - 1);
            if (body.contains(u'[') || body.contains(u'{') || body.contains(u'}')) {
                fail(tr("The range at character %1 holds another pattern: ranges and lists cannot be nested.").arg(i + 1));
                break;
            }
            if (m_globs.size() == kMaxGlobs) {
                fail(tr("This link has more than %1 ranges and lists.").arg(kMaxGlobs));
                break;
            }
            if (!parseRange(body, i + 1))
                break;
            m_literals.append(std::exchange(literal, QString()));
            i = close + 1;
            continue;
        }
        if (c == u'{') {
            Glob glob;
            QString item;
            qsizetype j = i + 1;
            bool closed = false;
            for (; j < n; ++j) {
                const QChar d = text[j];
                if (d == u'\\' && j + 1 < n && isEscapable(text[j + 1])) {
                    item += text[++j];
                } else if (d == u',') {
                    glob.items.append(std::exchange(item, QString()));
                } else if (d == u'}') {
                    closed = true;
                    break;
                } else if (d == u'{' || d == u'[') {
                    fail(tr("The list at character %1 holds another pattern: ranges and lists cannot be nested.").arg(i + 1));
                    break;
                } else {
                    item += d;
                }
            }
            if (!isValid())
                break;
            if (!closed) {
                fail(tr("The “{” at character %1 is never closed with “}”.").arg(i + 1));
                break;
            }
            if (m_globs.size() == kMaxGlobs) {
                fail(tr("This link has more than %1 ranges and lists.").arg(kMaxGlobs));
                break;
            }
            glob.items.append(item);
            glob.size = quint64(glob.items.size());
            m_globs.append(std::move(glob));
            m_literals.append(std::exchange(literal, QString()));
            i = j + 1;
            continue;
        }
        if (c == u']' || c == u'}') {
            fail(tr("The “%1” at character %2 closes nothing.").arg(c).arg(i + 1));
            break;
        }
        literal += c;
        ++i;
    }
    m_literals.append(literal);
}

bool UrlPattern::parseRange(QStringView body, qsizetype position)
{
    const qsizetype colon = body.indexOf(u':');
    const QStringView span = colon < 0 ? body : body.first(colon);
    const qsizetype dash = span.indexOf(u'-');
    const QStringView from = dash < 0 ? span : span.first(dash);
    const QStringView to = dash < 0 ? QStringView() : span.sliced(dash + 1);

    Glob glob;
    qint64 last = 0;
    if (allDigits(from) && allDigits(to)) {
        if (from.size() > kMaxRangeDigits || to.size() > kMaxRangeDigits) {
            fail(tr("The range at character %1 has a number longer than %2 digits.").arg(position).arg(kMaxRangeDigits));
            return false;
        }
        glob.kind = GlobKind::Numbers;
        glob.first = from.toLongLong();
        last = to.toLongLong();
        glob.width = (from.size() > 1 && from.front() == u'0') ? int(from.size()) : 0;
    } else if (isLetter(from) && isLetter(to) && from[0].isLower() == to[0].isLower()) {
        glob.kind = GlobKind::Letters;
        glob.first = from[0].unicode();
        last = to[0].unicode();
    } else {
        fail(tr("The range “[%1]” at character %2 is not a range: write it as [1-20], [001-120], [0-100:10] or [a-f].")
                 .arg(body.left(40))
                 .arg(position));
        return false;
    }
    if (colon >= 0) {
        const QStringView step = body.sliced(colon + 1);
        if (!allDigits(step) || step.size() > kMaxRangeDigits || step.toLongLong() == 0) {
            fail(tr("The step of the range at character %1 must be a whole number greater than 0.").arg(position));
            return false;
        }
        glob.step = step.toLongLong();
    }
    if (last < glob.first) {
        fail(tr("The range at character %1 runs backwards: write the smaller end first.").arg(position));
        return false;
    }
    glob.size = quint64(last - glob.first) / quint64(glob.step) + 1;
    m_globs.append(glob);
    return true;
}

std::optional<quint64> UrlPattern::count() const
{
    if (!isValid())
        return quint64(0);
    quint64 total = 1;
    for (const Glob &glob : m_globs) {
        if (__builtin_mul_overflow(total, glob.size, &total))
            return std::nullopt;
    }
    return total;
}

QString UrlPattern::Glob::value(quint64 i) const
{
    switch (kind) {
    case GlobKind::List:
        return items.at(qsizetype(i));
    case GlobKind::Numbers:
        return QString::number(first + qint64(i) * step).rightJustified(width, u'0');
    case GlobKind::Letters:
        return QString(QChar(char16_t(first + qint64(i) * step)));
    }
    return {};
}

QString UrlPattern::at(quint64 index, QStringList *values) const
{
    // The last glob varies fastest, like the digits of a number.
    QVarLengthArray<quint64, kMaxGlobs> digits(m_globs.size());
    for (qsizetype g = m_globs.size() - 1; g >= 0; --g) {
        digits[g] = index % m_globs[g].size;
        index /= m_globs[g].size;
    }
    if (values)
        values->clear();
    QString link = m_literals.value(0);
    for (qsizetype g = 0; g < m_globs.size(); ++g) {
        const QString value = m_globs[g].value(digits[g]);
        link += value;
        link += m_literals[g + 1];
        if (values)
            values->append(value);
    }
    return link;
}

QString UrlPattern::substitute(QStringView text, const QStringList &values)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype j = i + 1;
        while (text[i] == u'#' && j < text.size() && j - i <= 3 && text[j] >= u'0' && text[j] <= u'9')
            ++j;
        const int number = j > i + 1 ? text.sliced(i + 1, j - i - 1).toInt() : 0;
        if (number >= 1 && number <= values.size()) {
            out += values.at(number - 1);
            i = j;
        } else {
            out += text[i];
            ++i;
        }
    }
    return out;
}

bool UrlPattern::mayHaveGlobs(QStringView text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c == u'[' || c == u']' || c == u'{' || c == u'}'; });
}

} // namespace Quiver
