#pragma once

#include "queue/downloaditem.h"

#include <QDialog>
#include <QPalette>

#include <functional>
#include <memory>

namespace Ui {
class ChangeLinkDialog;
}

namespace Quiver {

// Asks for a new link for one download (an expired link replaced): shows the current one and accepts
// only an http(s) link with a host that differs from it. What happens to the bytes already on disk is
// the engine's decision (Scheduler::changeLink); the dialog says what to expect.
class ChangeLinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeLinkDialog)

public:
    explicit ChangeLinkDialog(const DownloadItem &item, QWidget *parent = nullptr);
    ~ChangeLinkDialog() override;

    // A further check for a well-formed link, such as "already in the queue": returns why the link cannot
    // be used, or an empty string.
    void setExtraCheck(std::function<QString(const QUrl &)> check);

    DownloadId downloadId() const { return m_id; }
    // The new link, normalized as a links file's would be; empty until the text is a usable link.
    QUrl link() const { return m_link; }

private:
    void validate();
    void showMessage(const QString &text, bool isError);

    std::unique_ptr<Ui::ChangeLinkDialog> m_ui;
    std::function<QString(const QUrl &)> m_extraCheck;
    DownloadId m_id = 0;
    QUrl m_current;
    QUrl m_link;
    QString m_hint;            // what happens to the bytes on disk
    QPalette m_normalPalette;
};

} // namespace Quiver
