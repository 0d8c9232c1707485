// src/README.md says which way the folders of src/core depend; this keeps it true. An include that
// points the wrong way (queue/ reaching into http/, core reaching into the window) fails here with the
// file and line, before it turns the layers into a knot.

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The folders each folder may include from, besides itself (src/README.md, "Which way the folders depend").
const QHash<QString, QSet<QString>> allowed = {
    {u"util"_s, {}},
    {u"links"_s, {u"util"_s}},
    {u"queue"_s, {u"links"_s, u"util"_s}},
    {u"disk"_s, {u"queue"_s, u"links"_s, u"util"_s}},
    {u"http"_s, {u"disk"_s, u"queue"_s, u"links"_s, u"util"_s}},
    {u"session"_s, {u"queue"_s, u"links"_s, u"util"_s}},
    {u"remote"_s, {u"queue"_s, u"links"_s, u"util"_s}},
    {u"engine"_s, {u"remote"_s, u"http"_s, u"disk"_s, u"session"_s, u"queue"_s, u"links"_s, u"util"_s}},
};

struct Include {
    QString file;   // relative to src/core
    int line = 0;
    QString target; // as written between the quotes or brackets
    bool quoted = false;
};

QList<Include> includesIn(const QString &coreDir)
{
        // (moc's tokenizer trips over raw string literals, so this one is escaped by hand.)
    static const QRegularExpression includeLine(u"^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"_s);
    QList<Include> result;
    QDirIterator it(coreDir, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("cannot read %s", qPrintable(path));
        int number = 0;
        while (!file.atEnd()) {
            ++number;
            const QString text = QString::fromUtf8(file.readLine());
            const auto match = includeLine.match(text);
            if (match.hasMatch())
                result.append({QDir(coreDir).relativeFilePath(path), number, match.captured(2),
                               match.captured(1) == u"\""_s});
        }
    }
    return result;
}
} // namespace

class TestLayout final : public QObject
{
    Q_OBJECT

private slots:
    void everyCoreFileSitsInAFolderOfItsConcern()
    {
        const QDir core(QStringLiteral(QUIVER_SOURCE_DIR "/src/core"));
        const QStringList loose = core.entryList({u"*.h"_s, u"*.cpp"_s}, QDir::Files);
        QVERIFY2(loose.isEmpty(), qPrintable(u"Files directly in src/core: "_s + loose.join(u", "_s)));
        const QStringList folders = core.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &folder : folders)
            QVERIFY2(allowed.contains(folder), qPrintable(u"src/core/"_s + folder + u" is not in src/README.md's list"_s));
    }

    void includesFollowTheDependencyDirection()
    {
        const QString coreDir = QStringLiteral(QUIVER_SOURCE_DIR "/src/core");
        const QList<Include> includes = includesIn(coreDir);
        QVERIFY(includes.size() > 100);   // the walk found the sources
        QStringList wrong;
        for (const Include &include : includes) {
            const QString from = include.file.section(u'/', 0, 0);
            const QString to = include.target.section(u'/', 0, 0);
            const bool quiverHeader = include.target.contains(u'/') && allowed.contains(to);
            if (include.target.startsWith(u"QtWidgets"_s) || include.target.startsWith(u"QWidget"_s)
                || include.target.startsWith(u"QApplication"_s) || include.target.startsWith(u"gui/"_s)
                || include.target.startsWith(u"cli/"_s)) {
                wrong.append(u"%1:%2 includes %3: src/core links only Qt Core and Network"_s
                                 .arg(include.file).arg(include.line).arg(include.target));
            } else if (quiverHeader && to != from && !allowed.value(from).contains(to)) {
                wrong.append(u"%1:%2 includes %3, but %4/ may not depend on %5/"_s
                                 .arg(include.file).arg(include.line).arg(include.target, from, to));
            } else if (include.quoted && !quiverHeader) {
                // A bare "name.h" hides which folder it comes from.
                wrong.append(u"%1:%2 includes \"%3\" without a folder of src/core"_s.arg(include.file).arg(include.line).arg(include.target));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
