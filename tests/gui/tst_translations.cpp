// The German and French translations as the programs load them: installTranslations() picks one by
// locale, the core's messages (with their plural forms), the window's actions and menus and the Designer
// form come out in that language (with accelerators that do not clash, and texts that fit the window),
// and quiver-cli follows LANG/LANGUAGE/LC_ALL as a user would set them.

#include "appsettings.h"
#include "engine/downloadengine.h"
#include "queue/downloadstate.h"
#include "mainwindow.h"
#include "disk/partfile.h"
#include "queue/queuemodel.h"
#include "settingsdialog.h"
#include "queue/transfererror.h"
#include "util/translations.h"
#include "util/units.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

void removeTranslators()
{
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// The letters after '&' in the texts; a letter used twice is a clash.
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QString> byLetter;
    QStringList found;
    for (const QString &text : texts) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(text);
        if (mnemonic.isEmpty())
            continue;
        const qsizetype at = text.indexOf(u'&');
        const QChar letter = text.at(at + 1).toLower();
        if (byLetter.contains(letter))
            found.append(u"“%1” and “%2”"_s.arg(byLetter.value(letter), text));
        byLetter.insert(letter, text);
    }
    return found;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { removeTranslators(); }
    void picksTheLanguage_data();
    void picksTheLanguage();
    void coreInGerman();
    void coreInFrench();
    void numbersAndUnits_data();
    void numbersAndUnits();
    void windowInLanguage_data();
    void windowInLanguage();
    void cliFollowsTheEnvironment_data();
    void cliFollowsTheEnvironment();
    void cliHelpInFrench();
};

void TestTranslations::picksTheLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("installed");
    QTest::newRow("de_DE") << u"de_DE"_s << u"de"_s;
    QTest::newRow("de_AT") << u"de_AT"_s << u"de"_s;
    QTest::newRow("de_CH") << u"de_CH"_s << u"de"_s;
    QTest::newRow("fr_FR") << u"fr_FR"_s << u"fr"_s;
    QTest::newRow("fr_BE") << u"fr_BE"_s << u"fr"_s;
    QTest::newRow("fr_CA") << u"fr_CA"_s << u"fr"_s;
    QTest::newRow("fr_CH") << u"fr_CH"_s << u"fr"_s;
    // English is the source language: nothing to install.
    QTest::newRow("en_US") << u"en_US"_s << QString();
    QTest::newRow("en_GB") << u"en_GB"_s << QString();
    QTest::newRow("C") << u"C"_s << QString();
    // No Quiver translation: the strings stay English.
    QTest::newRow("it_IT") << u"it_IT"_s << QString();
}

void TestTranslations::picksTheLanguage()
{
    QFETCH(QString, locale);
    QFETCH(QString, installed);
    QCOMPARE(installTranslations(QLocale(locale)), installed);
    const QString start = QCoreApplication::translate("Quiver::WindowActions", "&Start");
    const QHash<QString, QString> expected{{QString(), u"&Start"_s}, {u"de"_s, u"&Starten"_s}, {u"fr"_s, u"&Démarrer"_s}};
    QCOMPARE(start, expected.value(installed));
}

void TestTranslations::coreInGerman()
{
    QCOMPARE(installTranslations(QLocale(QLocale::German, QLocale::Germany)), u"de"_s);

    QCOMPARE(httpStatusMessage(404, "Not Found"),
             u"Der Server antwortete mit 404 Not Found: Die Datei ist nicht vorhanden. Prüfen Sie den Link."_s);
    QCOMPARE(httpStatusMessage(503, {}),
             u"Der Server antwortete mit 503: Der Server ist überlastet oder wegen Wartungsarbeiten nicht erreichbar."_s);
    QCOMPARE(stateName(DownloadState::Paused), u"Pausiert"_s);
    QCOMPARE(stateName(DownloadState::Queued), u"In Warteschlange"_s);

    // German has two plural forms; %n picks one.
    const char *recovered = "The session file “%1” could not be read in full: %2. %n item(s) recovered.%3";
    QVERIFY(QCoreApplication::translate("Quiver::SessionStore", recovered, nullptr, 1).contains(u"1 Eintrag wiederhergestellt"_s));
    QVERIFY(QCoreApplication::translate("Quiver::SessionStore", recovered, nullptr, 3).contains(u"3 Einträge wiederhergestellt"_s));

    // A file error is put together from pieces; every piece must come out in German.
    QTemporaryDir scratch;
    PartFile part;
    const ThreadTurn::Scope turn(part.turn());
    QVERIFY(!part.open(QDir(scratch.path()).filePath(u"gone/x.part"_s), 0));
    QVERIFY2(part.errorString().startsWith(u"Der Ordner existiert nicht (mehr):"_s), qPrintable(part.errorString()));
    QVERIFY2(part.errorString().endsWith(u"Prüfen Sie den Ordner und wählen Sie dann „Erneut versuchen“."_s),
             qPrintable(part.errorString()));

    // Qt's own strings come along where Debian's qt6-translations-l10n is installed.
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
}

// French typography: a no-break space before a colon, a narrow one before ; ? ! and inside « ».
void TestTranslations::coreInFrench()
{
    QCOMPARE(installTranslations(QLocale(QLocale::French, QLocale::France)), u"fr"_s);

    QCOMPARE(httpStatusMessage(404, "Not Found"),
             u"Le serveur a répondu 404 Not Found\u00A0: le fichier est introuvable. Vérifiez le lien."_s);
    QCOMPARE(httpStatusMessage(503, {}),
             u"Le serveur a répondu 503\u00A0: le serveur est surchargé ou en maintenance."_s);
    QCOMPARE(stateName(DownloadState::Paused), u"Suspendu"_s);
    QCOMPARE(stateName(DownloadState::Queued), u"En attente"_s);

    // French has two plural forms, and 0 takes the singular as 1 does.
    const char *recovered = "The session file “%1” could not be read in full: %2. %n item(s) recovered.%3";
    const auto inFrench = [recovered](int n) {
        return QCoreApplication::translate("Quiver::SessionStore", recovered, nullptr, n);
    };
    QVERIFY2(inFrench(0).contains(u"0 élément récupéré."_s), qPrintable(inFrench(0)));
    QVERIFY2(inFrench(1).contains(u"1 élément récupéré."_s), qPrintable(inFrench(1)));
    QVERIFY2(inFrench(3).contains(u"3 éléments récupérés."_s), qPrintable(inFrench(3)));
    QVERIFY2(inFrench(3).startsWith(u"Le fichier de session «\u202F%1\u202F» n’a pas pu être lu en entier\u00A0: %2."_s),
             qPrintable(inFrench(3)));

    // A file error is put together from pieces; every piece must come out in French.
    QTemporaryDir scratch;
    PartFile part;
    const ThreadTurn::Scope turn(part.turn());
    QVERIFY(!part.open(QDir(scratch.path()).filePath(u"gone/x.part"_s), 0));
    QVERIFY2(part.errorString().startsWith(u"Le dossier n’existe pas (ou plus)\u00A0: Quiver n’a pas pu "_s),
             qPrintable(part.errorString()));
    QVERIFY2(part.errorString().endsWith(u"Vérifiez le dossier, puis choisissez «\u202FRéessayer\u202F»."_s),
             qPrintable(part.errorString()));

    // Units: octets, not bytes.
    QCOMPARE(QCoreApplication::translate("Quiver::Units", "MiB"), u"Mio"_s);

    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_fr.qm"_s))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Annuler"_s);
}

// Sizes and percentages as each language writes them, the number never on another line than its unit
// (a no-break space between them): "1.5 MiB" and "45%" in English, "1,5 Mio" and "45 %" in French,
// "1,5 MiB" and "45 %" in German. The window's table, the status bar and quiver-cli all use these.
void TestTranslations::numbersAndUnits_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("progress");
    QTest::addColumn<QString>("percent");
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << u"1.5\u00A0MiB"_s
                        << u"12.4 / 80.0\u00A0MiB"_s << u"45%"_s;
    QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France) << u"1,5\u00A0Mio"_s
                        << u"12,4 / 80,0\u00A0Mio"_s << u"45\u00A0%"_s;
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << u"1,5\u00A0MiB"_s
                        << u"12,4 / 80,0\u00A0MiB"_s << u"45\u00A0%"_s;
}

void TestTranslations::numbersAndUnits()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, size);
    QFETCH(QString, progress);
    QFETCH(QString, percent);
    installTranslations(locale);
    const QLocale before;
    QLocale::setDefault(locale);
    const QString bytes = Units::bytes(1572864);
    const QString both = Units::progress(13002342, 83886080);
    const QString shown = Units::percent(45);
    QLocale::setDefault(before);
    QCOMPARE(bytes, size);
    QCOMPARE(both, progress);
    QCOMPARE(shown, percent);
}

void TestTranslations::windowInLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QStringList>("texts");   // Start, Resume, Retry, Start All, Progress, File menu, Settings, Browse
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany)
                        << QStringList{u"&Starten"_s, u"&Fortsetzen"_s, u"Erneut &versuchen"_s, u"Alle starten"_s,
                                       u"Fortschritt"_s, u"&Datei"_s, u"Einstellungen"_s, u"&Durchsuchen…"_s};
    QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France)
                        << QStringList{u"&Démarrer"_s, u"&Reprendre"_s, u"Ré&essayer"_s, u"Tout démarrer"_s,
                                       u"Progression"_s, u"&Fichier"_s, u"Paramètres"_s, u"&Parcourir…"_s};
}

void TestTranslations::windowInLanguage()
{
    QFETCH(QLocale, locale);
    QFETCH(QStringList, texts);
    QCOMPARE(installTranslations(locale), QLocale::languageToCode(locale.language()));
    QTemporaryDir dir;
    AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
    settings.setDownloadDirectory(dir.path());
    MainWindow window(&settings);

    QCOMPARE(window.action(MainWindow::Action::Start)->text(), texts[0]);
    QCOMPARE(window.action(MainWindow::Action::Resume)->text(), texts[1]);
    QCOMPARE(window.action(MainWindow::Action::Retry)->text(), texts[2]);
    QCOMPARE(window.action(MainWindow::Action::StartAll)->text(), texts[3]);
    // A shortcut written in tr() must still parse: "Strg+P" would not.
    QCOMPARE(window.action(MainWindow::Action::Pause)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QCOMPARE(window.queueView()->model()->headerData(QueueModel::ProgressColumn, Qt::Horizontal).toString(),
             texts[4]);

    // The longer German and French texts fit the window's first size: every toolbar button on the bar (none in its
    // overflow menu), every column title whole.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.width(), 1180);
    auto *bar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(bar);
    for (QAction *action : bar->actions()) {
        if (action->isSeparator())
            continue;
        const QWidget *button = bar->widgetForAction(action);
        QVERIFY2(button && button->isVisible(), qPrintable(action->text() + u" is not on the toolbar"_s));
    }
    const QHeaderView *header = window.queueView()->horizontalHeader();
    for (int column = 0; column < header->count() - 1; ++column)
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(window.queueView()->model()->headerData(column, Qt::Horizontal).toString()));

    // No two entries of one menu, nor two menus of the menu bar, share an accelerator.
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    QCOMPARE(titles.value(0), texts[5]);
    QStringList problems = clashes(titles);
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        QStringList texts;
        for (QAction *action : menu->actions())
            texts.append(action->text());
        problems.append(clashes(texts));
    }

    // The Designer form's strings are translated too, and its labels and buttons do not clash either.
    SettingsDialog dialog(&settings, &window);
    QCOMPARE(dialog.windowTitle(), texts[6]);
    QStringList formTexts;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        formTexts.append(label->text());
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        formTexts.append(button->text());
    QVERIFY(formTexts.contains(texts[7]));
    problems.append(clashes(formTexts));
    QVERIFY2(problems.isEmpty(), qPrintable(u"accelerators clash: "_s + problems.join(u"; "_s)));
}

void TestTranslations::cliFollowsTheEnvironment_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected");
    const QString german = u"Keine Links angegeben."_s;
    const QString french = u"Aucun lien indiqué. Passez des URL en arguments"_s;
    const QString english = u"No links given."_s;
    QTest::newRow("LANGUAGE=de") << QStringList{u"LANGUAGE=de"_s} << german;
    QTest::newRow("LANG=de_DE.UTF-8") << QStringList{u"LANG=de_DE.UTF-8"_s} << german;
    QTest::newRow("LC_ALL=de_AT.UTF-8") << QStringList{u"LC_ALL=de_AT.UTF-8"_s} << german;
    QTest::newRow("LANGUAGE=fr") << QStringList{u"LANGUAGE=fr"_s} << french;
    QTest::newRow("LANG=fr_FR.UTF-8") << QStringList{u"LANG=fr_FR.UTF-8"_s} << french;
    QTest::newRow("LC_ALL=fr_FR.UTF-8") << QStringList{u"LC_ALL=fr_FR.UTF-8"_s} << french;
    QTest::newRow("LC_ALL=fr_CA.UTF-8") << QStringList{u"LC_ALL=fr_CA.UTF-8"_s} << french;
    // The first language of the list that Quiver has wins.
    QTest::newRow("LANGUAGE=fr:de") << QStringList{u"LANGUAGE=fr:de"_s} << french;
    QTest::newRow("LANGUAGE=de:fr") << QStringList{u"LANGUAGE=de:fr"_s} << german;
    QTest::newRow("LANGUAGE=it:fr") << QStringList{u"LANGUAGE=it:fr"_s} << french;
    // English first in the list: the user prefers the original to the German.
    QTest::newRow("LANGUAGE=en:de") << QStringList{u"LANGUAGE=en:de"_s} << english;
    QTest::newRow("LANGUAGE=en:fr") << QStringList{u"LANGUAGE=en:fr"_s} << english;
    QTest::newRow("LANG=C") << QStringList{u"LANG=C"_s} << english;
    QTest::newRow("LANG=en_US.UTF-8") << QStringList{u"LANG=en_US.UTF-8"_s} << english;
}

void TestTranslations::cliFollowsTheEnvironment()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    for (const QString &setting : environment)
        env.insert(setting.section(u'=', 0, 0), setting.section(u'=', 1));

    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("QUIVER_CLI"), {});
    QVERIFY2(cli.waitForFinished(30000), qPrintable(cli.errorString()));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(err.contains(expected), qPrintable(err));
}

// The help a French user reads: Quiver's option texts, and Qt's own headings where Qt's French is installed.
void TestTranslations::cliHelpInFrench()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"LC_ALL"_s, u"fr_FR.UTF-8"_s);

    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("QUIVER_CLI"), {u"--help"_s});
    QVERIFY2(cli.waitForFinished(30000), qPrintable(cli.errorString()));
    const QString help = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(help.contains(u"Télécharge de nombreux fichiers à la fois"_s), qPrintable(help));
    // The option texts are wrapped to the terminal's width: look at their first words only.
    QVERIFY2(help.contains(u"Lire les liens depuis FICHIER (- pour"_s), qPrintable(help));
    QVERIFY2(help.contains(u"<DOSSIER>"_s), qPrintable(help));
    QVERIFY2(!help.contains(u"Read links from"_s), qPrintable(help));
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_fr.qm"_s))
        QVERIFY2(help.contains(u"Afficher les informations de version."_s), qPrintable(help));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
