#include "queuefiles.h"

#include "addlinkspanel.h"
#include "checksumsourcedialog.h"
#include "engine/downloadengine.h"
#include "http/smallfetch.h"
#include "links/checksumlist.h"
#include "links/linksparser.h"
#include "queue/linksexport.h"
#include "queue/queuemodel.h"
#include "util/runinthreadpool.h"

#include <QDir>
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
    , m_warn([this](const QString &title, const QString &text) { QMessageBox::warning(m_window, title, text); })
{
}

void QueueFiles::exportLinks()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Links"),
                                                      m_folder() + u"/quiver-links.txt"_s,
                                                      tr("Links files (*.txt);;All files (*)"));
    if (!path.isEmpty())
        exportLinksTo(path);
}

void QueueFiles::exportLinksTo(const QString &path)
{
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
            emit message(error);
            m_warn(tr("Export Links"), error);
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
    ChecksumSourceDialog dialog(m_folder(), m_window);
    if (dialog.exec() == QDialog::Accepted)
        openChecksumSource(dialog.source());
}

void QueueFiles::openChecksumSource(const QString &source)
{
    const QString text = source.trimmed();
    if (text.isEmpty())
        return;
    const QUrl url(text);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s) {
        const LinkCheck check = checkLink(text);
        if (!check.isOk()) {
            refuseChecksums(tr("“%1” cannot be fetched as a checksum list: %2").arg(cleanExcerpt(text), check.reason));
            return;
        }
        fetchChecksumList(check.url);
        return;
    }
    if (scheme == u"file"_s) {
        readChecksumList(url.toLocalFile());
        return;
    }
    if (scheme.size() > 1) {
        refuseChecksums(tr("“%1” is neither a file nor an http or https link, so it was not read as a checksum list.")
                            .arg(cleanExcerpt(text)));
        return;
    }
    QString path = QDir::fromNativeSeparators(text);
    if (path == u"~"_s || path.startsWith(u"~/"_s))
        path = QDir::homePath() + path.mid(1);
    // A relative path is taken from the download folder, where a SHA256SUMS usually sits beside its files.
    readChecksumList(QDir(m_folder()).absoluteFilePath(path));
}

namespace {
struct ReadList {
    ChecksumList list;
    QString error;   // the file could not be read
};
} // namespace

void QueueFiles::readChecksumList(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    auto *watcher = new QFutureWatcher<ReadList>(this);
    connect(watcher, &QFutureWatcher<ReadList>::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        const ReadList read = watcher->result();
        if (!read.error.isEmpty())
            refuseChecksums(read.error);
        else
            applyChecksums(read.list, name);
    });
    watcher->setFuture(runInThreadPool<ReadList>([path, name] {
        QFile file(path);
        if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
            const QString why = QFileInfo(path).isDir() ? tr("it is a folder") : file.errorString();
            return ReadList{{}, tr("Cannot read the checksum list “%1”: %2. Choose the file again.")
                                    .arg(QDir::toNativeSeparators(path), why)};
        }
        return ReadList{ChecksumList::parse(file.read(ChecksumList::kMaxBytes + 1), name), {}};
    }));
}

void QueueFiles::fetchChecksumList(const QUrl &url)
{
    const QString shown = cleanExcerpt(url.toDisplayString(QUrl::RemoveUserInfo));
    emit message(tr("Fetching the checksum list %1…").arg(shown));
    SmallFetch *fetch = m_engine->fetchChecksumList(url, this);
    connect(fetch, &SmallFetch::finished, this, [this, fetch, shown](const QByteArray &bytes, const QString &error) {
        fetch->deleteLater();
        if (!error.isEmpty()) {
            refuseChecksums(tr("The checksum list could not be fetched, so nothing is checked against it. %1").arg(error));
            return;
        }
        // Parsed here: the list was capped at 16 MiB and takes milliseconds.
        applyChecksums(ChecksumList::parse(bytes, shown), shown);
    });
    fetch->start();
}

bool QueueFiles::takeDroppedUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const bool local = url.isLocalFile();
    if (!local && scheme != u"http"_s && scheme != u"https"_s)
        return false;
    if (!looksLikeChecksumList(QFileInfo(url.path()).fileName()))
        return false;
    if (local)
        readChecksumList(url.toLocalFile());
    else
        openChecksumSource(url.toString(QUrl::FullyEncoded));
    return true;
}

void QueueFiles::refuseChecksums(const QString &text)
{
    emit message(text);
    m_warn(tr("Open Checksum List"), text);
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
    emit message(text);
    if (list.isEmpty())
        m_warn(tr("Open Checksum List"), text);
}

bool QueueFiles::looksLikeChecksumList(const QString &fileName)
{
    static const QRegularExpression pattern(u"(^|[._-])(SHA(1|256|512)SUMS?|CHECKSUMS?)([._-]|$)|\\.(sha1|sha256|sha512)$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(fileName).hasMatch();
}

} // namespace Quiver
