// Fuzzes the file-name cleaner: whatever the server or the URL proposes, sanitize() returns nothing or a
// clean name, choose() always a clean one, and numbered() keeps names clean and distinct.

#include "fuzzcheck.h"

#include "links/filenames.h"

#include <QUrl>

using namespace Quiver;
using namespace Quiver::Fuzz;

namespace {

void checkSanitize(const QString &raw)
{
    const QString name = FileNames::sanitize(raw);
    if (name.isEmpty())
        return;
    const char *problem = cleanNameProblem(name);
    FUZZ_CHECK(problem == nullptr, problem);

    // Cleaning only removes, trims, cuts and replaces by '_' (plus one '_' before a device name).
    for (QChar c : name)
        FUZZ_CHECK(c == u'_' || raw.contains(c), "sanitize() invented a character");

    for (int n : {1, 2, 99999}) {
        const QString numbered = FileNames::numbered(name, n);
        const char *numberedProblem = cleanNameProblem(numbered);
        FUZZ_CHECK(numberedProblem == nullptr, numberedProblem);
        FUZZ_CHECK(numbered != name && numbered != FileNames::numbered(name, n + 1),
                   "numbered() names collide, so a free name might never be found");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    // The same bytes as UTF-8 (what a header or a file name on disk gives) and as raw UTF-16 (every
    // code point, lone surrogates included).
    checkSanitize(QString::fromUtf8(bytes));
    checkSanitize(utf16FromBytes(data, size));

    // The URL path is the other source of names; choose() must always end with a usable one.
    const QUrl url(QString::fromUtf8(bytes));
    const QString chosen = FileNames::choose(QByteArray(), url);
    const char *problem = cleanNameProblem(chosen);
    FUZZ_CHECK(problem == nullptr, problem);
    const QString fromUrl = FileNames::fromUrl(url);
    FUZZ_CHECK(!fromUrl.contains(u'/'), "fromUrl() let a path separator through");
    checkSanitize(fromUrl);
    return 0;
}
