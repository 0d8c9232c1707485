#include "engineseditor.h"

#include "errortext.h"
#include "remote/secretfile.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

// The sentence that says what is wrong with the form, or nothing when it can be stored.
QString problemWith(const QString &name, const QUrl &address, bool needsToken, const QByteArray &token,
                    const QStringList &takenNames)
{
    if (name.isEmpty())
        return EnginesEditor::tr("Give the engine a name, such as “NAS”.");
    if (takenNames.contains(name, Qt::CaseInsensitive) || name.compare(EnginesEditor::tr("This computer"), Qt::CaseInsensitive) == 0)
        return EnginesEditor::tr("Another engine has this name. Choose another.");
    const QString scheme = address.scheme().toLower();
    if (!address.isValid() || address.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1))
        return EnginesEditor::tr("The address must be aria2's RPC address, such as http://nas.local:6800/jsonrpc.");
    if (!address.userInfo().isEmpty())
        return EnginesEditor::tr("Put the secret token in its own field, not in the address.");
    if (needsToken && token.isEmpty())
        return EnginesEditor::tr("Give the secret token aria2 was started with (--rpc-secret).");
    return {};
}

} // namespace

EnginesEditor::EnginesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_list->setObjectName(u"enginesList"_s);
    m_list->setAccessibleName(tr("Engines"));
    m_list->setHeaderLabels({tr("Name"), tr("Address")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) * 6 : 120);

    auto *add = new QPushButton(tr("Add…"), this);
    add->setObjectName(u"addEngineButton"_s);
    m_edit->setObjectName(u"editEngineButton"_s);
    m_remove->setObjectName(u"removeEngineButton"_s);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    auto *hint = new QLabel(tr("Downloads run on this computer, or on an aria2 daemon (a NAS, a server) "
                               "you add here and choose when adding links."), this);
    hint->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
    layout->addLayout(row);

    connect(add, &QPushButton::clicked, this, &EnginesEditor::addEngine);
    connect(m_edit, &QPushButton::clicked, this, &EnginesEditor::editEngine);
    connect(m_remove, &QPushButton::clicked, this, &EnginesEditor::removeEngine);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &EnginesEditor::editEngine);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &EnginesEditor::refresh);
    refresh();
}

void EnginesEditor::load(const AppSettings *settings)
{
    m_settings = settings;
    m_engines = settings->remoteEngines();
    m_tokens.clear();
    m_list->clear();
    for (const RemoteEngineSetting &engine : std::as_const(m_engines))
        new QTreeWidgetItem(m_list, {engine.name, engine.address.toDisplayString()});
    refresh();
}

bool EnginesEditor::save(AppSettings *settings, QString *error)
{
    if (!settings->setRemoteEngines(m_engines, m_tokens, error))
        return false;
    m_tokens.clear();
    return true;
}

bool EnginesEditor::hasChanges(const AppSettings *settings) const
{
    return !m_tokens.isEmpty() || m_engines != settings->remoteEngines();
}

void EnginesEditor::refresh()
{
    const bool one = m_list->currentItem() && m_list->currentItem()->isSelected();
    m_edit->setEnabled(one);
    m_remove->setEnabled(one);
}

bool EnginesEditor::askFor(RemoteEngineSetting &engine, QByteArray &token, bool isNew)
{
    QDialog dialog(this);
    dialog.setObjectName(u"engineDialog"_s);
    dialog.setWindowTitle(isNew ? tr("Add Engine") : tr("Edit Engine"));
    auto *name = new QLineEdit(engine.name, &dialog);
    name->setObjectName(u"engineName"_s);
    name->setPlaceholderText(tr("NAS"));
    auto *address = new QLineEdit(engine.address.toString(), &dialog);
    address->setObjectName(u"engineAddress"_s);
    address->setPlaceholderText(u"http://nas.local:6800/jsonrpc"_s);
    auto *secret = new QLineEdit(&dialog);
    secret->setObjectName(u"engineToken"_s);
    secret->setEchoMode(QLineEdit::Password);
    secret->setPlaceholderText(isNew ? tr("aria2's --rpc-secret") : tr("unchanged"));
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(u"engineProblem"_s);
    problem->setWordWrap(true);
    problem->setPalette(errorTextPalette(problem->palette()));
    problem->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), name);
    form->addRow(tr("RPC address:"), address);
    form->addRow(tr("Secret token:"), secret);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60);

    QStringList taken;
    for (const RemoteEngineSetting &other : std::as_const(m_engines)) {
        if (isNew || other.name != engine.name)
            taken.append(other.name);
    }
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const QString why = problemWith(name->text().trimmed(), QUrl::fromUserInput(address->text().trimmed()),
                                        isNew, secret->text().toUtf8(), taken);
        problem->setText(why);
        problem->setVisible(!why.isEmpty());
        if (why.isEmpty())
            dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return false;
    engine.name = name->text().trimmed();
    engine.address = QUrl::fromUserInput(address->text().trimmed());
    token = secret->text().toUtf8();
    return true;
}

void EnginesEditor::addEngine()
{
    RemoteEngineSetting engine;
    QByteArray token;
    if (!askFor(engine, token, true))
        return;
    m_engines.append(engine);
    m_tokens.insert(engine.name, token);
    new QTreeWidgetItem(m_list, {engine.name, engine.address.toDisplayString()});
    emit edited();
}

void EnginesEditor::editEngine()
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (index < 0)
        return;
    RemoteEngineSetting engine = m_engines.at(index);
    const QString oldName = engine.name;
    QByteArray token;
    if (!askFor(engine, token, false))
        return;
    // A renamed engine keeps its token: it moves to the new name's file when saved.
    if (engine.name != oldName && token.isEmpty()) {
        token = m_tokens.take(oldName);
        if (token.isEmpty() && m_settings) {
            // Read now: the file under the old name goes when the list is saved.
            QString unreadable;
            token = Aria2::readSecretFile(m_settings->tokenFileOf(oldName), &unreadable).value_or(QByteArray());
        }
    }
    m_engines[index] = engine;
    if (!token.isEmpty())
        m_tokens.insert(engine.name, token);
    m_list->topLevelItem(index)->setText(0, engine.name);
    m_list->topLevelItem(index)->setText(1, engine.address.toDisplayString());
    emit edited();
}

void EnginesEditor::removeEngine()
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (index < 0)
        return;
    m_tokens.remove(m_engines.at(index).name);
    m_engines.removeAt(index);
    delete m_list->takeTopLevelItem(index);
    emit edited();
}

} // namespace Quiver
