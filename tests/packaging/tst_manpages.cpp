// The man pages (packaging/man) document every option that `quiver --help` and `quiver-cli --help` list,
// so a new option cannot ship without its page line.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// "-i, --input <FILE>  Read links..." -> {"-i", "--input"}: the option names at the start of --help's lines.
QStringList optionsOf(const QString &help)
{
    QStringList options;
    static const QRegularExpression line(u"^  (-[^ ].*?)(?:  |$)"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression name(u"--?[A-Za-z0-9][A-Za-z0-9-]*"_s);
    for (const QRegularExpressionMatch &match : line.globalMatch(help)) {
        for (const QRegularExpressionMatch &option : name.globalMatch(match.captured(1)))
            options.append(option.captured());
    }
    return options;
}

QString helpOf(const QString &program)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.start(program, {u"--help"_s});
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The page's text as a reader sees the option names: groff's "\-" is a plain hyphen.
QString pageText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).replace(u"\\-"_s, u"-"_s);
}

} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void everyOptionIsDocumented_data();
    void everyOptionIsDocumented();
};

void TestManPages::everyOptionIsDocumented_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("page");
    QTest::newRow("quiver") << QStringLiteral(QUIVER_GUI) << QStringLiteral(QUIVER_MAN_DIR "/quiver.1");
    QTest::newRow("quiver-cli") << QStringLiteral(QUIVER_CLI_PATH) << QStringLiteral(QUIVER_MAN_DIR "/quiver-cli.1");
}

void TestManPages::everyOptionIsDocumented()
{
    QFETCH(QString, program);
    QFETCH(QString, page);
    const QStringList options = optionsOf(helpOf(program));
    QVERIFY2(options.contains(u"--help"_s), "could not read the options from --help");
    const QString text = pageText(page);
    QVERIFY2(!text.isEmpty(), qPrintable(page));
    QStringList missing;
    for (const QString &option : options) {
        // As a word of its own: "--retry" must not count as documented because "--retry-wait" is.
        const QRegularExpression word(u"(?<![A-Za-z0-9-])"_s + QRegularExpression::escape(option)
                                      + u"(?![A-Za-z0-9-])"_s);
        if (!text.contains(word))
            missing.append(option);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(page + u" lacks "_s + missing.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
