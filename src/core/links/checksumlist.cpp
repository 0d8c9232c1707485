#include "links/checksumlist.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

bool isHex(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

std::optional<QCryptographicHash::Algorithm> algorithmForHexLength(qsizetype length)
{
    switch (length) {
    case 40: return QCryptographicHash::Sha1;
    case 64: return QCryptographicHash::Sha256;
    case 128: return QCryptographicHash::Sha512;
    default: return std::nullopt;
    }
}

std::optional<QCryptographicHash::Algorithm> algorithmForTag(QStringView tag)
{
    if (tag == u"SHA256")
        return QCryptographicHash::Sha256;
    if (tag == u"SHA512")
        return QCryptographicHash::Sha512;
    if (tag == u"SHA1")
        return QCryptographicHash::Sha1;
    return std::nullopt;
}

// sha256sum writes a name holding '\' or a line break as "\\" and "\n", with a '\' before the line.
QString unescapeName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] == u'\\' && i + 1 < name.size()) {
            ++i;
            out += name[i] == u'n' ? QChar(u'\n') : name[i];
        } else {
            out += name[i];
        }
    }
    return out;
}

// What the list's name stands for: its last path component.
QString baseName(const QString &name)
{
    const qsizetype slash = name.lastIndexOf(u'/');
    return slash < 0 ? name : name.sliced(slash + 1);
}

} // namespace

QString digestName(QCryptographicHash::Algorithm algorithm)
{
    switch (algorithm) {
    case QCryptographicHash::Sha1: return u"SHA-1"_s;
    case QCryptographicHash::Sha512: return u"SHA-512"_s;
    default: return u"SHA-256"_s;
    }
}

ChecksumList ChecksumList::parse(const QByteArray &bytes, const QString &source, qsizetype maxProblems)
{
    ChecksumList list;
    list.m_source = source;
    list.m_maxProblems = maxProblems;
    if (bytes.size() > kMaxBytes || bytes.contains('\0')) {
        list.report(0, QString(), tr("“%1” is not a checksum list: it is binary or larger than 16 MiB.").arg(source));
        return list;
    }
    const QString text = QStringDecoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless).decode(bytes);
    int lineNumber = 0;
    for (QStringView line : QStringView(text).tokenize(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (lineNumber == 1 && line.startsWith(QChar(0xFEFF)))
            line = line.sliced(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;

        // BSD style: "SHA256 (name) = hex".
        const qsizetype open = line.indexOf(u" (");
        const qsizetype close = line.lastIndexOf(u") = ");
        if (open > 0 && close > open) {
            const std::optional<QCryptographicHash::Algorithm> algorithm = algorithmForTag(line.first(open));
            const QStringView hex = line.sliced(close + 4).trimmed();
            if (!algorithm) {
                list.report(lineNumber, trimmed.toString(),
                            tr("Checksum type “%1” is not supported: only SHA256, SHA512 and SHA1 can be checked.")
                                .arg(line.first(open)));
                continue;
            }
            if (!isHex(hex) || algorithmForHexLength(hex.size()) != algorithm) {
                list.report(lineNumber, trimmed.toString(),
                            tr("The checksum on this line is not a valid %1 digest.").arg(digestName(*algorithm)));
                continue;
            }
            list.add(line.sliced(open + 2, close - open - 2).toString(),
                     ExpectedDigest{*algorithm, QByteArray::fromHex(hex.toLatin1()), source}, lineNumber);
            continue;
        }

        // GNU style: "hex  name" (text mode) or "hex *name" (binary mode), "\hex  name" when escaped.
        const bool escaped = line.startsWith(u'\\');
        const QStringView rest = escaped ? line.sliced(1) : line;
        const qsizetype space = rest.indexOf(u' ');
        const QStringView hex = space < 0 ? rest : rest.first(space);
        const std::optional<QCryptographicHash::Algorithm> algorithm = algorithmForHexLength(hex.size());
        if (space < 0 || space + 2 > rest.size() || (rest[space + 1] != u' ' && rest[space + 1] != u'*')
            || !isHex(hex)) {
            list.report(lineNumber, trimmed.toString(),
                        tr("This line is not a checksum line: write it as the hexadecimal digest, two spaces "
                           "and the file name, as sha256sum prints it."));
            continue;
        }
        if (!algorithm) {
            list.report(lineNumber, trimmed.toString(),
                        tr("A checksum of %1 hexadecimal digits is not supported (MD5?): only SHA-256, "
                           "SHA-512 and SHA-1 can be checked.")
                            .arg(hex.size()));
            continue;
        }
        const QStringView name = rest.sliced(space + 2);
        if (name.isEmpty()) {
            list.report(lineNumber, trimmed.toString(), tr("This checksum line names no file."));
            continue;
        }
        list.add(escaped ? unescapeName(name) : name.toString(),
                 ExpectedDigest{*algorithm, QByteArray::fromHex(hex.toLatin1()), source}, lineNumber);
    }
    if (list.isEmpty() && list.m_problems.isEmpty() && list.m_unlistedProblems == 0)
        list.report(0, QString(), tr("“%1” lists no checksums.").arg(source));
    return list;
}

void ChecksumList::report(int line, const QString &excerpt, const QString &reason)
{
    if (m_maxProblems >= 0 && m_problems.size() >= m_maxProblems) {
        ++m_unlistedProblems;
        return;
    }
    m_problems.append(InputProblem{line, cleanExcerpt(excerpt), reason, ProblemKind::BadChecksum});
}

void ChecksumList::add(const QString &name, const ExpectedDigest &digest, int line)
{
    const QString key = baseName(name);
    if (key.isEmpty() || key == u"." || key == u"..") {
        report(line, name, tr("“%1” is not a file name, so no download can be checked against it.").arg(name));
        return;
    }
    if (m_refused.contains(key))
        return;
    const auto existing = m_byName.constFind(key);
    if (existing == m_byName.cend()) {
        m_byName.insert(key, digest);
    } else if (existing->digest != digest.digest) {
        m_byName.remove(key);
        m_refused.insert(key, true);
        report(line, name,
               tr("“%1” is listed twice with different checksums, so a file of that name is not checked "
                  "against this list.")
                   .arg(key));
    }
}

std::optional<ExpectedDigest> ChecksumList::find(const QString &fileName) const
{
    const auto it = m_byName.constFind(fileName);
    if (it == m_byName.cend())
        return std::nullopt;
    return *it;
}

void ChecksumList::restoreDigest(const QString &name, const ExpectedDigest &digest)
{
    ChecksumList one;
    one.m_byName.insert(name, digest);
    merge(one);
}

void ChecksumList::restoreRefused(const QString &name)
{
    ChecksumList one;
    one.m_refused.insert(name, true);
    merge(one);
}

void ChecksumList::merge(const ChecksumList &other)
{
    for (auto it = other.m_refused.cbegin(); it != other.m_refused.cend(); ++it) {
        m_byName.remove(it.key());
        m_refused.insert(it.key(), true);
    }
    for (auto it = other.m_byName.cbegin(); it != other.m_byName.cend(); ++it) {
        if (m_refused.contains(it.key()))
            continue;
        const auto existing = m_byName.constFind(it.key());
        if (existing == m_byName.cend()) {
            m_byName.insert(it.key(), *it);
        } else if (existing->digest != it->digest) {
            m_byName.remove(it.key());
            m_refused.insert(it.key(), true);
        }
    }
}

} // namespace Quiver
