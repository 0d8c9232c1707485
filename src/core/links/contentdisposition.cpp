#include "links/contentdisposition.h"

#include "util/hexdigit.h"

#include <QList>
#include <QSet>
#include <QStringDecoder>

#include <optional>

namespace Quiver {

namespace {

struct Parameter {
    QByteArray name; // lower case
    QByteArray value;
    bool quoted = false;
};

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    if (isAlnum(c))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

// RFC 8187 attr-char.
bool isAttrChar(char c)
{
    if (isAlnum(c))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '&': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

// Strict: an invalid sequence is an error, not U+FFFD, so callers can fall back to another reading.
std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool hasNonAscii(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

// Decodes every %XX; nullopt if any '%' does not start a valid escape. Characters outside attr-char are
// rejected only when attrCharsOnly is set (filename* value-chars).
std::optional<QByteArray> percentDecode(const QByteArray &text, bool attrCharsOnly)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int hi = hexDigitValue(text.at(i + 1));
            const int lo = hexDigitValue(text.at(i + 2));
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out.append(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (attrCharsOnly && !isAttrChar(c)) {
            return std::nullopt;
        } else {
            out.append(c);
        }
    }
    return out;
}

class Parser final
{
public:
    explicit Parser(const QByteArray &text) : m_text(text) { }

    // nullopt when the header is not parseable as a whole (see the header file for the rules).
    std::optional<QList<Parameter>> parse()
    {
        for (char c : m_text) {
            if (isControl(c))
                return std::nullopt;
        }
        skipWhitespace();
        if (atEnd())
            return std::nullopt;

        // A missing disposition type: the first thing is already a parameter (or a bare ';').
        bool separatorPending = true;
        if (peek() != ';') {
            const qsizetype start = m_pos;
            if (token().isEmpty())
                return std::nullopt;
            skipWhitespace();
            if (!atEnd() && peek() == '=') {
                m_pos = start;
                separatorPending = false;
            }
        }

        QList<Parameter> parameters;
        QSet<QByteArray> seen;
        for (;;) {
            skipWhitespace();
            if (atEnd())
                break;
            if (separatorPending) {
                if (peek() != ';')
                    return std::nullopt;
                ++m_pos;
                skipWhitespace();
                if (atEnd() || peek() == ';')
                    continue; // trailing or doubled ';' is harmless
            }
            separatorPending = true;

            Parameter parameter;
            parameter.name = token().toLower();
            if (parameter.name.isEmpty())
                return std::nullopt;
            skipWhitespace();
            if (atEnd() || peek() != '=')
                return std::nullopt;
            ++m_pos;
            skipWhitespace();
            const bool ok = (!atEnd() && peek() == '"') ? quotedString(parameter) : unquotedValue(parameter);
            if (!ok)
                return std::nullopt;
            if (seen.contains(parameter.name))
                return std::nullopt;
            seen.insert(parameter.name);
            parameters.append(parameter);
        }
        return parameters;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text.at(m_pos); }

    void skipWhitespace()
    {
        while (!atEnd() && isWhitespace(peek()))
            ++m_pos;
    }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool quotedString(Parameter &parameter)
    {
        parameter.quoted = true;
        ++m_pos; // opening quote
        for (;;) {
            if (atEnd())
                return false;
            const char c = m_text.at(m_pos++);
            if (c == '"')
                break;
            if (c == '\\') {
                if (atEnd())
                    return false;
                parameter.value.append(m_text.at(m_pos++));
            } else {
                parameter.value.append(c);
            }
        }
        skipWhitespace();
        return atEnd() || peek() == ';';
    }

    bool unquotedValue(Parameter &parameter)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ';') {
            const char c = peek();
            if (c == '"' || c == ',' || c == '=')
                return false;
            ++m_pos;
        }
        qsizetype end = m_pos;
        while (end > start && isWhitespace(m_text.at(end - 1)))
            --end;
        parameter.value = m_text.mid(start, end - start);
        return true;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

// RFC 8187 ext-value: charset "'" [ language ] "'" value-chars.
std::optional<QString> decodeExtValue(const Parameter &parameter)
{
    if (parameter.quoted)
        return std::nullopt;
    const QByteArray &value = parameter.value;
    const qsizetype firstQuote = value.indexOf('\'');
    if (firstQuote < 0)
        return std::nullopt;
    const qsizetype secondQuote = value.indexOf('\'', firstQuote + 1);
    if (secondQuote < 0)
        return std::nullopt;

    const QByteArray charset = value.left(firstQuote).toLower();
    const QByteArray language = value.mid(firstQuote + 1, secondQuote - firstQuote - 1);
    for (char c : language) {
        if (!isAlnum(c) && c != '-')
            return std::nullopt;
    }
    const std::optional<QByteArray> bytes = percentDecode(value.mid(secondQuote + 1), true);
    if (!bytes || bytes->isEmpty())
        return std::nullopt;

    if (charset == "utf-8")
        return decodeUtf8(*bytes);
    if (charset == "iso-8859-1")
        return QString::fromLatin1(*bytes);
    return std::nullopt;
}

QString decodePlainValue(const QByteArray &value)
{
    if (value.contains('%')) {
        const std::optional<QByteArray> decoded = percentDecode(value, false);
        if (decoded && hasNonAscii(*decoded)) {
            if (std::optional<QString> text = decodeUtf8(*decoded))
                return *text;
        }
    }
    if (std::optional<QString> text = decodeUtf8(value))
        return *text;
    return QString::fromLatin1(value);
}

} // namespace

QString contentDispositionFileName(const QByteArray &headerValue)
{
    Parser parser(headerValue);
    const std::optional<QList<Parameter>> parameters = parser.parse();
    if (!parameters)
        return {};

    const Parameter *plain = nullptr;
    const Parameter *extended = nullptr;
    for (const Parameter &parameter : *parameters) {
        if (parameter.name == "filename")
            plain = &parameter;
        else if (parameter.name == "filename*")
            extended = &parameter;
    }
    if (extended) {
        if (std::optional<QString> name = decodeExtValue(*extended))
            return *name;
    }
    if (plain)
        return decodePlainValue(plain->value);
    return {};
}

} // namespace Quiver
