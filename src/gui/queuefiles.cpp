#include "queuefiles.h"

#include "addlinkspanel.h"
#include "engine/downloadengine.h"
#include "links/checksumlist.h"
#include "queue/linksexport.h"
#include "queue/queuemodel.h"
#include "util/runinthreadpool.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Quiver {

QueueFiles::QueueFiles(QWidget *window, DownloadEngine *engine, AddLinksPanel *panel, std::function<QString()> folder)
    : QObject(window)
    , m_window(window)
    , m_engine(engine)
    , m_panel(panel)
    , m_folder(std::move(folder))
{
}

void QueueFiles::exportLinks()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Links"),
                                                      m_folder() + u"/quiver-links.txt"_s,
                                                      tr("Links files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const QueueModel *model = m_engine->model();
    QList<DownloadItem> items;
    items.reserve(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        items.append(model->at(row));
    const QString folder = m_folder();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, count = items.size()] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            QMessageBox::warning(m_window, tr("Export Links"), error);
            return;
        }
        emit message(count == 1 ? tr("1 link exported to “%1”.").arg(QFileInfo(path).fileName())
                                : tr("%1 links exported to “%2”.").arg(count).arg(QFileInfo(path).fileName()));
    });
    watcher->setFuture(runInThreadPool<QString>([items = std::move(items), folder, path] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(linksFileFor(items, folder).toUtf8()) < 0 || !file.commit())
            return tr("Cannot write “%1”: %2. Choose another place.").arg(path, file.errorString());
        return QString();
    }));
}

void QueueFiles::importLinks()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Links"), m_folder(),
                                                      tr("Links files (*.txt *.list);;All files (*)"));
    if (path.isEmpty())
        return;
    // The same way as a dropped file: read off this thread, its links and problems shown in the box.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    m_panel->readMimeData(&mime);
}

void QueueFiles::openChecksumList()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Checksum List"), m_folder(),
                                                      tr("Checksum lists (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;All files (*)"));
    if (!path.isEmpty())
        readChecksumList(path);
}

void QueueFiles::readChecksumList(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    auto *watcher = new QFutureWatcher<ChecksumList>(this);
    connect(watcher, &QFutureWatcher<ChecksumList>::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        applyChecksums(watcher->result(), name);
    });
    watcher->setFuture(runInThreadPool<ChecksumList>([path, name] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return ChecksumList::parse(QByteArray(), name);
        return ChecksumList::parse(file.read(ChecksumList::kMaxBytes + 1), name);
    }));
}

void QueueFiles::applyChecksums(const ChecksumList &list, const QString &name)
{
    m_engine->addChecksums(list);
    QString text = list.size() == 1
        ? tr("The checksum list “%1” checks 1 file name: a download of that name is checked before it finishes.").arg(name)
        : tr("The checksum list “%1” checks %2 file names: downloads of those names are checked before they finish.")
              .arg(name)
              .arg(list.size());
    if (!list.problems().isEmpty()) {
        const InputProblem &first = list.problems().constFirst();
        text += u' ' + (first.line > 0 ? tr("Line %1: %2").arg(first.line).arg(first.reason) : first.reason);
    }
    if (list.isEmpty())
        QMessageBox::warning(m_window, tr("Open Checksum List"), text);
    emit message(text);
}

bool QueueFiles::looksLikeChecksumList(const QString &fileName)
{
    static const QRegularExpression pattern(u"(^|[._-])(SHA(1|256|512)SUMS?|CHECKSUMS?)([._-]|$)|\\.(sha1|sha256|sha512)$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(fileName).hasMatch();
}

} // namespace Quiver
