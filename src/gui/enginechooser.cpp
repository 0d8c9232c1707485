#include "enginechooser.h"

#include "errortext.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QAbstractItemView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Quiver {

EngineChooser::EngineChooser(QWidget *parent)
    : QWidget(parent)
    , m_engines(new QComboBox(this))
    , m_folderLabel(new QLabel(this))
    , m_folder(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    m_engines->setObjectName(u"engineCombo"_s);
    m_engines->setAccessibleName(tr("Run on"));
    m_engines->view()->setAccessibleName(tr("Engines"));
    // As wide as its longest name: the space left over is the folder field's, or nobody's.
    m_engines->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_engines->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_folder->setObjectName(u"remoteFolderEdit"_s);
    m_folder->setPlaceholderText(tr("the daemon's own download folder"));
    m_folder->setAccessibleName(tr("Folder on the engine's machine"));
    m_problem->setObjectName(u"engineProblem"_s);
    m_problem->setPalette(errorTextPalette(m_problem->palette()));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *runOn = new QLabel(tr("Run on:"), this);
    runOn->setBuddy(m_engines);
    m_folderLabel->setBuddy(m_folder);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(runOn);
    row->addWidget(m_engines);
    row->addSpacing(fontMetrics().averageCharWidth() * 2);
    row->addWidget(m_folderLabel);
    row->addWidget(m_folder, 1);
    row->addStretch();   // takes the width while the folder field is hidden (this computer chosen)
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_engines, &QComboBox::currentIndexChanged, this, &EngineChooser::update);
    connect(m_folder, &QLineEdit::textChanged, m_problem, &QLabel::hide);
    setRemoteEngines({});
}

void EngineChooser::setRemoteEngines(const QStringList &names)
{
    const QString chosen = engine();
    m_engines->blockSignals(true);
    m_engines->clear();
    m_engines->addItem(tr("This computer"), QString());
    for (const QString &name : names)
        m_engines->addItem(name, name);
    const int index = m_engines->findData(chosen);
    m_engines->setCurrentIndex(index < 0 ? 0 : index);
    m_engines->blockSignals(false);
    setVisible(!names.isEmpty());
    update();
}

QString EngineChooser::engine() const
{
    return m_engines->currentData().toString();
}

void EngineChooser::setEngine(const QString &name)
{
    const int index = m_engines->findData(name);
    m_engines->setCurrentIndex(index < 0 ? 0 : index);
}

QString EngineChooser::remoteFolder() const
{
    const QString typed = m_folder->text().trimmed();
    return typed.isEmpty() ? QString() : QDir::cleanPath(typed);
}

void EngineChooser::setRemoteFolder(const QString &folder)
{
    m_folder->setText(folder);
}

bool EngineChooser::check()
{
    // The daemon resolves a relative folder against wherever it was started: say so rather than guess.
    const QString folder = remoteFolder();
    const bool fine = engine().isEmpty() || folder.isEmpty() || (folder.startsWith(u'/') && !folder.startsWith(u"//"_s))
        || QDir::isAbsolutePath(folder);
    m_problem->setText(fine ? QString()
                            : tr("Give the folder on %1 as a full path, such as /srv/downloads, or leave it empty "
                                 "for the daemon's own folder.").arg(engine()));
    m_problem->setVisible(!fine);
    return fine;
}

void EngineChooser::update()
{
    // The local folder is the one in Settings; only a remote engine's folder is asked for here.
    const bool remote = !engine().isEmpty();
    m_folderLabel->setText(remote ? tr("Folder on %1:").arg(engine()) : QString());
    m_folderLabel->setVisible(remote);
    m_folder->setVisible(remote);
    m_problem->hide();
}

} // namespace Quiver
