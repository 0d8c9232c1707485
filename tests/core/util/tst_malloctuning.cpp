// tuneMalloc() pins glibc's thresholds: blocks under 4 MiB come from the heap, and freed space at the
// heap's end stays for reuse until 8 MiB are free (with glibc's sliding defaults a shared heap was trimmed
// and grown again with almost every small download, one fresh page fault per 4 KiB). Each case runs in a
// child process that calls it before anything else, as main() does, and looks at the heap through
// mallinfo2(): hblks counts the blocks mapped on their own, keepcost the free space at the heap's end.

#include "util/malloctuning.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <cstdio>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace {
constexpr size_t kib = 1024;

#if defined(__GLIBC__)
// A block the compiler cannot leave out (an unused malloc() and free() pair may go altogether).
void *allocate(size_t size)
{
    void *block = std::malloc(size);
    static_cast<volatile char *>(block)[0] = 1;
    return block;
}
#endif

// 0 when the heap behaved as the case expects; otherwise says why on stderr.
int runCase(const QByteArray &name)
{
#if defined(__GLIBC__)
    Quiver::tuneMalloc();
    const size_t mappedBefore = size_t(mallinfo2().hblks);
    void *half = allocate(512 * kib);
    const bool halfMapped = size_t(mallinfo2().hblks) > mappedBefore;
    std::free(half);
    if (name == "glibc-thresholds") {
        // glibc's own start at 128 KiB: the same block is mapped on its own.
        if (!halfMapped) {
            std::fprintf(stderr, "512 KiB came from the heap under glibc's own thresholds\n");
            return 1;
        }
        return 0;
    }
    if (halfMapped) {
        std::fprintf(stderr, "512 KiB was mapped on its own\n");
        return 1;
    }
    void *large = allocate(3 * 1024 * kib);
    const bool largeMapped = size_t(mallinfo2().hblks) > mappedBefore;
    std::free(large);
    if (largeMapped) {
        std::fprintf(stderr, "3 MiB was mapped on its own\n");
        return 1;
    }
    void *big = allocate(6 * 1024 * kib);
    const bool bigMapped = size_t(mallinfo2().hblks) > mappedBefore;
    std::free(big);
    if (!bigMapped) {
        std::fprintf(stderr, "6 MiB came from the heap\n");
        return 1;
    }
    // 6 MiB freed at the heap's end stay there (below the 8 MiB trim threshold), ready for the next.
    // (An array: a growing vector would put its own blocks between them, and they would not merge.)
    void *blocks[12];
    for (void *&block : blocks)
        block = allocate(512 * kib);
    for (int i = 11; i >= 0; --i)
        std::free(blocks[i]);
    const size_t kept = mallinfo2().keepcost;
    if (kept < 12 * 512 * kib) {
        std::fprintf(stderr, "only %zu bytes kept at the heap's end after freeing 6 MiB\n", kept);
        return 1;
    }
    return 0;
#else
    Q_UNUSED(name);
    return 0;
#endif
}
} // namespace

class TestMallocTuning final : public QObject
{
    Q_OBJECT

private:
    static QByteArray run(const char *name, const QProcessEnvironment &environment)
    {
        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {u"--case"_s, QString::fromLatin1(name)});
        if (!child.waitForFinished(30000))
            return "timed out";
        const QByteArray said = child.readAllStandardError();
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            return said.isEmpty() ? QByteArray("failed") : said;
        return {};
    }

    static QProcessEnvironment cleanEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"GLIBC_TUNABLES"_s);
        environment.remove(u"QUIVER_MALLOC_THRESHOLDS"_s);
        environment.remove(u"QUIVER_MALLOC_ARENAS"_s);
        return environment;
    }

private slots:
    void initTestCase()
    {
#if !defined(__GLIBC__)
        QSKIP("the thresholds are glibc's");
#endif
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer brings its own allocator");
#endif
    }

    void smallBlocksStayInTheHeapAndFreedSpaceIsKept()
    {
        const QByteArray said = run("tuned", cleanEnvironment());
        QVERIFY2(said.isEmpty(), said.constData());
    }

    void glibcsOwnThresholdsOnRequest()
    {
        QProcessEnvironment environment = cleanEnvironment();
        environment.insert(u"QUIVER_MALLOC_THRESHOLDS"_s, u"0"_s);
        const QByteArray said = run("glibc-thresholds", environment);
        QVERIFY2(said.isEmpty(), said.constData());
    }

    void theUsersTunablesWin()
    {
        QProcessEnvironment environment = cleanEnvironment();
        environment.insert(u"GLIBC_TUNABLES"_s, u"glibc.malloc.mmap_threshold=131072"_s);
        const QByteArray said = run("glibc-thresholds", environment);
        QVERIFY2(said.isEmpty(), said.constData());
    }
};

int main(int argc, char **argv)
{
    // Before QCoreApplication, as in main(): the child's heap is the case's alone.
    if (argc == 3 && QByteArrayView(argv[1]) == "--case")
        return runCase(argv[2]);
    QCoreApplication app(argc, argv);
    TestMallocTuning test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_malloctuning.moc"
