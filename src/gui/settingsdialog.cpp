#include "settingsdialog.h"

#include <cmath>

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QTemporaryFile>

#include "appsettings.h"
#include "engineseditor.h"
#include "errortext.h"
#include "ui_settingsdialog.h"

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {
void setRange(QSpinBox *spin, const BoundedSetting<int> &setting)
{
    spin->setRange(setting.minimum, setting.maximum);
}

bool sameSeconds(double a, double b)
{
    // The engine counts in milliseconds; anything finer is spin box noise.
    return std::llround(a * 1000.0) == std::llround(b * 1000.0);
}

void makeHeading(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    // A little air above each section so the groups read as groups without frames around them.
    label->setContentsMargins(0, label->fontMetrics().height() / 2, 0, 0);
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    Q_ASSERT(m_settings);
    m_ui->setupUi(this);

    // Ranges come from AppSettings, where the keys and defaults are, so they cannot drift apart.
    setRange(m_ui->parallelSpin, AppSettings::MaxParallel);
    setRange(m_ui->perHostSpin, AppSettings::PerHost);
    setRange(m_ui->segmentsSpin, AppSettings::SegmentsPerDownload);
    setRange(m_ui->connectSpin, AppSettings::ConnectTimeoutSeconds);
    setRange(m_ui->stallSpin, AppSettings::StallTimeoutSeconds);
    setRange(m_ui->retriesSpin, AppSettings::MaxRetries);
    m_ui->retryWaitSpin->setRange(AppSettings::RetryBaseSeconds.minimum, AppSettings::RetryBaseSeconds.maximum);
    setRange(m_ui->rateLimitSpin, AppSettings::RateLimitKiB);
    setRange(m_ui->patternCapSpin, AppSettings::MaxPatternLinks);

    // Same width for every number field, so the column of values lines up.
    int fieldWidth = 0;
    const QList<QAbstractSpinBox *> spins{m_ui->parallelSpin, m_ui->perHostSpin, m_ui->segmentsSpin, m_ui->connectSpin,
                                          m_ui->stallSpin, m_ui->retriesSpin, m_ui->retryWaitSpin,
                                          m_ui->rateLimitSpin, m_ui->patternCapSpin};
    for (QAbstractSpinBox *spin : spins)
        fieldWidth = qMax(fieldWidth, spin->sizeHint().width());
    for (QAbstractSpinBox *spin : spins)
        spin->setFixedWidth(fieldWidth);

    makeHeading(m_ui->connectionsHeading);
    makeHeading(m_ui->retriesHeading);
    makeHeading(m_ui->speedHeading);
    makeHeading(m_ui->patternsHeading);

    // The engines come last, above the buttons: a list, not one value per row like the form above.
    auto *enginesHeading = new QLabel(tr("Engines"), this);
    makeHeading(enginesHeading);
    m_engines = new EnginesEditor(this);
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->buttonBox), enginesHeading);
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->buttonBox), m_engines);
    connect(m_engines, &EnginesEditor::edited, this, &SettingsDialog::updateApplyButton);

    // The error has to stand out against whichever palette is in use.
    m_ui->folderErrorLabel->setPalette(errorTextPalette(m_ui->folderErrorLabel->palette()));
    showFolderError({});

    connect(m_ui->folderEdit, &QLineEdit::textChanged, this, [this] {
        showFolderError({});   // the message was about the old text
        updateApplyButton();
    });
    connect(m_ui->browseButton, &QPushButton::clicked, this, &SettingsDialog::browseForFolder);
    for (QSpinBox *spin : {m_ui->parallelSpin, m_ui->perHostSpin, m_ui->segmentsSpin, m_ui->connectSpin, m_ui->stallSpin,
                           m_ui->retriesSpin, m_ui->rateLimitSpin, m_ui->patternCapSpin})
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::updateApplyButton);
    connect(m_ui->retryWaitSpin, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::updateApplyButton);
    connect(m_ui->rateLimitCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->rateLimitSpin->setEnabled(on);
        updateApplyButton();
    });
    connect(m_ui->systemProxyCheck, &QCheckBox::toggled, this, &SettingsDialog::updateApplyButton);
    connect(m_ui->expandPatternsCheck, &QCheckBox::toggled, this, [this](bool on) {
        // Without patterns there is nothing to cap.
        m_ui->patternCapSpin->setEnabled(on);
        updateApplyButton();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::clicked, this, &SettingsDialog::onButtonClicked);

    load();
    // The form decides the height; the .ui's size is only a starting width.
    resize(qMax(width(), sizeHint().width()), sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    m_ui->folderEdit->setText(QDir::toNativeSeparators(m_settings->downloadDirectory()));
    m_ui->parallelSpin->setValue(m_settings->maxParallel());
    m_ui->perHostSpin->setValue(m_settings->perHost());
    m_ui->segmentsSpin->setValue(m_settings->segmentsPerDownload());
    m_ui->connectSpin->setValue(m_settings->connectTimeoutSeconds());
    m_ui->stallSpin->setValue(m_settings->stallTimeoutSeconds());
    m_ui->retriesSpin->setValue(m_settings->maxRetries());
    m_ui->retryWaitSpin->setValue(m_settings->retryBaseSeconds());
    m_ui->rateLimitCheck->setChecked(m_settings->rateLimited());
    m_ui->rateLimitSpin->setValue(m_settings->rateLimitKiB());
    m_ui->rateLimitSpin->setEnabled(m_settings->rateLimited());
    m_ui->systemProxyCheck->setChecked(m_settings->useSystemProxy());
    m_ui->expandPatternsCheck->setChecked(m_settings->expandPatterns());
    m_ui->patternCapSpin->setValue(m_settings->maxPatternLinks());
    m_ui->patternCapSpin->setEnabled(m_settings->expandPatterns());
    m_engines->load(m_settings);
    showFolderError({});
    updateApplyButton();
}

bool SettingsDialog::save()
{
    const QString folder = folderFromForm();
    const QString error = folder.isEmpty() ? tr("Choose a folder for the downloads.") : prepareFolder(folder);
    if (!error.isEmpty()) {
        showFolderError(error);
        m_ui->folderEdit->setFocus();
        return false;
    }

    QString enginesError;
    if (!m_engines->save(m_settings, &enginesError)) {
        showFolderError(enginesError);
        return false;
    }

    // An untouched folder is left alone, so a user who never chose one keeps following the
    // platform's Downloads folder.
    if (folder != QDir::cleanPath(m_settings->downloadDirectory()))
        m_settings->setDownloadDirectory(folder);
    m_settings->setMaxParallel(m_ui->parallelSpin->value());
    m_settings->setPerHost(m_ui->perHostSpin->value());
    m_settings->setSegmentsPerDownload(m_ui->segmentsSpin->value());
    m_settings->setConnectTimeoutSeconds(m_ui->connectSpin->value());
    m_settings->setStallTimeoutSeconds(m_ui->stallSpin->value());
    m_settings->setMaxRetries(m_ui->retriesSpin->value());
    m_settings->setRetryBaseSeconds(m_ui->retryWaitSpin->value());
    m_settings->setRateLimitKiB(m_ui->rateLimitSpin->value());
    m_settings->setRateLimited(m_ui->rateLimitCheck->isChecked());
    m_settings->setUseSystemProxy(m_ui->systemProxyCheck->isChecked());
    m_settings->setExpandPatterns(m_ui->expandPatternsCheck->isChecked());
    m_settings->setMaxPatternLinks(m_ui->patternCapSpin->value());

    // Show what was stored (cleaned path, clamped numbers); this also disables Apply.
    load();
    return true;
}

bool SettingsDialog::hasChanges() const
{
    return folderFromForm() != QDir::cleanPath(m_settings->downloadDirectory())
        || m_ui->parallelSpin->value() != m_settings->maxParallel()
        || m_ui->perHostSpin->value() != m_settings->perHost()
        || m_ui->segmentsSpin->value() != m_settings->segmentsPerDownload()
        || m_ui->connectSpin->value() != m_settings->connectTimeoutSeconds()
        || m_ui->stallSpin->value() != m_settings->stallTimeoutSeconds()
        || m_ui->retriesSpin->value() != m_settings->maxRetries()
        || !sameSeconds(m_ui->retryWaitSpin->value(), m_settings->retryBaseSeconds())
        || m_ui->rateLimitCheck->isChecked() != m_settings->rateLimited()
        || m_ui->rateLimitSpin->value() != m_settings->rateLimitKiB()
        || m_ui->systemProxyCheck->isChecked() != m_settings->useSystemProxy()
        || m_ui->expandPatternsCheck->isChecked() != m_settings->expandPatterns()
        || m_ui->patternCapSpin->value() != m_settings->maxPatternLinks()
        || m_engines->hasChanges(m_settings);
}

void SettingsDialog::onButtonClicked(QAbstractButton *button)
{
    switch (m_ui->buttonBox->standardButton(button)) {
    case QDialogButtonBox::Ok:
        if (save())
            accept();
        break;
    case QDialogButtonBox::Apply:
        save();
        break;
    case QDialogButtonBox::RestoreDefaults:
        restoreDefaults();
        break;
    case QDialogButtonBox::Cancel:
        reject();
        break;
    default:
        break;
    }
}

void SettingsDialog::browseForFolder()
{
    const QString current = folderFromForm();
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("Choose Download Folder"),
        QFileInfo::exists(current) ? current : AppSettings::defaultDownloadDirectory());
    if (!chosen.isEmpty())
        m_ui->folderEdit->setText(QDir::toNativeSeparators(chosen));
}

void SettingsDialog::restoreDefaults()
{
    // Only the form: nothing is stored until Apply or OK, so Cancel still undoes it.
    m_ui->folderEdit->setText(QDir::toNativeSeparators(AppSettings::defaultDownloadDirectory()));
    m_ui->parallelSpin->setValue(AppSettings::MaxParallel.defaultValue);
    m_ui->perHostSpin->setValue(AppSettings::PerHost.defaultValue);
    m_ui->segmentsSpin->setValue(AppSettings::SegmentsPerDownload.defaultValue);
    m_ui->connectSpin->setValue(AppSettings::ConnectTimeoutSeconds.defaultValue);
    m_ui->stallSpin->setValue(AppSettings::StallTimeoutSeconds.defaultValue);
    m_ui->retriesSpin->setValue(AppSettings::MaxRetries.defaultValue);
    m_ui->retryWaitSpin->setValue(AppSettings::RetryBaseSeconds.defaultValue);
    m_ui->rateLimitCheck->setChecked(false);
    m_ui->rateLimitSpin->setValue(AppSettings::RateLimitKiB.defaultValue);
    m_ui->systemProxyCheck->setChecked(true);
    m_ui->expandPatternsCheck->setChecked(true);
    m_ui->patternCapSpin->setValue(AppSettings::MaxPatternLinks.defaultValue);
}

void SettingsDialog::updateApplyButton()
{
    if (QPushButton *apply = m_ui->buttonBox->button(QDialogButtonBox::Apply))
        apply->setEnabled(hasChanges());
}

void SettingsDialog::showFolderError(const QString &message)
{
    m_ui->folderErrorLabel->setText(message);
    m_ui->formLayout->setRowVisible(m_ui->folderErrorLabel, !message.isEmpty());
}

QString SettingsDialog::folderFromForm() const
{
    QString path = QDir::fromNativeSeparators(m_ui->folderEdit->text().trimmed());
    if (path.isEmpty())
        return {};
    if (path == u"~"_s || path.startsWith(u"~/"_s))
        path = QDir::homePath() + path.mid(1);
    // A relative path would depend on the folder Quiver happened to be started from.
    if (QDir::isRelativePath(path))
        path = QDir::home().absoluteFilePath(path);
    return QDir::cleanPath(path);
}

QString SettingsDialog::prepareFolder(const QString &path) const
{
    // The messages do not repeat the path: it is in the field right above them, and without it they
    // stay one short line.
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return tr("This is a file, not a folder.");
    if (!info.exists() && !QDir().mkpath(path))
        return tr("This folder could not be created.");
    // Permission bits do not tell the whole story (ACLs, read-only mounts, running as root), so try
    // what the downloads will do: create a file there.
    QTemporaryFile probe(QDir(path).filePath(u".quiver-write-test-XXXXXX"_s));
    if (!probe.open())
        return tr("Quiver cannot save files in this folder.");
    return {};
}

} // namespace Quiver
