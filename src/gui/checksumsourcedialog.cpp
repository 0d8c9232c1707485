#include "checksumsourcedialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Quiver {

ChecksumSourceDialog::ChecksumSourceDialog(const QString &startFolder, QWidget *parent)
    : QDialog(parent)
    , m_startFolder(startFolder)
    , m_edit(new QLineEdit(this))
{
    setWindowTitle(tr("Open Checksum List"));
    setObjectName(u"checksumSourceDialog"_s);

    auto *label = new QLabel(tr("A SHA256SUMS-style file, or a &link to one:"), this);
    label->setBuddy(m_edit);
    label->setWordWrap(true);
    m_edit->setObjectName(u"checksumSourceEdit"_s);
    m_edit->setPlaceholderText(tr("https://example.org/release/SHA256SUMS"));
    m_edit->setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAutoDefault(false);

    auto *explanation = new QLabel(tr("Each download whose file name is in the list is checked against it before it "
                                      "finishes, also after Quiver restarts. A mismatch fails the download."),
                                   this);
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setEnabled(false);

    auto *row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(explanation);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_okButton->setEnabled(!source().isEmpty()); });
    connect(browse, &QPushButton::clicked, this, &ChecksumSourceDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ChecksumSourceDialog::source() const
{
    return m_edit->text().trimmed();
}

void ChecksumSourceDialog::setSource(const QString &source)
{
    m_edit->setText(source);
}

void ChecksumSourceDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Checksum List"), m_startFolder,
                                                      tr("Checksum lists (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;All files (*)"));
    if (!path.isEmpty())
        m_edit->setText(QDir::toNativeSeparators(path));
}

} // namespace Quiver
