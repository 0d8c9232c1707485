#include "selectioncommands.h"

#include "changelinkdialog.h"
#include "engine/downloadengine.h"
#include "links/linksparser.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queue/queuedlinks.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStatusBar>

namespace Quiver {

using namespace Qt::StringLiterals;

SelectionCommands::SelectionCommands(QMainWindow *window, DownloadEngine *engine, const QueuedLinks *queuedLinks,
                                     Selection selected)
    : QObject(window)
    , m_window(window)
    , m_engine(engine)
    , m_queuedLinks(queuedLinks)
    , m_selected(std::move(selected))
{
    m_askRemove = [this](int count, bool anyFinished) {
        QMessageBox box(QMessageBox::Question, tr("Remove downloads"),
                        count == 1 ? tr("Remove this download from the list?")
                                   : tr("Remove %1 downloads from the list?").arg(count),
                        QMessageBox::Cancel, m_window);
        box.setInformativeText(anyFinished ? tr("Finished files can stay on disk or be deleted.")
                                           : tr("Partly downloaded data can stay on disk or be deleted."));
        QPushButton *keep = box.addButton(tr("Remove from List"), QMessageBox::AcceptRole);
        QPushButton *erase = box.addButton(tr("Remove and Delete Files"), QMessageBox::DestructiveRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == keep)
            return RemoveChoice::KeepFiles;
        if (box.clickedButton() == erase)
            return RemoveChoice::DeleteFiles;
        return RemoveChoice::Cancel;
    };
    connect(m_engine, &DownloadEngine::filesNotDeleted, this, &SelectionCommands::showNotDeleted);
}

// Opened, not exec()ed: the deletions end in their own time, and the person may be doing something else.
// Failures arriving while the message is open join it.
void SelectionCommands::showNotDeleted(const QStringList &problems)
{
    if (m_notDeletedBox) {
        m_notDeletedBox->setInformativeText(m_notDeletedBox->informativeText() + u'\n' + problems.join(u'\n'));
        return;
    }
    m_notDeletedBox = new QMessageBox(QMessageBox::Warning, tr("Files not deleted"),
                                      tr("Some files you asked to delete are still on the disk."),
                                      QMessageBox::Ok, m_window);
    m_notDeletedBox->setInformativeText(problems.join(u'\n'));
    m_notDeletedBox->setAttribute(Qt::WA_DeleteOnClose);
    m_notDeletedBox->setObjectName(u"filesNotDeleted"_s);
    m_notDeletedBox->open();
}

void SelectionCommands::remove()
{
    const QList<DownloadId> ids = m_selected();
    if (ids.isEmpty())
        return;
    bool anyFinished = false;
    for (DownloadId id : ids)
        anyFinished |= m_engine->model()->find(id)->state == DownloadState::Finished;
    const RemoveChoice choice = m_askRemove(int(ids.size()), anyFinished);
    if (choice == RemoveChoice::Cancel)
        return;
    m_engine->remove(ids, choice == RemoveChoice::DeleteFiles);
}

void SelectionCommands::setRemoveQuestion(std::function<RemoveChoice(int, bool)> ask)
{
    m_askRemove = std::move(ask);
}

void SelectionCommands::openFiles()
{
    for (DownloadId id : m_selected()) {
        const DownloadItem *item = m_engine->model()->find(id);
        // Only a finished, verified file is ever opened, and only on request.
        if (item && item->state == DownloadState::Finished)
            QDesktopServices::openUrl(QUrl::fromLocalFile(item->targetPath()));
    }
}

void SelectionCommands::openFolders()
{
    QSet<QString> folders;
    for (DownloadId id : m_selected()) {
        if (const DownloadItem *item = m_engine->model()->find(id))
            folders.insert(item->directory);
    }
    for (const QString &folder : std::as_const(folders))
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

void SelectionCommands::copyLinks()
{
    QStringList links;
    for (DownloadId id : m_selected()) {
        if (const DownloadItem *item = m_engine->model()->find(id))
            links.append(item->url.toString(QUrl::RemoveUserInfo));
    }
    QApplication::clipboard()->setText(links.join(u'\n'));
}

void SelectionCommands::limitRate()
{
    const QList<DownloadId> ids = m_selected();
    const DownloadItem *first = ids.isEmpty() ? nullptr : m_engine->model()->find(ids.constFirst());
    if (!first)
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"limitRateDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Limit Speed"));
    dialog->setLabelText(ids.size() == 1 ? tr("Most this download may receive per second (0: no limit of its own):")
                                         : tr("Most each of the selected downloads may receive per second (0: no limit of their own):"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, 1024 * 1024);
    dialog->setIntStep(128);
    dialog->setIntValue(int(first->rateLimit / 1024));
    if (auto *spin = dialog->findChild<QSpinBox *>())
        spin->setSuffix(tr(" KiB/s"));
    connect(dialog, &QInputDialog::intValueSelected, this, [this, ids](int kib) {
        m_engine->setDownloadRateLimit(ids, qint64(kib) * 1024);
    });
    // Window-modal without a nested event loop: downloads and repaints go on while it is open.
    dialog->open();
}

void SelectionCommands::setConnections()
{
    const QList<DownloadId> ids = m_selected();
    const DownloadItem *first = ids.isEmpty() ? nullptr : m_engine->model()->find(ids.constFirst());
    if (!first)
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"connectionsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Connections"));
    dialog->setLabelText(ids.size() == 1 ? tr("Connections this download may use at once:")
                                         : tr("Connections each of the selected downloads may use at once:"));
    dialog->setInputMode(QInputDialog::IntInput);
    // 0 is "as in Settings", shown as words at the bottom of the range.
    dialog->setIntRange(0, maxSegments);
    dialog->setIntValue(first->segments);
    if (auto *spin = dialog->findChild<QSpinBox *>()) {
        const int global = m_engine->settings().http.segments;
        spin->setSpecialValueText(global == 1 ? tr("As in Settings (1 connection)")
                                              : tr("As in Settings (%1 connections)").arg(global));
        spin->setToolTip(tr("Quiver uses several connections only when the server sends the file in pieces "
                            "and enough of it is left (at least 1 MiB per connection). A running download "
                            "takes the new number at once and keeps every byte it has."));
    }
    connect(dialog, &QInputDialog::intValueSelected, this, [this, ids](int count) {
        m_engine->setDownloadSegments(ids, count);
    });
    // Window-modal without a nested event loop: downloads and repaints go on while it is open.
    dialog->open();
}

ChangeLinkDialog *SelectionCommands::changeLinkDialog() const
{
    return m_changeLinkDialog;
}

void SelectionCommands::changeLink()
{
    const QList<DownloadId> ids = m_selected();
    const DownloadItem *item = ids.size() == 1 ? m_engine->model()->find(ids.constFirst()) : nullptr;
    if (!item || m_changeLinkDialog)
        return;
    auto *dialog = new ChangeLinkDialog(*item, m_window);
    dialog->setObjectName(u"changeLinkDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExtraCheck([this](const QUrl &url) {
        return m_queuedLinks->contains(linkIdentity(url))
            ? tr("This link is already in the queue as another download. Remove that one first, or give this "
                 "download another link.")
            : QString();
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_engine->scheduler()->changeLink(dialog->downloadId(), dialog->link()))
            m_window->statusBar()->showMessage(
                tr("The link was not changed: the download finished in the meantime."), 15000);
    });
    m_changeLinkDialog = dialog;
    // Window-modal without a nested event loop: downloads and repaints go on while it is open.
    dialog->open();
}

} // namespace Quiver
