// Fuzzes the Content-Disposition parser. Its result is raw by contract (contentdisposition.h), so the
// properties are about what the rest of the naming does with it: cleaning makes it safe, a header with
// control characters proposes nothing, and choose() always ends with a clean name.

#include "fuzzcheck.h"

#include "links/contentdisposition.h"
#include "links/filenames.h"

#include <QUrl>

using namespace Quiver;
using namespace Quiver::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray header(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = contentDispositionFileName(header);

    bool hasControl = false;
    for (char c : header) {
        const auto u = static_cast<unsigned char>(c);
        hasControl = hasControl || (u < 0x20 && c != '\t') || u == 0x7f;
    }
    // CVE-2018-0494: CR/LF smuggled in a header must never reach a name.
    FUZZ_CHECK(!hasControl || name.isEmpty(), "a header with control characters proposed a name");
    FUZZ_CHECK(name.isEmpty() || header.toLower().contains("filename"), "a name came from no filename parameter");
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool paired = c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate();
        FUZZ_CHECK(paired || !c.isSurrogate(), "the name is not valid UTF-16");
        i += paired ? 1 : 0;
    }
    FUZZ_CHECK(contentDispositionFileName(header) == name, "parsing the same header twice differed");

    const QString cleaned = FileNames::sanitize(name);
    const char *problem = cleaned.isEmpty() ? nullptr : cleanNameProblem(cleaned);
    FUZZ_CHECK(problem == nullptr, problem);

    // With a URL that names a file, one that does not, and one with no usable host either.
    for (const char *link : {"https://example.org/dir/file.bin", "https://example.org/", "http://[::1]/"}) {
        const QString chosen = FileNames::choose(header, QUrl(QString::fromLatin1(link)));
        const char *chosenProblem = cleanNameProblem(chosen);
        FUZZ_CHECK(chosenProblem == nullptr, chosenProblem);
        FUZZ_CHECK(cleaned.isEmpty() || chosen == cleaned, "choose() ignored a usable Content-Disposition name");
    }
    return 0;
}
