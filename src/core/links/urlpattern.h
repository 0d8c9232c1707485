#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Quiver {

// A link with curl-style globs, expanded one link at a time: numeric ranges [1-20], zero-padded
// [001-120], steps [0-100:10], letter ranges [a-f] (and [a-z:2]), lists {jpg,png}; several in one link
// make their cartesian product in curl's order (the last glob varies fastest). \[ \] \{ \} and \, stand
// for the character itself. A '[' inside the host part ("http://[::1]:8080/") is an IPv6 literal, copied
// as it is. Parsing costs time and memory in proportion to the text; count() is known before anything
// is expanded, so a caller refuses a pattern past its cap without making a single link.
class UrlPattern final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::UrlPattern)

public:
    // At most this many globs in one link: more is never a real link, and #N references stay one digit
    // or two.
    static constexpr int kMaxGlobs = 20;

    explicit UrlPattern(QStringView text);

    // False when the text has a glob syntax error; errorString() then says what and where.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // True when the text has at least one glob (a valid pattern without globs is one literal link).
    bool hasGlobs() const { return !m_globs.isEmpty(); }
    int globCount() const { return int(m_globs.size()); }

    // How many links the pattern makes; nothing when that does not fit in 64 bits.
    std::optional<quint64> count() const;

    // The index-th link (0 <= index < count()), and each glob's text for it in values (for #N).
    QString at(quint64 index, QStringList *values = nullptr) const;

    // text with #1, #2, ... replaced by the given glob values (curl's output-name references); a #N with
    // no such glob stays as it is.
    static QString substitute(QStringView text, const QStringList &values);

    // Cheap test for a line that may hold a glob at all: most links have none and skip the parse.
    static bool mayHaveGlobs(QStringView text);

private:
    enum class GlobKind { List, Numbers, Letters };

    struct Glob {
        GlobKind kind = GlobKind::List;
        QStringList items;          // List
        qint64 first = 0;           // Numbers and Letters (letters as their code)
        qint64 step = 1;
        quint64 size = 0;
        int width = 0;              // Numbers: zero-padded to this many digits
        QString value(quint64 i) const;
    };

    // The literal text before each glob, and after the last one (one more than m_globs).
    QStringList m_literals;
    QList<Glob> m_globs;
    QString m_error;

    void parse(QStringView text);
    bool parseRange(QStringView body, qsizetype position);
    void fail(const QString &message);
};

} // namespace Quiver
