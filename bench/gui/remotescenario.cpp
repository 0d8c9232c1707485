// The remote scenario (see remotescenario.h and bench/README.md, "GUI responsiveness with remote rows"):
//
//   a. paste N links for the engine "NAS" (paused), as a person choosing "Run on: NAS" does;
//   b. Start All with the engine's cap raised to N, so every row is added to the daemon (aria2 runs a few
//      of them, its max-concurrent-downloads, and keeps the rest waiting in its own line) and followed;
//   c. run: the window polls all N with one system.multicall per refresh while the table scrolls;
//   d. Pause All: every row paused on the daemon, after which nothing is polled at all.
//
// The watchdog measures the GUI thread's stalls in each phase; the polling cost is counted as requests
// (Monitor::refreshesSent() against the seconds), as the GUI thread's and the daemon's CPU time per
// refresh, and as one multicall of the same size timed from the outside (its answer's bytes and round trip).

#include "remotescenario.h"

#include "addlinkspanel.h"
#include "appsettings.h"
#include "benchprobe.h"
#include "enginechooser.h"
#include "engine/downloadengine.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "remote/aria2backend.h"
#include "remote/aria2monitor.h"
#include "remote/aria2reply.h"
#include "remote/aria2transfer.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <unistd.h>

using namespace Quiver;
using namespace GuiBench;
using namespace Qt::StringLiterals;

namespace {

// The daemon's CPU time so far (utime + stime from /proc/PID/stat), in ns; -1 when it cannot be read.
qint64 daemonCpuNs(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();   // utime, stime
    return ticks * 1'000'000'000 / sysconf(_SC_CLK_TCK);
}

// One JSON-RPC POST, waited for on the event loop: its answer's size and round trip.
struct Posted {
    qint64 bytes = -1;
    double ms = -1;
};

Posted post(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const qint64 t0 = nowNs();
    QNetworkReply *reply = network.post(request, body);
    spinUntil([reply] { return reply->isFinished(); }, 60'000);
    Posted posted;
    if (reply->isFinished() && reply->error() == QNetworkReply::NoError) {
        posted.bytes = reply->readAll().size();
        posted.ms = ms(nowNs() - t0);
    }
    reply->deleteLater();
    return posted;
}

QJsonObject globalStat(QNetworkAccessManager &network, const RemoteScenario &o)
{
    const QJsonObject call{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, u"g"_s}, {u"method"_s, u"aria2.getGlobalStat"_s},
                           {u"params"_s, QJsonArray{QString(u"token:"_s + QString::fromUtf8(o.secret))}}};
    QNetworkRequest request(o.rpc);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = network.post(request, QJsonDocument(call).toJson(QJsonDocument::Compact));
    spinUntil([reply] { return reply->isFinished(); }, 30'000);
    const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object().value(u"result"_s).toObject();
    reply->deleteLater();
    return result;
}

} // namespace

int runRemoteScenario(const RemoteScenario &o)
{
    if (!o.rpc.isValid() || o.secret.isEmpty() || o.remoteDir.isEmpty() || !o.baseUrl.isValid() || o.rows < 1
        || o.seconds < 1 || o.bigCount < 1 || o.probeMs < 1 || o.scrollMs < 0)
        fail(u"the remote scenario needs --remote-rpc, --remote-secret-file, --remote-dir and --base-url"_s);

    QTemporaryDir work(QDir(o.workParent).filePath(u"quiver-guibench.XXXXXX"_s));
    if (!work.isValid())
        fail(u"cannot create a work folder: "_s + work.errorString());
    AppSettings settings(QDir(work.path()).filePath(u"quiver.ini"_s));
    settings.setDownloadDirectory(QDir(work.path()).filePath(u"downloads"_s));
    QString error;
    if (!settings.setRemoteEngines({{u"NAS"_s, o.rpc}}, {{u"NAS"_s, o.secret}}, &error))
        fail(u"cannot add the engine: "_s + error);

    auto window = std::make_unique<MainWindow>(&settings);
    AddLinksPanel *panel = window->addLinksPanel();
    QTableView *view = window->queueView();
    DownloadEngine *engine = window->engine();
    QueueModel *model = engine->model();
    panel->setConfirmLargeAdd([](int) { return true; });
    if (o.session)
        window->useSession(QDir(work.path()).filePath(u"queue.json"_s));
    window->resize(1180, 720);
    window->show();
    spinFor(1000);   // mapped, painted, settings (and the engine) applied
    Aria2::Backend *nas = engine->remoteEngine(u"NAS"_s);
    if (!nas)
        fail(u"the engine NAS did not reach the window"_s);
    const Aria2::Monitor *monitor = nas->monitor();
    // Every row on the daemon at once: aria2 runs its max-concurrent-downloads, the rest wait in its line,
    // and the window follows all of them.
    EngineSettings tuned = engine->settings();
    tuned.perEngine = o.rows;
    engine->applySettings(tuned);
    QNetworkAccessManager network;

    QString text;
    const QString base = o.baseUrl.toString(QUrl::StripTrailingSlash);
    for (int i = 0; i < o.rows; ++i) {
        text += base + u"/big/b"_s + QString::number(i % o.bigCount).rightJustified(2, u'0') + u".bin"_s;
        if (i >= o.bigCount)
            text += u"?row="_s + QString::number(i);
        text += u'\n';
    }

    Watchdog watchdog(o.probeMs);
    watchdog.start();
    spinFor(300);
    const qint64 idleFrom = nowNs();
    spinFor(700);
    const LatencyStats idle = latencyStats(watchdog.samples(), idleFrom, nowNs());

    // ------------------------------------------------------------------ a. paste, for the engine
    panel->engineChooser()->setEngine(u"NAS"_s);
    panel->engineChooser()->setRemoteFolder(o.remoteDir);
    const qint64 paste0 = nowNs();
    panel->paste(text);
    panel->submit(Intent::Pause);
    if (!spinUntil([&] { return model->rowCount() >= o.rows; }, 300'000))
        fail(u"the links never reached the queue (%1 rows)"_s.arg(model->rowCount()));
    const qint64 rowsPresent = nowNs();
    spinFor(2000);
    const qint64 pasteEnd = nowNs();
    const LatencyStats pasteStats = latencyStats(watchdog.samples(), paste0, pasteEnd);
    say(u"paste: %1 rows for NAS in %2 ms, longest stall %3 ms"_s.arg(model->rowCount()).arg(f1(ms(rowsPresent - paste0)))
            .arg(f1(pasteStats.maxMs)));

    // ------------------------------------------------------------------ b. Start All: every row to the daemon
    const qint64 start0 = nowNs();
    window->action(MainWindow::Action::StartAll)->trigger();
    if (!spinUntil([&] { return monitor->watchedCount() >= o.rows; }, 600'000))
        fail(u"only %1 of %2 rows reached the daemon"_s.arg(monitor->watchedCount()).arg(o.rows));
    const qint64 allAdded = nowNs();
    spinFor(2000);
    const qint64 startEnd = nowNs();
    const LatencyStats startStats = latencyStats(watchdog.samples(), start0, startEnd);
    const QJsonObject heldRunning = globalStat(network, o);
    say(u"start all: %1 rows on the daemon after %2 ms (active %3, waiting %4), longest stall %5 ms"_s
            .arg(monitor->watchedCount()).arg(f1(ms(allAdded - start0)))
            .arg(heldRunning.value(u"numActive"_s).toString(), heldRunning.value(u"numWaiting"_s).toString())
            .arg(f1(startStats.maxMs)));

    // ------------------------------------------------------------------ c. run: polling all of them
    QScrollBar *scrollBar = view->verticalScrollBar();
    QRandomGenerator random(42);
    int scrollTicks = 0;
    QTimer scroller;
    scroller.setTimerType(Qt::PreciseTimer);
    scroller.setInterval(qMax(1, o.scrollMs));
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        const int maximum = scrollBar->maximum();
        scrollBar->setValue(scrollTicks % 4 == 0 || maximum <= 0 ? 0 : int(random.bounded(maximum + 1)));
        ++scrollTicks;
    });
    const int refreshes0 = monitor->refreshesSent();
    const qint64 gui0 = threadCpuNs();
    const qint64 proc0 = processCpuNs();
    const qint64 daemon0 = daemonCpuNs(o.daemonPid);
    const qint64 run0 = nowNs();
    if (o.scrollMs > 0)
        scroller.start();
    spinFor(o.seconds * 1000);
    scroller.stop();
    const qint64 run1 = nowNs();
    const int refreshes = monitor->refreshesSent() - refreshes0;
    const double runSeconds = double(run1 - run0) / 1e9;
    const double guiCpuMs = ms(threadCpuNs() - gui0);
    const double procCpuMs = ms(processCpuNs() - proc0);
    const qint64 daemon1 = daemonCpuNs(o.daemonPid);
    const double daemonCpuMs = daemon0 >= 0 && daemon1 >= 0 ? ms(daemon1 - daemon0) : -1;
    const LatencyStats runStats = latencyStats(watchdog.samples(), run0, run1);
    int downloading = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        downloading += model->at(row).state == DownloadState::Downloading ? 1 : 0;

    // The window kept polling, without scrolling: what a refresh costs the GUI thread and the daemon.
    const int quietRefreshes0 = monitor->refreshesSent();
    const qint64 quietGui0 = threadCpuNs();
    const qint64 quietDaemon0 = daemonCpuNs(o.daemonPid);
    const qint64 quiet0 = nowNs();
    spinFor(o.seconds * 1000);
    const qint64 quiet1 = nowNs();
    const int quietPolls = monitor->refreshesSent() - quietRefreshes0;
    const double quietGuiMs = ms(threadCpuNs() - quietGui0);
    const qint64 quietDaemon1 = daemonCpuNs(o.daemonPid);
    const double quietDaemonMs = quietDaemon0 >= 0 && quietDaemon1 >= 0 ? ms(quietDaemon1 - quietDaemon0) : -1;
    const LatencyStats quietStats = latencyStats(watchdog.samples(), quiet0, quiet1);

    // The poll itself, timed from the outside: the same multicall the monitor sends, for every download the
    // daemon holds.
    QJsonArray calls;
    const QString token = u"token:"_s + QString::fromUtf8(o.secret);
    {
        const QJsonArray keys{u"gid"_s};
        const QJsonObject ask{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, u"l"_s}, {u"method"_s, u"system.multicall"_s},
                              {u"params"_s, QJsonArray{QJsonArray{
                                  QJsonObject{{u"methodName"_s, u"aria2.tellActive"_s}, {u"params"_s, QJsonArray{token, keys}}},
                                  QJsonObject{{u"methodName"_s, u"aria2.tellWaiting"_s},
                                              {u"params"_s, QJsonArray{token, 0, o.rows, keys}}}}}}};
        QNetworkRequest request(o.rpc);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = network.post(request, QJsonDocument(ask).toJson(QJsonDocument::Compact));
        spinUntil([reply] { return reply->isFinished(); }, 60'000);
        const QJsonArray lists = QJsonDocument::fromJson(reply->readAll()).object().value(u"result"_s).toArray();
        reply->deleteLater();
        for (const QJsonValue &list : lists) {
            for (const QJsonValue &download : list.toArray().at(0).toArray()) {
                const QString gid = download.toObject().value(u"gid"_s).toString();
                calls.append(QJsonObject{{u"methodName"_s, u"aria2.tellStatus"_s},
                                         {u"params"_s, QJsonArray{token, gid, QJsonArray::fromStringList(Aria2::statusKeys())}}});
            }
        }
    }
    const QByteArray pollBody = QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, u"p"_s},
                                                          {u"method"_s, u"system.multicall"_s},
                                                          {u"params"_s, QJsonArray{calls}}})
                                    .toJson(QJsonDocument::Compact);
    std::vector<double> pollMs;
    qint64 pollBytes = -1;
    for (int i = 0; i < 5; ++i) {
        const Posted posted = post(network, o.rpc, pollBody);
        if (posted.bytes < 0)
            fail(u"the daemon did not answer the timed multicall"_s);
        pollBytes = posted.bytes;
        pollMs.push_back(posted.ms);
    }
    std::sort(pollMs.begin(), pollMs.end());
    say(u"run: %1 refreshes in %2 s, longest stall %3 ms, %4 downloading; one poll of %5 gids: %6 KiB answer, %7 ms"_s
            .arg(refreshes).arg(f1(runSeconds)).arg(f1(runStats.maxMs)).arg(downloading).arg(calls.size())
            .arg(f1(double(pollBytes) / 1024)).arg(f1(pollMs[2])));

    // ------------------------------------------------------------------ d. Pause All
    const qint64 pause0 = nowNs();
    window->action(MainWindow::Action::PauseAll)->trigger();
    const auto allPaused = [model] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->at(row).state != DownloadState::Paused)
                return false;
        }
        return true;
    };
    if (!spinUntil(allPaused, 600'000))
        fail(u"Pause All did not end"_s);
    const qint64 paused = nowNs();
    const int refreshesBeforeQuiet = monitor->refreshesSent();
    spinFor(3000);
    const qint64 pauseEnd = nowNs();
    const int quietRefreshes = monitor->refreshesSent() - refreshesBeforeQuiet;
    const LatencyStats pauseStats = latencyStats(watchdog.samples(), pause0, pauseEnd);
    const QJsonObject heldPaused = globalStat(network, o);
    const double rss = procStatusMiB("VmRSS");
    const double hwm = procStatusMiB("VmHWM");
    say(u"pause all: %1 ms, the daemon holds %2 waiting/paused; %3 refreshes in the 3 s after"_s
            .arg(f1(ms(paused - pause0)), heldPaused.value(u"numWaiting"_s).toString()).arg(quietRefreshes));

    watchdog.stop();
    window.reset();

    QTextStream out(stdout);
    out << "| phase | time | longest stall ms | p99 ms | p50 ms | stalls > 50 ms | notes |\n|---|---|---|---|---|---|---|\n";
    const auto row = [&out](const QString &phase, const QString &time, const LatencyStats &s, const QString &notes) {
        out << "| " << phase << " | " << time << " | " << f1(s.maxMs) << " | " << f1(s.p99Ms) << " | " << f1(s.p50Ms)
            << " | " << s.over50 << " | " << notes << " |\n";
    };
    row(u"idle"_s, u"0.7 s"_s, idle, {});
    row(u"paste %1 links for NAS"_s.arg(o.rows), f1(ms(rowsPresent - paste0)) + u" ms to rows"_s, pasteStats, {});
    row(u"Start All, every row added on the daemon"_s, f1(ms(allAdded - start0)) + u" ms"_s, startStats,
        u"daemon: %1 active, %2 waiting"_s.arg(heldRunning.value(u"numActive"_s).toString(),
                                               heldRunning.value(u"numWaiting"_s).toString()));
    row(u"run, all %1 polled"_s.arg(o.rows), f1(runSeconds) + u" s"_s, runStats,
        u"%1 multicalls (%2/s); GUI thread %3 % CPU, process %4 %, daemon %5 %; %6 downloading; scroll ticks %7"_s
            .arg(refreshes).arg(f1(refreshes / runSeconds))
            .arg(f1(100 * guiCpuMs / (runSeconds * 1000)), f1(100 * procCpuMs / (runSeconds * 1000)),
                 daemonCpuMs >= 0 ? f1(100 * daemonCpuMs / (runSeconds * 1000)) : u"–"_s)
            .arg(downloading)
            .arg(scrollTicks));
    row(u"polled, window left alone"_s, f1(double(quiet1 - quiet0) / 1e9) + u" s"_s, quietStats,
        u"%1 multicalls; per refresh: GUI thread %2 ms CPU, daemon %3 ms; one poll of %4 downloads: %5 KiB asked, "
        u"%6 KiB answered, %7 ms round trip"_s
            .arg(quietPolls)
            .arg(f1(quietGuiMs / qMax(1, quietPolls)), quietDaemonMs >= 0 ? f1(quietDaemonMs / qMax(1, quietPolls)) : u"–"_s)
            .arg(calls.size())
            .arg(f1(double(pollBody.size()) / 1024), f1(double(pollBytes) / 1024), f1(pollMs[2])));
    row(u"Pause All"_s, f1(ms(paused - pause0)) + u" ms"_s, pauseStats,
        u"daemon holds %1 waiting/paused; %2 refreshes in 3 s after; RSS %3 MiB (peak %4)"_s
            .arg(heldPaused.value(u"numWaiting"_s).toString()).arg(quietRefreshes).arg(f1(rss), f1(hwm)));
    out.flush();

    if (!o.jsonFile.isEmpty()) {
        QJsonObject j;
        const auto put = [&j](const QString &prefix, const LatencyStats &s) {
            j[prefix + u"_max"_s] = s.maxMs;
            j[prefix + u"_p99"_s] = s.p99Ms;
            j[prefix + u"_p50"_s] = s.p50Ms;
            j[prefix + u"_over50"_s] = s.over50;
        };
        put(u"idle"_s, idle);
        put(u"paste"_s, pasteStats);
        put(u"start"_s, startStats);
        put(u"run"_s, runStats);
        put(u"pause"_s, pauseStats);
        j[u"scenario"_s] = u"remote"_s;
        j[u"rows"_s] = o.rows;
        j[u"paste_ms"_s] = ms(rowsPresent - paste0);
        j[u"start_added_ms"_s] = ms(allAdded - start0);
        j[u"daemon_active"_s] = heldRunning.value(u"numActive"_s).toString().toInt();
        j[u"daemon_waiting"_s] = heldRunning.value(u"numWaiting"_s).toString().toInt();
        j[u"daemon_waiting_paused"_s] = heldPaused.value(u"numWaiting"_s).toString().toInt();
        j[u"seconds"_s] = runSeconds;
        j[u"refreshes"_s] = refreshes;
        j[u"run_gui_cpu_pct"_s] = 100 * guiCpuMs / (runSeconds * 1000);
        j[u"run_proc_cpu_pct"_s] = 100 * procCpuMs / (runSeconds * 1000);
        j[u"run_daemon_cpu_pct"_s] = daemonCpuMs >= 0 ? 100 * daemonCpuMs / (runSeconds * 1000) : -1;
        put(u"quiet"_s, quietStats);
        j[u"quiet_refreshes"_s] = quietPolls;
        j[u"gui_cpu_ms_per_refresh"_s] = quietGuiMs / qMax(1, quietPolls);
        j[u"daemon_cpu_ms_per_refresh"_s] = quietDaemonMs >= 0 ? quietDaemonMs / qMax(1, quietPolls) : -1;
        j[u"poll_gids"_s] = int(calls.size());
        j[u"poll_request_kib"_s] = double(pollBody.size()) / 1024;
        j[u"poll_kib"_s] = double(pollBytes) / 1024;
        j[u"poll_ms"_s] = pollMs[2];
        j[u"downloading"_s] = downloading;
        j[u"pause_ms"_s] = ms(paused - pause0);
        j[u"after_pause_refreshes"_s] = quietRefreshes;
        j[u"rss_mib"_s] = rss;
        j[u"hwm_mib"_s] = hwm;
        QFile file(o.jsonFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
            fail(u"cannot write "_s + file.fileName());
        file.write(QJsonDocument(j).toJson(QJsonDocument::Compact) + '\n');
    }
    return 0;
}
