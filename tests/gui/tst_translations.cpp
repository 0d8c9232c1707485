// The German translation as the programs load it: installTranslations() picks it by locale, the core's
// messages, the window's actions and menus and the Designer form come out in German (with accelerators
// that do not clash), and quiver-cli follows LANG/LANGUAGE as a user would set them.

#include "appsettings.h"
#include "engine/downloadengine.h"
#include "queue/downloadstate.h"
#include "mainwindow.h"
#include "disk/partfile.h"
#include "queue/queuemodel.h"
#include "settingsdialog.h"
#include "queue/transfererror.h"
#include "util/translations.h"

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
    void windowInGerman();
    void cliFollowsTheEnvironment_data();
    void cliFollowsTheEnvironment();
};

void TestTranslations::picksTheLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("installed");
    QTest::newRow("de_DE") << u"de_DE"_s << u"de"_s;
    QTest::newRow("de_AT") << u"de_AT"_s << u"de"_s;
    QTest::newRow("de_CH") << u"de_CH"_s << u"de"_s;
    // English is the source language: nothing to install.
    QTest::newRow("en_US") << u"en_US"_s << QString();
    QTest::newRow("en_GB") << u"en_GB"_s << QString();
    QTest::newRow("C") << u"C"_s << QString();
    // No Quiver translation yet: the strings stay English.
    QTest::newRow("fr_FR") << u"fr_FR"_s << QString();
}

void TestTranslations::picksTheLanguage()
{
    QFETCH(QString, locale);
    QFETCH(QString, installed);
    QCOMPARE(installTranslations(QLocale(locale)), installed);
    const QString start = QCoreApplication::translate("Quiver::WindowActions", "&Start");
    QCOMPARE(start, installed.isEmpty() ? u"&Start"_s : u"&Starten"_s);
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

void TestTranslations::windowInGerman()
{
    QCOMPARE(installTranslations(QLocale(QLocale::German, QLocale::Germany)), u"de"_s);
    QTemporaryDir dir;
    AppSettings settings(QDir(dir.path()).filePath(u"quiver.ini"_s));
    settings.setDownloadDirectory(dir.path());
    MainWindow window(&settings);

    QCOMPARE(window.action(MainWindow::Action::Start)->text(), u"&Starten"_s);
    QCOMPARE(window.action(MainWindow::Action::Resume)->text(), u"&Fortsetzen"_s);
    QCOMPARE(window.action(MainWindow::Action::Retry)->text(), u"Erneut &versuchen"_s);
    QCOMPARE(window.action(MainWindow::Action::StartAll)->text(), u"Alle starten"_s);
    // A shortcut written in tr() must still parse: "Strg+P" would not.
    QCOMPARE(window.action(MainWindow::Action::Pause)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QCOMPARE(window.queueView()->model()->headerData(QueueModel::ProgressColumn, Qt::Horizontal).toString(),
             u"Fortschritt"_s);

    // The longer German texts fit the window's first size: every toolbar button on the bar (none in its
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
    QCOMPARE(titles.value(0), u"&Datei"_s);
    QStringList problems = clashes(titles);
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        QStringList texts;
        for (QAction *action : menu->actions())
            texts.append(action->text());
        problems.append(clashes(texts));
    }

    // The Designer form's strings are translated too, and its labels and buttons do not clash either.
    SettingsDialog dialog(&settings, &window);
    QCOMPARE(dialog.windowTitle(), u"Einstellungen"_s);
    QStringList formTexts;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        formTexts.append(label->text());
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        formTexts.append(button->text());
    QVERIFY(formTexts.contains(u"&Durchsuchen…"_s));
    problems.append(clashes(formTexts));
    QVERIFY2(problems.isEmpty(), qPrintable(u"accelerators clash: "_s + problems.join(u"; "_s)));
}

void TestTranslations::cliFollowsTheEnvironment_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected");
    const QString german = u"Keine Links angegeben."_s;
    const QString english = u"No links given."_s;
    QTest::newRow("LANGUAGE=de") << QStringList{u"LANGUAGE=de"_s} << german;
    QTest::newRow("LANG=de_DE.UTF-8") << QStringList{u"LANG=de_DE.UTF-8"_s} << german;
    QTest::newRow("LC_ALL=de_AT.UTF-8") << QStringList{u"LC_ALL=de_AT.UTF-8"_s} << german;
    QTest::newRow("LANGUAGE=fr:de") << QStringList{u"LANGUAGE=fr:de"_s} << german;
    // English first in the list: the user prefers the original to the German.
    QTest::newRow("LANGUAGE=en:de") << QStringList{u"LANGUAGE=en:de"_s} << english;
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

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
