// guibench: does the window stay responsive with 100,000 rows and 16 downloads at full speed?
//
// Drives the real MainWindow, shown, the way a person would: pastes N links into the add-links box
// (AddLinksPanel::paste, what Ctrl+V and Paste Links do) and submits them, clicks Start All, then scrolls the table every 50 ms and sorts it once while the
// downloads run. Meanwhile a watchdog thread measures the GUI thread's event-loop latency: it posts an
// event to the GUI thread, waits until it has been delivered, sleeps 5 ms and posts the next one. A
// probe's latency (post to delivery) is how long the GUI thread did not serve its event loop, i.e. how
// long a key press or a repaint would have waited. One probe is in flight at a time, so a 400 ms stall
// is one sample of about 400 ms, not eighty samples. A stall that begins just after a delivery is seen
// up to one period (5 ms) late, so the figures are lower bounds by at most that much.
//
// The server is someone else's job: bench/gui/run.sh starts nginx with BIG files (big/b00.bin …) and
// passes --base-url. Prints one Markdown table for the run and, with --json FILE, appends one JSON
// object per run so run.sh can take medians over runs.

#include "addlinkspanel.h"
#include "benchprobe.h"
#include "remotescenario.h"
#include "appsettings.h"
#include "engine/downloadengine.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "util/malloctuning.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>

using namespace Quiver;
using namespace GuiBench;
using namespace Qt::StringLiterals;

namespace {

qint64 bytesReceived(const QueueModel *model)
{
    qint64 sum = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        sum += model->at(row).bytesReceived;
    return sum;
}

int sortColumnByName(const QString &name)
{
    static const QHash<QString, int> columns{
        {u"name"_s, QueueModel::NameColumn},   {u"progress"_s, QueueModel::ProgressColumn},
        {u"size"_s, QueueModel::SizeColumn},   {u"speed"_s, QueueModel::SpeedColumn},
        {u"eta"_s, QueueModel::EtaColumn},     {u"status"_s, QueueModel::StatusColumn},
        {u"url"_s, QueueModel::UrlColumn},     {u"none"_s, -1},
    };
    return columns.value(name.toLower(), -2);
}

} // namespace

int main(int argc, char *argv[])
{
    tuneMalloc();   // as src/gui/main.cpp does, before any thread
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"quiver-guibench"_s);
    QApplication::setOrganizationName(u"Quiver"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The Quiver window under load: event-loop latency of the GUI thread."_s);
    parser.addHelpOption();
    const QCommandLineOption baseUrlOption(u"base-url"_s, u"nginx root; big files are at URL/big/b00.bin …"_s, u"url"_s);
    const QCommandLineOption bigOption(u"big-count"_s, u"number of big files on the server (16)"_s, u"n"_s, u"16"_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"links pasted (100000)"_s, u"n"_s, u"100000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"length of the measured run (20)"_s, u"s"_s, u"20"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"seconds between all slots running and the run (2)"_s, u"s"_s, u"2"_s);
    const QCommandLineOption parallelOption(u"parallel"_s, u"max parallel and per host (16)"_s, u"n"_s, u"16"_s);
    const QCommandLineOption dirOption(u"download-dir"_s, u"where the temporary download folder goes (temp dir)"_s, u"dir"_s);
    const QCommandLineOption sortOption(u"sort-column"_s, u"column sorted once mid-run: name, progress, size, speed, eta, status, url, none (progress)"_s, u"name"_s, u"progress"_s);
    const QCommandLineOption scrollOption(u"scroll-ms"_s, u"scroll the table this often, 0 = never (50)"_s, u"ms"_s, u"50"_s);
    const QCommandLineOption probeOption(u"probe-ms"_s, u"watchdog period (5)"_s, u"ms"_s, u"5"_s);
    const QCommandLineOption stallLogOption(u"stall-log"_s, u"print every stall longer than MS with its CLOCK_MONOTONIC times, and the phase boundaries (for perf record -k CLOCK_MONOTONIC)"_s, u"ms"_s);
    const QCommandLineOption readBufferOption(u"read-buffer"_s, u"experiment: the engine's per-reply read buffer in KiB (default: the engine's own)"_s, u"kib"_s);
    const QCommandLineOption noSessionOption(u"no-session"_s, u"do not keep the queue in a session file (the app does: MainWindow::useSession)"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"append this run's numbers as one JSON line to FILE"_s, u"file"_s);
    const QCommandLineOption remoteRpcOption(u"remote-rpc"_s, u"the remote scenario: the rows run on the aria2 daemon at this JSON-RPC address (bench/gui/run.sh --remote starts one)"_s, u"url"_s);
    const QCommandLineOption remoteSecretOption(u"remote-secret-file"_s, u"the daemon's secret token, first line of FILE"_s, u"file"_s);
    const QCommandLineOption remoteDirOption(u"remote-dir"_s, u"the folder on the daemon's machine the rows download into"_s, u"dir"_s);
    const QCommandLineOption remotePidOption(u"remote-pid"_s, u"the daemon's process id, to read its CPU time"_s, u"pid"_s);
    parser.addOptions({baseUrlOption, bigOption, rowsOption, secondsOption, warmupOption, parallelOption, dirOption,
                       sortOption, scrollOption, probeOption, stallLogOption, readBufferOption, noSessionOption, jsonOption,
                       remoteRpcOption, remoteSecretOption, remoteDirOption, remotePidOption});
    parser.process(app);

    if (parser.isSet(remoteRpcOption)) {
        RemoteScenario remote;
        remote.rpc = QUrl(parser.value(remoteRpcOption));
        QFile secret(parser.value(remoteSecretOption));
        if (!secret.open(QIODevice::ReadOnly))
            fail(u"--remote-secret-file: cannot read "_s + secret.fileName());
        remote.secret = secret.readLine().trimmed();
        remote.remoteDir = parser.value(remoteDirOption);
        remote.daemonPid = parser.value(remotePidOption).toLongLong();
        remote.baseUrl = QUrl(parser.value(baseUrlOption));
        remote.bigCount = parser.value(bigOption).toInt();
        remote.rows = parser.value(rowsOption).toInt();
        remote.seconds = parser.value(secondsOption).toInt();
        remote.scrollMs = parser.value(scrollOption).toInt();
        remote.probeMs = parser.value(probeOption).toInt();
        remote.session = !parser.isSet(noSessionOption);
        remote.workParent = parser.isSet(dirOption) ? parser.value(dirOption) : QDir::tempPath();
        remote.jsonFile = parser.value(jsonOption);
        return runRemoteScenario(remote);
    }

    const QUrl baseUrl(parser.value(baseUrlOption));
    if (!baseUrl.isValid() || baseUrl.scheme().isEmpty())
        fail(u"--base-url is required (bench/gui/run.sh passes it)"_s);
    const int bigCount = parser.value(bigOption).toInt();
    const int rows = parser.value(rowsOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const int warmup = parser.value(warmupOption).toInt();
    const int parallel = parser.value(parallelOption).toInt();
    const int scrollMs = parser.value(scrollOption).toInt();
    const int probeMs = parser.value(probeOption).toInt();
    const int sortColumn = sortColumnByName(parser.value(sortOption));
    if (bigCount < 1 || rows < bigCount || seconds < 1 || warmup < 0 || parallel < 1 || scrollMs < 0 || probeMs < 1
        || sortColumn < -1)
        fail(u"bad option value; see --help"_s);

    QTemporaryDir work(QDir(parser.isSet(dirOption) ? parser.value(dirOption) : QDir::tempPath())
                           .filePath(u"quiver-guibench.XXXXXX"_s));
    if (!work.isValid())
        fail(u"cannot create a work folder: "_s + work.errorString());
    const QString downloads = QDir(work.path()).filePath(u"downloads"_s);
    QDir().mkpath(downloads);

    AppSettings settings(QDir(work.path()).filePath(u"quiver.ini"_s));
    settings.setDownloadDirectory(downloads);
    settings.setMaxParallel(parallel);
    settings.setPerHost(parallel);

    auto window = std::make_unique<MainWindow>(&settings);
    AddLinksPanel *panel = window->addLinksPanel();
    QTableView *view = window->queueView();
    QueueModel *model = window->engine()->model();
    Scheduler *scheduler = window->engine()->scheduler();
    panel->setConfirmLargeAdd([](int) { return true; });   // the "Add 100,000 links?" question: yes
    // Like the application (src/gui/main.cpp), the window keeps its queue in a session file, here a
    // fresh one in the work folder, next to the downloads.
    const bool session = !parser.isSet(noSessionOption);
    if (session)
        window->useSession(QDir(work.path()).filePath(u"queue.json"_s));
    window->resize(1180, 720);
    window->show();
    spinFor(1000);   // mapped, painted, settings applied (AppSettings::changed is queued)
    if (scheduler->maxParallel() != parallel || scheduler->perHost() != parallel)
        fail(u"the settings did not reach the scheduler"_s);
    if (parser.isSet(readBufferOption)) {
        EngineSettings tuned = window->engine()->settings();
        tuned.http.readBufferSize = parser.value(readBufferOption).toLongLong() * 1024;
        window->engine()->applySettings(tuned);
    }
    const qint64 readBuffer = window->engine()->settings().http.readBufferSize;

    // The links: the first bigCount are the big files, the rest the same files under other query
    // strings, which wait behind them (and take over if a big one finishes during the run).
    QString text;
    text.reserve(rows * (baseUrl.toString().size() + 32));
    const QString base = baseUrl.toString(QUrl::StripTrailingSlash);
    for (int i = 0; i < rows; ++i) {
        text += base + u"/big/b"_s + QString::number(i % bigCount).rightJustified(2, u'0') + u".bin"_s;
        if (i >= bigCount)
            text += u"?row="_s + QString::number(i);
        text += u'\n';
    }

    Watchdog watchdog(probeMs);
    watchdog.start();
    spinFor(300);
    const qint64 idleFrom = nowNs();
    spinFor(700);
    const LatencyStats idle = latencyStats(watchdog.samples(), idleFrom, nowNs());

    // ------------------------------------------------------------------ a. paste N links
    say(u"pasting %1 links (%2 MB of text)"_s.arg(rows).arg(f1(double(text.size()) * 2 / 1e6)));
    qint64 rowsPresentNs = -1;
    const QMetaObject::Connection rowsWatch =
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model, [&rowsPresentNs, model, rows] {
            if (rowsPresentNs < 0 && model->rowCount() >= rows)
                rowsPresentNs = nowNs();
        });
    const qint64 pasteCpu0 = threadCpuNs();
    const qint64 paste0 = nowNs();
    panel->paste(text);
    const qint64 paste1 = nowNs();
    panel->submit(Quiver::Intent::Pause);
    const qint64 paste2 = nowNs();   // a small paste is parsed and queued inside submit()
    if (!spinUntil([&] { return rowsPresentNs >= 0; }, 300'000))
        fail(u"the links never reached the queue (%1 rows)"_s.arg(model->rowCount()));
    QObject::disconnect(rowsWatch);
    // The view lays out and paints the new rows, and the session file takes them in (a save 1 s after a
    // change): both are part of adding links.
    spinFor(2000);
    const qint64 pasteEnd = nowNs();
    const double pasteCpuPct = 100.0 * double(threadCpuNs() - pasteCpu0) / double(pasteEnd - paste0);
    const LatencyStats pasteStats = latencyStats(watchdog.samples(), paste0, pasteEnd);
    const double rssAfterPaste = procStatusMiB("VmRSS");
    text.clear();
    text.squeeze();
    say(u"paste: %1 ms to %2 rows, longest stall %3 ms"_s.arg(f1(ms(rowsPresentNs - paste0))).arg(model->rowCount())
            .arg(f1(pasteStats.maxMs)));

    // ------------------------------------------------------------------ b. Start All
    const qint64 start0 = nowNs();
    window->action(MainWindow::Action::StartAll)->trigger();
    const qint64 start1 = nowNs();
    if (!spinUntil([&] { return scheduler->activeCount() >= parallel; }, 60'000))
        fail(u"only %1 of %2 downloads started"_s.arg(scheduler->activeCount()).arg(parallel));
    const qint64 allActive = nowNs();
    spinFor(warmup * 1000);
    const qint64 startEnd = nowNs();
    const LatencyStats startStats = latencyStats(watchdog.samples(), start0, startEnd);
    say(u"start all: trigger %1 ms, %2 running after %3 ms, longest stall %4 ms"_s.arg(f1(ms(start1 - start0)))
            .arg(scheduler->activeCount()).arg(f1(ms(allActive - start0))).arg(f1(startStats.maxMs)));

    // ------------------------------------------------------------------ c. run: scroll, sort once
    say(u"running %1 s with %2 downloads, scrolling every %3 ms"_s.arg(seconds).arg(parallel).arg(scrollMs));
    QScrollBar *scrollBar = view->verticalScrollBar();
    QRandomGenerator random(42);
    int scrollTicks = 0;
    QTimer scroller;
    scroller.setTimerType(Qt::PreciseTimer);
    scroller.setInterval(qMax(1, scrollMs));
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        // Every fourth tick the top, where the running rows are; otherwise anywhere.
        const int maximum = scrollBar->maximum();
        scrollBar->setValue(scrollTicks % 4 == 0 || maximum <= 0 ? 0 : int(random.bounded(maximum + 1)));
        ++scrollTicks;
    });
    qint64 sort0 = -1;
    qint64 sort1 = -1;
    QTimer sorter;
    sorter.setSingleShot(true);
    sorter.setInterval(seconds * 500);
    QObject::connect(&sorter, &QTimer::timeout, [&] {
        if (sortColumn < 0)
            return;
        sort0 = nowNs();
        view->sortByColumn(sortColumn, Qt::DescendingOrder);   // = a click on the column's header
        sort1 = nowNs();
    });

    const auto countFinished = [model] {
        int count = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            count += model->at(row).state == DownloadState::Finished ? 1 : 0;
        return count;
    };
    const int finishedBefore = countFinished();
    const qint64 bytes0 = bytesReceived(model);
    const qint64 runCpu0 = threadCpuNs();
    const qint64 runProc0 = processCpuNs();
    const SchedStat runSched0 = threadSchedStat();
    const MachineCpu machine0 = machineCpu();
    const qint64 run0 = nowNs();
    if (scrollMs > 0)
        scroller.start();
    sorter.start();
    spinFor(seconds * 1000);
    scroller.stop();
    const qint64 run1 = nowNs();
    const qint64 runCpu1 = threadCpuNs();
    const qint64 runProc1 = processCpuNs();
    const SchedStat runSched1 = threadSchedStat();
    const MachineCpu machine1 = machineCpu();
    const qint64 bytes1 = bytesReceived(model);
    const int finished = countFinished() - finishedBefore;
    int failed = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const DownloadState state = model->at(row).state;
        failed += state == DownloadState::Failed || state == DownloadState::Retrying ? 1 : 0;
    }
    const int activeAtEnd = scheduler->activeCount();

    const LatencyStats runStats = latencyStats(watchdog.samples(), run0, run1);
    const LatencyStats steadyStats = sort0 >= 0 ? latencyStats(watchdog.samples(), run0, run1, sort0, sort1) : runStats;
    const double runSeconds = double(run1 - run0) / 1e9;
    const double mibPerSecond = double(bytes1 - bytes0) / runSeconds / 1048576.0;
    const double runCpuPct = 100.0 * double(runCpu1 - runCpu0) / double(run1 - run0);
    const double procCpuPct = 100.0 * double(runProc1 - runProc0) / double(run1 - run0);
    const double runWaitPct = 100.0 * double(runSched1.waitNs - runSched0.waitNs) / double(run1 - run0);
    const double machineBusyPct = machine1.total > machine0.total
        ? 100.0 * double(machine1.busy - machine0.busy) / double(machine1.total - machine0.total)
        : -1;
    const double rss = procStatusMiB("VmRSS");
    const double hwm = procStatusMiB("VmHWM");
    const int scrollExpected = scrollMs > 0 ? int(runSeconds * 1000 / scrollMs) : 0;
    const double sortMs = sort0 >= 0 ? ms(sort1 - sort0) : -1;

    watchdog.stop();
    window.reset();   // stops the transfers

    if (parser.isSet(stallLogOption)) {
        const qint64 threshold = qint64(parser.value(stallLogOption).toDouble() * 1e6);
        const auto mark = [](const char *what, qint64 at) {
            std::fprintf(stderr, "guibench: mark %-12s %.6f\n", what, double(at) / 1e9);
        };
        mark("paste", paste0);
        mark("rows", rowsPresentNs);
        mark("startall", start0);
        mark("run", run0);
        if (sort0 >= 0) {
            mark("sort", sort0);
            mark("sorted", sort1);
        }
        mark("end", run1);
        for (const Watchdog::Sample &sample : watchdog.samples()) {
            if (sample.latency() > threshold)
                std::fprintf(stderr, "guibench: stall %8.1f ms  %.6f .. %.6f\n", ms(sample.latency()),
                             double(sample.postNs) / 1e9, double(sample.deliverNs) / 1e9);
        }
    }

    // ------------------------------------------------------------------ report
    const QString sortName = parser.value(sortOption).toLower();
    QTextStream out(stdout);
    out << "| phase | time | longest stall ms | p99 ms | p50 ms | stalls > 50 ms | GUI thread CPU | notes |\n";
    out << "|---|---|---|---|---|---|---|---|\n";
    const auto row = [&out](const QString &phase, const QString &time, const LatencyStats &s, const QString &cpu,
                            const QString &notes) {
        out << "| " << phase << " | " << time << " | " << f1(s.maxMs) << " | " << f1(s.p99Ms) << " | " << f1(s.p50Ms)
            << " | " << s.over50 << " (" << f1(s.stalledMs) << " ms) | " << cpu << " | " << notes << " |\n";
    };
    row(u"idle, empty queue"_s, u"0.7 s"_s, idle, u"–"_s, u"%1 probes"_s.arg(idle.samples));
    row(u"paste %1 links"_s.arg(rows), f1(ms(rowsPresentNs - paste0)) + u" ms to rows"_s, pasteStats, f1(pasteCpuPct) + u" %"_s,
        u"paste() %1 ms, submit() %2 ms, parse + queue %3 ms; stalls counted to 2 s after; RSS %4 MiB"_s
            .arg(f1(ms(paste1 - paste0)), f1(ms(paste2 - paste1)), f1(ms(qMax<qint64>(0, rowsPresentNs - paste2))), f1(rssAfterPaste)));
    row(u"Start All"_s, f1(ms(start1 - start0)) + u" ms in trigger()"_s, startStats, u"–"_s,
        u"%1 running after %2 ms; stalls counted to %3 s after"_s.arg(parallel).arg(f1(ms(allActive - start0))).arg(warmup));
    row(u"run, %1 running"_s.arg(parallel), u"%1 s"_s.arg(f1(runSeconds)), runStats, f1(runCpuPct) + u" %"_s,
        u"%1 MiB/s; GUI thread waiting for a CPU %2 %, process CPU %3 %, all CPUs %4 % busy; scroll ticks %5/%6; "
        u"RSS %7 MiB (peak %8); %9 finished, %10 failing, %11 active at end; read buffer %12 KiB; session file %13"_s
            .arg(f1(mibPerSecond), f1(runWaitPct), f1(procCpuPct), f1(machineBusyPct))
            .arg(scrollTicks)
            .arg(scrollExpected)
            .arg(f1(rss), f1(hwm))
            .arg(finished)
            .arg(failed)
            .arg(activeAtEnd)
            .arg(readBuffer / 1024)
            .arg(session ? u"on"_s : u"off"_s));
    row(u"run without the sort"_s, u"–"_s, steadyStats, u"–"_s,
        sortMs >= 0 ? u"sort by %1: %2 ms in sortByColumn()"_s.arg(sortName, f1(sortMs)) : u"no sort"_s);
    out.flush();

    if (parser.isSet(jsonOption)) {
        QJsonObject o;
        const auto put = [&o](const QString &prefix, const LatencyStats &s) {
            o[prefix + u"_max"_s] = s.maxMs;
            o[prefix + u"_p99"_s] = s.p99Ms;
            o[prefix + u"_p50"_s] = s.p50Ms;
            o[prefix + u"_over50"_s] = s.over50;
            o[prefix + u"_samples"_s] = s.samples;
        };
        put(u"idle"_s, idle);
        put(u"paste"_s, pasteStats);
        put(u"start"_s, startStats);
        put(u"run"_s, runStats);
        put(u"steady"_s, steadyStats);
        o[u"rows"_s] = rows;
        o[u"parallel"_s] = parallel;
        o[u"seconds"_s] = runSeconds;
        o[u"sort_column"_s] = sortName;
        o[u"paste_ms"_s] = ms(rowsPresentNs - paste0);
        o[u"paste_call_ms"_s] = ms(paste1 - paste0);
        o[u"paste_submit_ms"_s] = ms(paste2 - paste1);
        o[u"paste_queue_ms"_s] = ms(qMax<qint64>(0, rowsPresentNs - paste2));
        o[u"paste_gui_cpu_pct"_s] = pasteCpuPct;
        o[u"rss_after_paste_mib"_s] = rssAfterPaste;
        o[u"start_trigger_ms"_s] = ms(start1 - start0);
        o[u"start_all_active_ms"_s] = ms(allActive - start0);
        o[u"sort_ms"_s] = sortMs;
        o[u"run_mibps"_s] = mibPerSecond;
        o[u"run_gui_cpu_pct"_s] = runCpuPct;
        o[u"run_proc_cpu_pct"_s] = procCpuPct;
        o[u"run_gui_wait_pct"_s] = runWaitPct;
        o[u"machine_busy_pct"_s] = machineBusyPct;
        o[u"rss_mib"_s] = rss;
        o[u"hwm_mib"_s] = hwm;
        o[u"scroll_ticks"_s] = scrollTicks;
        o[u"scroll_expected"_s] = scrollExpected;
        o[u"finished"_s] = finished;
        o[u"failing"_s] = failed;
        o[u"active_at_end"_s] = activeAtEnd;
        o[u"platform"_s] = QGuiApplication::platformName();
        o[u"read_buffer_kib"_s] = double(readBuffer) / 1024;
        o[u"session"_s] = session;
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
            fail(u"cannot write "_s + file.fileName());
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    }
    return 0;
}
