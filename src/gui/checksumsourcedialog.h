#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Quiver {

// Asks where a checksum list is: a file on this computer (typed or chosen with Browse…) or an http(s)
// link to one, such as https://host/release/SHA256SUMS. OK stays off while the field is empty.
class ChecksumSourceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksumSourceDialog)

public:
    // startFolder is where Browse… opens.
    explicit ChecksumSourceDialog(const QString &startFolder, QWidget *parent = nullptr);

    // What was typed or chosen, trimmed.
    QString source() const;
    void setSource(const QString &source);

private:
    void browse();

    QString m_startFolder;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace Quiver
