// The .ts files in translations/ are complete and current: every entry translated (all plural forms),
// placeholders and accelerators kept, and no string of the code missing or left over. The last part
// runs lupdate over the sources into a copy of each .ts, as `cmake --build build --target
// update_translations` would, and compares the entries.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;                 // "", "unfinished", "vanished", "obsolete"
    QStringList translations;     // one, or one per plural form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString describe() const
    {
        return u"%1: “%2”%3"_s.arg(context, source, comment.isEmpty() ? QString() : u" (%1)"_s.arg(comment));
    }
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "TS"_L1) {
            ts.language = xml.attributes().value("language"_L1).toString();
        } else if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = Message{context, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}, {}};
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (name == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == "numerusform"_L1)
                        message.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations.append(xml.readElementText());
            }
            ts.messages.append(message);
        }
    }
    if (xml.hasError())
        ts.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QList<int> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(\\d+|n)"_s);
    QList<int> numbers;
    for (const auto &match : placeholder.globalMatch(text)) {
        const QString what = match.captured(1);
        numbers.append(what == "n"_L1 ? -1 : what.toInt());
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

int accelerators(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;   // "&&" is a literal ampersand
            continue;
        }
        if (!text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

// Plural forms Qt uses for a language (see the numerus rules in Qt Linguist); 0 when not listed here.
int pluralForms(const QString &language)
{
    const QString code = language.section(u'_', 0, 0);
    if (code == "de"_L1 || code == "en"_L1 || code == "es"_L1 || code == "it"_L1 || code == "nl"_L1
        || code == "fr"_L1 || code == "pt"_L1 || code == "sv"_L1 || code == "da"_L1 || code == "nb"_L1)
        return 2;
    if (code == "ja"_L1 || code == "zh"_L1 || code == "ko"_L1)
        return 1;
    if (code == "ru"_L1 || code == "uk"_L1 || code == "pl"_L1 || code == "cs"_L1)
        return 3;
    return 0;
}

// French puts a space before : ; ? ! and inside « », and it must not break there, or a line could begin
// with the colon. A plain space before them is the usual slip.
QString frenchSpacingProblem(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = text.at(i + 1);
        if (c == u' ' && (next == u':' || next == u';' || next == u'?' || next == u'!' || next == u'»'))
            return u"has a plain space before “%1”: use a no-break space (U+00A0 or U+202F)"_s.arg(next);
        if (c == u'«' && next == u' ')
            return u"has a plain space after “«”: use a no-break space (U+00A0 or U+202F)"_s;
    }
    return {};
}

QStringList tsFiles()
{
    return QString::fromUtf8(QUIVER_TS_FILES).split(u'|', Qt::SkipEmptyParts);
}

} // namespace

class TestTranslationFiles final : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void current_data() { complete_data(); }
    void current();
};

void TestTranslationFiles::complete_data()
{
    QTest::addColumn<QString>("path");
    QVERIFY(!tsFiles().isEmpty());
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslationFiles::complete()
{
    QFETCH(QString, path);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    const int forms = pluralForms(ts.language);

    QStringList problems;
    for (const Message &message : ts.messages) {
        const QString where = message.describe();
        if (!message.type.isEmpty()) {
            problems.append(u"%1 is %2"_s.arg(where, message.type));
            continue;
        }
        if (message.numerus && forms > 0 && message.translations.size() != forms)
            problems.append(u"%1 has %2 plural forms, %3 needs %4"_s.arg(where).arg(message.translations.size())
                                .arg(ts.language).arg(forms));
        for (const QString &translation : message.translations) {
            if (translation.isEmpty()) {
                problems.append(u"%1 has an empty translation"_s.arg(where));
                continue;
            }
            // Every %1, %2 ... (and %n) of the source, and no other.
            if (placeholders(translation) != placeholders(message.source))
                problems.append(u"%1: the placeholders of “%2” differ from the source's"_s.arg(where, translation));
            if (accelerators(translation) != accelerators(message.source))
                problems.append(u"%1: “%2” has %3 accelerators (&), the source %4"_s.arg(where, translation)
                                    .arg(accelerators(translation)).arg(accelerators(message.source)));
            if (ts.language.startsWith("fr"_L1)) {
                if (const QString why = frenchSpacingProblem(translation); !why.isEmpty())
                    problems.append(u"%1: “%2” %3"_s.arg(where, translation, why));
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslationFiles::current()
{
    QFETCH(QString, path);
    const QString lupdate = QString::fromUtf8(QUIVER_LUPDATE);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP(qPrintable(u"lupdate not found at %1 (Debian: apt-get install qt6-l10n-tools)"_s.arg(lupdate)));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The arguments of update_translations (translations/CMakeLists.txt), into the copy.
    QStringList arguments{u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"relative"_s};
    for (const QString &include : QString::fromUtf8(QUIVER_LUPDATE_INCLUDE_DIRS).split(u'|', Qt::SkipEmptyParts))
        arguments << u"-I"_s << include;
    arguments << u"@"_s + QString::fromUtf8(QUIVER_LUPDATE_SOURCE_LIST) << u"-ts"_s << copy;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, arguments);
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    const QString output = QString::fromLocal8Bit(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));

    const TsFile before = readTs(path);
    const TsFile after = readTs(copy);
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    QSet<QString> committed;
    for (const Message &message : before.messages)
        committed.insert(message.key());
    QSet<QString> inCode;
    QStringList problems;
    for (const Message &message : after.messages) {
        inCode.insert(message.key());
        if (!committed.contains(message.key()))
            problems.append(u"not in %1: %2"_s.arg(QFileInfo(path).fileName(), message.describe()));
    }
    for (const Message &message : before.messages) {
        if (!inCode.contains(message.key()))
            problems.append(u"no longer in the code: %1"_s.arg(message.describe()));
    }
    if (!problems.isEmpty())
        problems.append(u"Run `cmake --build build --target update_translations`, then translate the new entries."_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
