#include "changelinkdialog.h"

#include "errortext.h"
#include "links/filenames.h"
#include "links/linksparser.h"
#include "util/units.h"

#include <QPushButton>
#include <QToolButton>

#include "ui_changelinkdialog.h"

namespace Quiver {

ChangeLinkDialog::ChangeLinkDialog(const DownloadItem &item, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ChangeLinkDialog>())
    , m_id(item.id)
    , m_current(item.url)
{
    m_ui->setupUi(this);
    // The line edit's clear button is an icon only.
    for (QToolButton *clear : m_ui->newEdit->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear Link"));
    const QString name = item.fileName.isEmpty() ? FileNames::choose({}, item.url) : item.fileName;
    m_ui->introLabel->setText(tr("Give “%1” a new link, for example when the old one has expired.").arg(name));
    // Credentials in a link are never shown.
    m_ui->currentEdit->setText(item.url.toDisplayString(QUrl::RemoveUserInfo));
    m_ui->currentEdit->setCursorPosition(0);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Change Link"));
    m_hint = item.bytesReceived > 0
        ? tr("The %1 already downloaded are kept if the new link serves the same file (same size and version); "
             "otherwise the download starts over.").arg(Units::bytes(item.bytesReceived))
        : tr("The download uses the new link from its next attempt on.");
    m_normalPalette = m_ui->messageLabel->palette();
    connect(m_ui->newEdit, &QLineEdit::textChanged, this, &ChangeLinkDialog::validate);
    m_ui->newEdit->setFocus();
    validate();
    // The .ui gives the width; the wrapped message decides the height at that width.
    const int width = qMax(this->width(), sizeHint().width());
    resize(width, heightForWidth(width));
}

ChangeLinkDialog::~ChangeLinkDialog() = default;

void ChangeLinkDialog::setExtraCheck(std::function<QString(const QUrl &)> check)
{
    m_extraCheck = std::move(check);
    validate();
}

void ChangeLinkDialog::validate()
{
    m_link.clear();
    const QString text = m_ui->newEdit->text().trimmed();
    QString problem;
    if (!text.isEmpty()) {
        const LinkCheck check = checkLink(text);
        if (!check.isOk())
            problem = check.reason;
        else if (linkIdentity(check.url) == linkIdentity(m_current))
            problem = tr("This is the link the download already has. Paste the new one.");
        else if (m_extraCheck)
            problem = m_extraCheck(check.url);
        if (problem.isEmpty())
            m_link = check.url;
    }
    showMessage(problem.isEmpty() ? m_hint : problem, !problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_link.isEmpty());
}

void ChangeLinkDialog::showMessage(const QString &text, bool isError)
{
    m_ui->messageLabel->setPalette(isError ? errorTextPalette(m_normalPalette) : m_normalPalette);
    m_ui->messageLabel->setText(text);
}

} // namespace Quiver
