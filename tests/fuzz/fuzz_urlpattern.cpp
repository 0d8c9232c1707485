// Fuzzes URL patterns on their own and through the links parser. Whatever the text: parsing ends (in
// time linear in the text), a pattern past the cap makes no link at all, each expanded link has the
// pattern's literal parts and one value per glob, and every problem names a line of the input.

#include "fuzzcheck.h"

#include "links/linksparser.h"
#include "links/urlpattern.h"

using namespace Quiver;
using namespace Quiver::Fuzz;

namespace {

// Small enough that a run expands many patterns a second, big enough to reach the cap's edges.
constexpr qsizetype kCap = 64;

void checkPattern(const QString &text)
{
    const UrlPattern pattern(text);
    if (!pattern.isValid()) {
        FUZZ_CHECK(!pattern.errorString().isEmpty(), "an invalid pattern has no error");
        FUZZ_CHECK(!pattern.hasGlobs(), "an invalid pattern kept globs");
        return;
    }
    FUZZ_CHECK(pattern.globCount() <= UrlPattern::kMaxGlobs, "a pattern has more globs than allowed");
    const std::optional<quint64> count = pattern.count();
    FUZZ_CHECK(!count || *count >= 1, "a valid pattern makes no link");
    if (!count)
        return;
    // The first and the last link, and a few between: at() needs no earlier link.
    QStringList values;
    for (quint64 i : {quint64(0), *count / 2, *count - 1}) {
        const QString link = pattern.at(i, &values);
        FUZZ_CHECK(values.size() == pattern.globCount(), "a link does not have one value per glob");
        FUZZ_CHECK(link.size() <= text.size() + qsizetype(values.size()) * 19 + text.size(),
                   "an expanded link is longer than its pattern allows");
        const QString named = UrlPattern::substitute(u"#1-#2-#20", values);
        FUZZ_CHECK(!named.isNull(), "substitution lost the name");
    }
}

void checkParsed(const ParsedLinks &parsed, int lines)
{
    FUZZ_CHECK(parsed.linksFromPatterns <= kCap * kPatternLinksPerInputFactor, "patterns made more links than the cap");
    FUZZ_CHECK(parsed.links.size() <= lines + kCap * kPatternLinksPerInputFactor, "more links than lines and patterns");
    for (const Link &link : parsed.links)
        FUZZ_CHECK(link.line >= 1 && link.line <= lines, "a link's line number is outside the input");
    for (const InputProblem &problem : parsed.problems) {
        FUZZ_CHECK(problem.kind == ProblemKind::BinaryInput ? problem.line == 0 : (problem.line >= 1 && problem.line <= lines),
                   "a problem's line number is outside the input");
        FUZZ_CHECK(!problem.reason.isEmpty(), "a problem has no reason");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    checkPattern(text);
    checkPattern(utf16FromBytes(data, size));

    LinkListOptions options;
    options.maxPatternLinks = kCap;
    checkParsed(parseLinkList(text, options), lineCount(text));
    const ParsedLinks argument = parseLinkArgument(text, options);
    FUZZ_CHECK(argument.links.size() <= kCap, "one argument made more links than the cap");
    for (const InputProblem &problem : argument.problems)
        FUZZ_CHECK(problem.line == 0, "a problem of an argument has a line number");
    return 0;
}
