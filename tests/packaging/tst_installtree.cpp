// `cmake --install` into a temporary DESTDIR puts every file where a distribution expects it, and the
// installed quiver-cli finds its translations in the installed tree (share/quiver/translations, found
// relative to its own folder), not only the copy built into it.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment environmentWith(const QString &language)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"LANGUAGE"_s, language);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    return env;
}

// What the program prints on standard error when started without any link (exit status 2).
QString noLinksMessage(const QString &program, const QString &language)
{
    QProcess process;
    process.setProcessEnvironment(environmentWith(language));
    process.start(program, {});
    if (!process.waitForFinished(30000))
        return u"did not finish: "_s + process.errorString();
    return QString::fromUtf8(process.readAllStandardError());
}

} // namespace

class TestInstallTree : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filesAreInTheirPlaces_data();
    void filesAreInTheirPlaces();
    void programsAreExecutable();
    void installedCliSpeaksGerman();
    void installedTranslationsComeFirst();

private:
    QTemporaryDir m_destdir;
    QString m_prefix;   // DESTDIR + /usr
};

void TestInstallTree::initTestCase()
{
    QVERIFY(m_destdir.isValid());
    QProcess install;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESTDIR"_s, m_destdir.path());
    install.setProcessEnvironment(env);
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(QStringLiteral(QUIVER_CMAKE),
                  {u"--install"_s, QStringLiteral(QUIVER_BUILD_DIR), u"--prefix"_s, u"/usr"_s});
    QVERIFY2(install.waitForFinished(120000), qPrintable(install.errorString()));
    QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
             install.readAll().constData());
    m_prefix = m_destdir.path() + u"/usr"_s;
}

void TestInstallTree::filesAreInTheirPlaces_data()
{
    QTest::addColumn<QString>("path");
    const QString appId = u"io.github.quiver.Quiver"_s;
    QTest::newRow("quiver") << u"bin/quiver"_s;
    QTest::newRow("quiver-cli") << u"bin/quiver-cli"_s;
    QTest::newRow("desktop file") << u"share/applications/%1.desktop"_s.arg(appId);
    QTest::newRow("metainfo") << u"share/metainfo/%1.metainfo.xml"_s.arg(appId);
    QTest::newRow("scalable icon") << u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId);
    for (const QString &size : QStringLiteral(QUIVER_ICON_SIZES).split(u'|'))
        QTest::addRow("%s px icon", qPrintable(size))
            << u"share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size, appId);
    QTest::newRow("quiver(1)") << u"share/man/man1/quiver.1.gz"_s;
    QTest::newRow("quiver-cli(1)") << u"share/man/man1/quiver-cli.1.gz"_s;
    for (const QString &ts : QStringLiteral(QUIVER_TS_FILES).split(u'|')) {
        const QString qm = QFileInfo(ts).completeBaseName() + u".qm"_s;
        QTest::addRow("%s", qPrintable(qm)) << u"share/quiver/translations/"_s + qm;
    }
    QTest::newRow("copyright") << u"share/doc/quiver/copyright"_s;
    QTest::newRow("changelog") << u"share/doc/quiver/changelog.gz"_s;
}

void TestInstallTree::filesAreInTheirPlaces()
{
    QFETCH(QString, path);
    const QFileInfo file(m_prefix + u'/' + path);
    QVERIFY2(file.isFile(), qPrintable(path + u" is missing from the installed tree"_s));
    QVERIFY2(file.size() > 0, qPrintable(path + u" is empty"_s));
}

void TestInstallTree::programsAreExecutable()
{
    for (const QString name : {u"quiver"_s, u"quiver-cli"_s}) {
        const QFileInfo program(m_prefix + u"/bin/"_s + name);
        QVERIFY2(program.isExecutable(), qPrintable(name));
    }
}

// The installed program, not the build tree's: the build tree's next folder has no share/quiver.
void TestInstallTree::installedCliSpeaksGerman()
{
    const QString cli = m_prefix + u"/bin/quiver-cli"_s;
    QVERIFY2(noLinksMessage(cli, u"de"_s).contains(u"Keine Links angegeben."_s), qPrintable(noLinksMessage(cli, u"de"_s)));
    QVERIFY(noLinksMessage(cli, u"en"_s).contains(u"No links given."_s));
}

// A language that only the installed folder has (a copy of the German file under another name) is
// used: the installed translations are read, and before the built-in ones.
void TestInstallTree::installedTranslationsComeFirst()
{
    const QString folder = m_prefix + u"/share/quiver/translations/"_s;
    QVERIFY(QFile::copy(folder + u"quiver_de.qm"_s, folder + u"quiver_eo.qm"_s));
    const QString message = noLinksMessage(m_prefix + u"/bin/quiver-cli"_s, u"eo"_s);
    QVERIFY2(message.contains(u"Keine Links angegeben."_s), qPrintable(message));
    QVERIFY(QFile::remove(folder + u"quiver_eo.qm"_s));
    QVERIFY(noLinksMessage(m_prefix + u"/bin/quiver-cli"_s, u"eo"_s).contains(u"No links given."_s));
}

QTEST_GUILESS_MAIN(TestInstallTree)
#include "tst_installtree.moc"
