// bareqt: the least a Qt program does to download a list of links, so bench/run.sh can show which part
// of quiver-cli's time is Qt's and which is Quiver's.
//
// Like quiver-cli it runs P requests at once on managers that carry at most six each (Qt 6.4 queues
// the seventh request to a host on one manager), sends the same request headers (HTTP/1.1, no
// compression), reads each reply as it arrives and writes it to OUT/NAME, NAME being the link's last
// path segment. Nothing else: no queue, no names claimed, no .part, no resume records, no progress.
// With --durable it also writes NAME.part, fsyncs it and renames it without replacing anything, the
// least a downloader must do to promise that a finished file survives a crash (quiver-cli's promise).
//
// Exits 0 when every link gave a 2xx answer and was written in full; otherwise 1, naming what failed.

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

namespace {

constexpr int requestsPerManager = 6;

struct Options {
    QString urls;
    QString out;
    int parallel = 16;
    bool durable = false;
};

class Fetcher
{
public:
    Fetcher(const Options &options, std::deque<QUrl> links)
        : m_options(options)
        , m_links(std::move(links))
    {
        const int managers = (options.parallel + requestsPerManager - 1) / requestsPerManager;
        for (int i = 0; i < managers; ++i)
            m_managers.push_back(std::make_unique<QNetworkAccessManager>());
    }

    // From the event loop: exit() before exec() would be lost.
    void start()
    {
        if (m_links.empty()) {
            QCoreApplication::exit(0);
            return;
        }
        for (int slot = 0; slot < m_options.parallel && !m_links.empty(); ++slot)
            next(slot);
    }

private:
    void next(int slot)
    {
        if (m_links.empty()) {
            if (m_running == 0)
                QCoreApplication::exit(m_failures == 0 ? 0 : 1);
            return;
        }
        const QUrl url = m_links.front();
        m_links.pop_front();
        const QString name = url.fileName();
        const QString target = m_options.out + QLatin1Char('/') + name;
        auto file = std::make_shared<QFile>(m_options.durable ? target + QLatin1String(".part") : target);
        if (name.isEmpty() || !file->open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
            std::fprintf(stderr, "bareqt: cannot create %s\n", qPrintable(file->fileName()));
            ++m_failures;
            next(slot);
            return;
        }
        QNetworkRequest request(url);
        request.setRawHeader("Accept-Encoding", "identity");
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        QNetworkReply *reply = m_managers[size_t(slot / requestsPerManager)]->get(request);
        // Without a bound Qt's network thread reads a big file into memory faster than this thread writes
        // it out (1.2 GB peak for 1 GiB); quiver-cli reads with the same 128 KiB bound.
        reply->setReadBufferSize(128 * 1024);
        ++m_running;
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, file] { file->write(reply->readAll()); });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, slot, reply, file, target] {
            file->write(reply->readAll());
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            bool ok = reply->error() == QNetworkReply::NoError && status / 100 == 2 && file->error() == QFile::NoError;
            if (ok && m_options.durable) {
                ok = ::fsync(file->handle()) == 0
                    && ::renameat2(AT_FDCWD, QFile::encodeName(file->fileName()).constData(), AT_FDCWD,
                                   QFile::encodeName(target).constData(), RENAME_NOREPLACE) == 0;
            }
            file->close();
            if (!ok) {
                std::fprintf(stderr, "bareqt: %s failed: %s (HTTP %d)\n", qPrintable(reply->url().toString()),
                             qPrintable(reply->errorString()), status);
                ++m_failures;
            }
            reply->deleteLater();
            --m_running;
            // From the event loop, once Qt has put the connection back: started from inside finished(),
            // the next request finds it still busy and opens another one.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [this, slot] { next(slot); }, Qt::QueuedConnection);
        });
    }

    Options m_options;
    std::deque<QUrl> m_links;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    int m_running = 0;
    int m_failures = 0;
};

[[noreturn]] void usage()
{
    std::fprintf(stderr, "usage: bareqt -i URLS -d OUT [-j PARALLEL] [--durable]\n");
    std::exit(2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("-i") && hasValue)
            options.urls = args[++i];
        else if (arg == QLatin1String("-d") && hasValue)
            options.out = args[++i];
        else if (arg == QLatin1String("-j") && hasValue)
            options.parallel = args[++i].toInt();
        else if (arg == QLatin1String("--durable"))
            options.durable = true;
        else
            usage();
    }
    if (options.urls.isEmpty() || options.out.isEmpty() || options.parallel < 1)
        usage();
    QFile list(options.urls);
    if (!list.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bareqt: cannot read %s\n", qPrintable(options.urls));
        return 2;
    }
    std::deque<QUrl> links;
    while (!list.atEnd()) {
        const QByteArray line = list.readLine().trimmed();
        if (!line.isEmpty())
            links.push_back(QUrl::fromEncoded(line));
    }
    Fetcher fetcher(options, std::move(links));
    QMetaObject::invokeMethod(&app, [&fetcher] { fetcher.start(); }, Qt::QueuedConnection);
    return app.exec();
}
