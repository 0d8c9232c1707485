// Desktop conventions. Every control of the main window and of its dialogs has a name a screen reader can say: its own
// accessibleName, its text (a button's, an action's), or the label it is the buddy of. The test asks Qt's
// accessibility layer (what an assistive tool sees), not the widgets, so a name that only shows as a
// picture counts as missing. And the actions that have a standard key on this platform (Copy, Paste,
// Delete, Open, Preferences, Quit) use it, so they follow the desktop's own bindings.

#include "appsettings.h"
#include "changelinkdialog.h"
#include "checksumsourcedialog.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace Qt::StringLiterals;
using namespace Quiver;

namespace {

// What the user can operate: takes the keyboard focus, or is a button (tool buttons in a toolbar do not).
bool isControl(const QWidget *widget)
{
    // A spin box's or combo box's own line edit is part of it for assistive tools, which name the box.
    if (qobject_cast<const QAbstractSpinBox *>(widget->parentWidget())
        || qobject_cast<const QComboBox *>(widget->parentWidget()))
        return false;
    if (qobject_cast<const QAbstractButton *>(widget))
        return true;
    return widget->focusPolicy() != Qt::NoFocus
        && (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
            || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
            || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QAbstractItemView *>(widget));
}

QString describe(const QWidget *widget)
{
    return u"%1 \"%2\""_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
}

// The controls under root, shown or not (a control shown later, like an error's button, needs its name
// too), whose accessible name is empty.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!isControl(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(describe(widget));
    }
    return unnamed;
}

int countControls(QWidget *root)
{
    int count = 0;
    for (QWidget *widget : root->findChildren<QWidget *>())
        count += isControl(widget) ? 1 : 0;
    return count;
}

} // namespace

class TestConventions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void mainWindowControlsHaveNames()
    {
        AppSettings settings(m_dir.filePath(u"window.ini"_s));
        MainWindow window(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(countControls(&window) >= 10);   // the walk really sees the window's controls
        const QStringList unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without an accessible name: "_s + unnamed.join(u", "_s)));
    }

    void standardActionsUseTheStandardKeys_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("key");
        QTest::newRow("Paste Links") << int(MainWindow::Action::AddLinks) << int(QKeySequence::Paste);
        QTest::newRow("Copy Link") << int(MainWindow::Action::CopyLink) << int(QKeySequence::Copy);
        QTest::newRow("Remove") << int(MainWindow::Action::Remove) << int(QKeySequence::Delete);
        QTest::newRow("Open File") << int(MainWindow::Action::OpenFile) << int(QKeySequence::Open);
        QTest::newRow("Settings") << int(MainWindow::Action::Settings) << int(QKeySequence::Preferences);
    }

    void standardActionsUseTheStandardKeys()
    {
        QFETCH(int, action);
        QFETCH(int, key);
        AppSettings settings(m_dir.filePath(u"keys.ini"_s));
        MainWindow window(&settings);
        const QList<QKeySequence> expected = QKeySequence::keyBindings(QKeySequence::StandardKey(key));
        QCOMPARE(window.action(MainWindow::Action(action))->shortcuts(), expected);
    }

    void quitUsesTheStandardKey()
    {
        AppSettings settings(m_dir.filePath(u"quit.ini"_s));
        MainWindow window(&settings);
        QAction *quit = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->menuRole() == QAction::QuitRole)
                quit = action;
        }
        QVERIFY(quit);
        QCOMPARE(quit->shortcuts(), QKeySequence::keyBindings(QKeySequence::Quit));
    }

    void settingsDialogControlsHaveNames()
    {
        AppSettings settings(m_dir.filePath(u"dialog.ini"_s));
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(countControls(&dialog) >= 8);
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without an accessible name: "_s + unnamed.join(u", "_s)));
    }

    void changeLinkDialogControlsHaveNames()
    {
        DownloadItem item;
        item.id = 1;
        item.url = QUrl(u"https://example.org/file.iso"_s);
        item.directory = m_dir.path();
        item.fileName = u"file.iso"_s;
        ChangeLinkDialog dialog(item, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(countControls(&dialog) >= 2);
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without an accessible name: "_s + unnamed.join(u", "_s)));
    }

    void checksumSourceDialogControlsHaveNames()
    {
        ChecksumSourceDialog dialog(m_dir.path(), nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(countControls(&dialog) >= 4);   // the field, Browse…, OK, Cancel
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without an accessible name: "_s + unnamed.join(u", "_s)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestConventions)
#include "tst_conventions.moc"
