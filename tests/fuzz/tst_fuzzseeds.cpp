// Runs one fuzz target over its checked-in seed corpus in every build, so the fuzzers' properties are
// checked by the ordinary test suite (with any compiler) and the harnesses cannot rot between fuzzing
// runs. A broken property aborts with its reason, which fails the test.

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class tst_FuzzSeeds final : public QObject
{
    Q_OBJECT

private slots:
    void seed_data();
    void seed();
};

void tst_FuzzSeeds::seed_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(QUIVER_FUZZ_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    // An empty or missing corpus would make this test pass without checking anything.
    QVERIFY2(files.size() >= 3, qPrintable(corpus.path()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void tst_FuzzSeeds::seed()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray data = file.readAll();
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())), 0);
}

QTEST_GUILESS_MAIN(tst_FuzzSeeds)
#include "tst_fuzzseeds.moc"
