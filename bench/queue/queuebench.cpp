// queuebench: the queue's own work at 10,000 to 100,000 rows, without the network (issue 15, "linear
// everywhere"): parsing and adding links, the first save, Start All, downloads ending one after another,
// Pause All, removing the finished, saving, loading and restoring. Each step is timed on its own, so a
// run at several sizes shows which step grows faster than the rows it touches. The transfers are
// stand-ins that end at the next turn of the event loop; names are claimed from the real NameRegistry.
// Run it through bench/queue/run.sh (see bench/README.md, "Linear everywhere").

#include "disk/nameregistry.h"
#include "links/linksparser.h"
#include "queue/downloadbackend.h"
#include "queue/queuedlinks.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queue/transfer.h"
#include "session/sessionstore.h"
#include "util/malloctuning.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kFileSize = 1024;

// Ends at the next turn of the event loop, like a small file on a fast link.
class InstantTransfer final : public Transfer
{
public:
    InstantTransfer(const DownloadItem &item, QObject *parent)
        : Transfer(parent)
        , m_fileName(item.fileName)
    {
    }
    void start() override
    {
        QTimer::singleShot(0, this, [this] {
            if (m_stopped)
                return;
            emit started(TransferStart{m_fileName, 0, kFileSize, {}, {}, {}, {}});
            emit progress(kFileSize, kFileSize);
            emit verifying();
            TransferResult result;
            result.bytesOnDisk = kFileSize;
            result.bytesTotal = kFileSize;
            result.fileName = m_fileName;
            emit finished(result);
        });
    }
    void stop() override
    {
        m_stopped = true;
        TransferResult result;
        result.error.kind = ErrorKind::Canceled;
        emit finished(result);
    }

private:
    QString m_fileName;
    bool m_stopped = false;
};

class BenchBackend final : public DownloadBackend
{
public:
    Transfer *create(const DownloadItem &item, QObject *parent) override { return new InstantTransfer(item, parent); }
    void claimName(DownloadItem &item, const QString &name) override
    {
        item.fileName = QFileInfo(m_names.claim(item.directory, name)).fileName();
    }
    void restore(DownloadItem &item) override
    {
        if (!item.fileName.isEmpty())
            m_names.adopt(item.targetPath());
    }
    void discardPart(const DownloadItem &, Deleted done) override { done({}); }
    void release(const QList<DownloadItem> &items, bool, Deleted done) override
    {
        for (const DownloadItem &item : items)
            m_names.release(item.targetPath());
        done({});
    }

private:
    NameRegistry m_names;
};

qint64 statusKiB(const char *key)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Step {
    const char *name;
    qsizetype touched;   // rows the step works on
};

void report(int rows, const Step &step, qint64 nanoseconds)
{
    std::printf("%d\t%s\t%lld\t%.3f\t%.3f\n", rows, step.name, qlonglong(step.touched), nanoseconds / 1e6,
                step.touched > 0 ? nanoseconds / 1e3 / double(step.touched) : 0.0);
    std::fflush(stdout);
}

void timed(int rows, const Step &step, const std::function<void()> &work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    report(rows, step, clock.nsecsElapsed());
}

void turnUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

} // namespace

int main(int argc, char **argv)
{
    tuneMalloc();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows in the queue (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption parallelOption(u"parallel"_s, u"Downloads at once (default 16)."_s, u"N"_s, u"16"_s);
    parser.addOptions({rowsOption, parallelOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int parallel = parser.value(parallelOption).toInt();
    if (rows < 2 * parallel) {
        std::fprintf(stderr, "queuebench: --rows must be at least twice --parallel\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"out"_s);
    const QString sessionFile = dir.filePath(u"queue.json"_s);

    QString text;
    for (int i = 1; i <= rows; ++i)
        text += u"http://127.0.0.1:9/scale/g0000.bin?id=%1\n  out=s%2.bin\n"_s.arg(i).arg(i, 6, 10, QChar(u'0'));

    std::printf("rows\tstep\ttouched\tms\tus_per_row\n");
    QList<DownloadId> ids;
    int finished = 0;
    const int half = rows / 2;
    {
        BenchBackend backend;
        QueueModel model;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(parallel, parallel);
        QueuedLinks queued(&model, &scheduler);
        SessionStore store(&model, sessionFile);
        QObject::connect(&scheduler, &Scheduler::itemFinished, [&finished] { ++finished; });

        ParsedLinks parsed;
        timed(rows, {"parse", rows}, [&] { parsed = parseLinkList(text); });
        text.clear();
        timed(rows, {"add", rows}, [&] {
            const QList<Link> fresh = queued.claimNew(parsed.links, parsed.identities);
            QList<DownloadItem> items;
            items.reserve(fresh.size());
            for (const Link &link : fresh) {
                DownloadItem &item = items.emplaceBack();
                item.url = link.url;
                item.directory = folder;
                item.intent = Intent::Pause;
                item.state = DownloadState::Paused;
                backend.claimName(item, link.options.fileName);
                item.fileNameFromUser = true;
            }
            parsed = {};
            ids = model.append(std::move(items));
            QCoreApplication::processEvents();
        });
        timed(rows, {"save-all", rows}, [&] { store.saveNow(); });
        timed(rows, {"start-all", rows}, [&] {
            scheduler.startAll();
            turnUntil([&] { return scheduler.waitingCount() + scheduler.activeCount() + finished >= rows; });
        });
        timed(rows, {"run-half", half}, [&] { turnUntil([&] { return finished >= half; }); });
        timed(rows, {"save-changed", half + parallel}, [&] { store.saveNow(); });
        timed(rows, {"pause-all", rows - finished}, [&] {
            scheduler.pauseAll();
            QCoreApplication::processEvents();
        });
        timed(rows, {"save-paused", rows - finished}, [&] { store.saveNow(); });
        QList<DownloadId> done;
        for (int row = 0; row < model.count(); ++row) {
            if (model.at(row).state == DownloadState::Finished)
                done.append(model.at(row).id);
        }
        timed(rows, {"remove-finished", done.size()}, [&] {
            scheduler.remove(done, false);
            QCoreApplication::processEvents();
        });
        // Finished rows are seldom all together: every other row, as when finished and failed ones alternate.
        QList<DownloadId> alternate;
        for (int row = 0; row < model.count(); row += 2)
            alternate.append(model.at(row).id);
        timed(rows, {"remove-alternate", alternate.size()}, [&] {
            scheduler.remove(alternate, false);
            QCoreApplication::processEvents();
        });
        timed(rows, {"save-removed", model.count()}, [&] { store.saveNow(); });
        timed(rows, {"save-unchanged", model.count()}, [&] { store.saveNow(true); });
    }
    {
        BenchBackend backend;
        QueueModel model;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(parallel, parallel);
        SessionStore store(&model, sessionFile);
        SessionLoadResult loaded;
        timed(rows, {"load", (rows - half) / 2}, [&] { loaded = store.load(); });
        const qsizetype count = loaded.items.size();
        timed(rows, {"restore", count}, [&] {
            for (DownloadItem &item : loaded.items)
                backend.restore(item);
            model.append(std::move(loaded.items));
            QCoreApplication::processEvents();
        });
        timed(rows, {"save-restored", count}, [&] { store.saveNow(); });
        finished = 0;
        QObject::connect(&scheduler, &Scheduler::itemFinished, [&finished] { ++finished; });
        timed(rows, {"run-rest", count}, [&] {
            scheduler.startAll();
            turnUntil([&] { return finished >= count; });
        });
        timed(rows, {"save-end", count}, [&] { store.saveNow(); });
    }
    std::printf("%d\tpeak-rss-kib\t%lld\t0\t0\n", rows, statusKiB("VmHWM:"));
    return 0;
}
