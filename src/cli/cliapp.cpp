#include "cliapp.h"

#include "util/diskpath.h"
#include "http/smallfetch.h"
#include "links/linksparser.h"
#include "progressprinter.h"
#include "queue/linksexport.h"
#include "remote/aria2backend.h"
#include "remote/secretfile.h"
#include "queue/queuedlinks.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "session/sessionlock.h"
#include "session/sessionstore.h"
#include "util/units.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#include <utility>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {
// Written by the signal handler, read by the event loop: the only async-signal-safe way to hand over.
int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// A wrong file (a 50 MB log) would bury the terminal under a line per line of it: the rest are counted.
constexpr qsizetype kMaxListedProblems = 100;

void printError(const QString &text)
{
    std::fprintf(stderr, "quiver-cli: %s\n", qPrintable(text));
}

// A whole number in [minimum, maximum], or nothing.
std::optional<int> intOption(const QCommandLineParser &parser, const QString &name, int minimum, int maximum)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

std::optional<double> secondsOption(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value <= 0 || value > 86400)
        return std::nullopt;
    return value;
}
} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
{
}

CliApp::~CliApp() = default;

int CliApp::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Downloads many files at once, resuming and retrying until each one is "
                                        "complete and correct."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption input({u"i"_s, u"input"_s}, tr("Read links from FILE (- for standard input)."), tr("FILE"));
    const QCommandLineOption dir({u"d"_s, u"dir"_s}, tr("Save files into DIR (default: the current folder)."), tr("DIR"), u"."_s);
    const QCommandLineOption parallel({u"j"_s, u"parallel"_s}, tr("Keep at most N connections at once (default 8): one per download, or one per segment with -s."), tr("N"), u"8"_s);
    const QCommandLineOption perHost(u"per-host"_s, tr("Keep at most N connections at once per host (default: as many as -j)."), tr("N"));
    const QCommandLineOption timeout(u"timeout"_s, tr("Give up on an attempt after S seconds without data (default 30)."), tr("S"), u"30"_s);
    const QCommandLineOption connectTimeout(u"connect-timeout"_s, tr("Give up on an attempt when the server has not answered within S seconds (default 30)."), tr("S"), u"30"_s);
    const QCommandLineOption retries(u"retries"_s, tr("Retry a failed download up to N times (default 5)."), tr("N"), u"5"_s);
    const QCommandLineOption retryWait(u"retry-wait"_s, tr("Wait up to S seconds before the first retry; the wait doubles with each retry (default 1)."), tr("S"), u"1"_s);
    const QCommandLineOption segments({u"s"_s, u"segments"_s}, tr("Fetch each file over up to N connections at once when the server serves it in ranges (default 1); they count against -j and --per-host."), tr("N"), u"1"_s);
    const QCommandLineOption session(u"session"_s, tr("Keep the queue in FILE so a later run resumes it."), tr("FILE"));
    const QCommandLineOption noGlobbing(u"no-globbing"_s, tr("Take [ ] { } in links as they are, not as URL patterns (curl's -g). Without it, http://host/img[001-120].jpg is 120 links; see README."));
    const QCommandLineOption maxPatternLinks(u"max-pattern-links"_s, tr("Refuse a URL pattern that makes more than N links (default %1).").arg(kDefaultMaxPatternLinks), tr("N"), QString::number(kDefaultMaxPatternLinks));
    const QCommandLineOption checksums(u"checksums"_s, tr("Check every download whose file name is in the checksum list SOURCE (a SHA256SUMS-style file or a link to one; sha256sum, sha512sum, sha1sum and BSD formats) before it is finished; a mismatch fails it. May be given more than once."), tr("SOURCE"));
    const QCommandLineOption exportLinks(u"export-links"_s, tr("When the run ends, write the queue to FILE as a links file (each link with its final out= name and its dir= under -d), which quiver-cli -i and aria2c -i read back."), tr("FILE"));

    const QCommandLineOption remote(u"remote"_s, tr("Download on the aria2 daemon at URL (its JSON-RPC address, "
                                                     "such as http://nas:6800/jsonrpc) instead of this computer. "
                                                     "-d is then a folder on the daemon's machine (default: the "
                                                     "daemon's own)."), tr("URL"));
    const QCommandLineOption remoteSecret(u"remote-secret-file"_s, tr("Read the daemon's secret token (its "
                                                                      "--rpc-secret) from FILE, which only you "
                                                                      "may read (chmod 600)."), tr("FILE"));
    // wget's --no-proxy: a plain switch (curl's --noproxy takes a list of hosts instead).
    const QCommandLineOption noProxy(u"no-proxy"_s, tr("Connect directly, ignoring the system's proxy settings (http_proxy and the like)."));
    const QCommandLineOption limitRate(u"limit-rate"_s, tr("Download at most RATE bytes per second in all, e.g. 500K or 2M (K = 1024 bytes; 0: no limit)."), tr("RATE"));
    parser.addOptions({input, dir, parallel, perHost, segments, timeout, connectTimeout, retries, retryWait, session, noProxy,
                       limitRate, noGlobbing, maxPatternLinks, checksums, exportLinks, remote, remoteSecret});
    parser.addPositionalArgument(tr("URL"), tr("Links to download, in addition to those from --input."), tr("[URL...]"));

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Success;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("quiver-cli %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return Success;
    }

    EngineSettings settings;
    const auto j = intOption(parser, parallel.names().constLast(), 1, 1000);
    const auto host = parser.isSet(perHost) ? intOption(parser, perHost.names().constLast(), 1, 1000) : j;
    const auto retryCount = intOption(parser, retries.names().constLast(), 0, 1000);
    const auto stall = secondsOption(parser, timeout.names().constLast());
    const auto connectSeconds = secondsOption(parser, connectTimeout.names().constLast());
    const auto wait = secondsOption(parser, retryWait.names().constLast());
    if (!j || !host) {
        printError(tr("-j and --per-host take a whole number from 1 to 1000."));
        return BadUsage;
    }
    const auto segmentCount = intOption(parser, segments.names().constLast(), 1, 16);
    if (!segmentCount) {
        printError(tr("-s takes a whole number from 1 to 16."));
        return BadUsage;
    }
    if (!retryCount) {
        printError(tr("--retries takes a whole number from 0 to 1000."));
        return BadUsage;
    }
    if (!stall || !connectSeconds || !wait) {
        printError(tr("--timeout, --connect-timeout and --retry-wait take a number of seconds greater than 0."));
        return BadUsage;
    }
    if (parser.isSet(limitRate)) {
        const std::optional<qint64> rate = Units::parseRate(parser.value(limitRate));
        if (!rate) {
            printError(tr("--limit-rate takes bytes per second, such as 500K, 2M or 100000, not “%1”.")
                           .arg(parser.value(limitRate)));
            return BadUsage;
        }
        settings.rateLimit = *rate;
    }
    const auto patternCap = intOption(parser, maxPatternLinks.names().constLast(), 1, 10'000'000);
    if (!patternCap) {
        printError(tr("--max-pattern-links takes a whole number from 1 to 10000000."));
        return BadUsage;
    }
    LinkListOptions listOptions;
    listOptions.maxProblems = kMaxListedProblems;
    listOptions.globbing = !parser.isSet(noGlobbing);
    listOptions.maxPatternLinks = *patternCap;
    settings.maxParallel = *j;
    settings.perHost = *host;
    settings.http.segments = *segmentCount;
    settings.retry.maxRetries = *retryCount;
    settings.retry.baseDelay = std::chrono::milliseconds(qint64(*wait * 1000));
    settings.http.stallTimeout = std::chrono::milliseconds(qint64(*stall * 1000));
    settings.http.connectTimeout = std::chrono::milliseconds(qint64(*connectSeconds * 1000));
    settings.http.useSystemProxy = !parser.isSet(noProxy);

    // Gather links: the input file first, then the arguments, in the order given.
    QList<Link> links;
    auto take = [&](const ParsedLinks &parsed, const QString &source) {
        for (const InputProblem &problem : parsed.problems) {
            m_inputHadProblems = true;
            // The excerpt helps only where the reason does not already quote the line.
            const QString reason = problem.excerpt.isEmpty() || problem.reason.contains(problem.excerpt)
                ? problem.reason
                : tr("%1 (%2)").arg(problem.reason, problem.excerpt);
            if (problem.line > 0)
                printError(tr("%1, line %2: %3").arg(source).arg(problem.line).arg(reason));
            else
                printError(tr("%1: %2").arg(source, reason));
        }
        if (parsed.unlistedProblems > 0) {
            m_inputHadProblems = true;
            printError(tr("%1: only the first %2 of %3 problems are listed. Check that this is a list of links.")
                           .arg(source)
                           .arg(parsed.problems.size())
                           .arg(parsed.problems.size() + parsed.unlistedProblems));
        }
        // The first list is taken as it is (shared, no copy): 100,000 links appended one by one were a
        // second copy of the list, with room to grow, at quiver-cli's peak.
        if (links.isEmpty())
            links = parsed.links;
        else
            links.append(parsed.links);
    };
    if (parser.isSet(input)) {
        const QString path = parser.value(input);
        QFile file;
        const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(absoluteDiskPath(path)), file.open(QIODevice::ReadOnly));
        if (!opened) {
            printError(tr("Cannot read the links file “%1”: %2.").arg(path, file.errorString()));
            return BadUsage;
        }
        take(parseLinkListBytes(file.readAll(), listOptions), path == QLatin1String("-") ? tr("standard input") : path);
    }
    const QStringList urls = parser.positionalArguments();
    for (int i = 0; i < urls.size(); ++i)
        take(parseLinkArgument(urls.at(i), listOptions), tr("argument %1").arg(i + 1));
    // A session that exists is a queue to continue, links or not.
    const QString sessionPath = parser.isSet(session) ? absoluteDiskPath(parser.value(session)) : QString();
    const bool continuing = parser.isSet(session) && QFileInfo::exists(sessionPath);
    if (!parser.isSet(input) && urls.isEmpty() && !continuing) {
        printError(tr("No links given. Pass URLs as arguments or a links file with -i FILE (see --help)."));
        return BadUsage;
    }

    std::unique_ptr<Aria2::Backend> remoteBackend;
    if (parser.isSet(remote)) {
        remoteBackend = remoteBackendFor(parser.value(remote),
                                         parser.isSet(remoteSecret) ? parser.value(remoteSecret) : QString());
        if (!remoteBackend)
            return BadUsage;
        if (parser.isSet(dir) && !QDir::isAbsolutePath(parser.value(dir))) {
            printError(tr("With --remote, -d names a folder on the daemon's machine: give its absolute path."));
            return BadUsage;
        }
    } else if (parser.isSet(remoteSecret)) {
        printError(tr("--remote-secret-file needs --remote URL."));
        return BadUsage;
    }

    // Before anything is made or read: a session another process runs is left wholly alone.
    if (parser.isSet(session)) {
        m_sessionLock = std::make_unique<SessionLock>(sessionPath);
        if (m_sessionLock->tryLock() != SessionLock::Outcome::Locked) {
            printError(m_sessionLock->errorString());
            return BadUsage;
        }
    }

    const bool isRemote = remoteBackend != nullptr;
    // The daemon's folder is on the daemon's disk: aria2 makes it, and says so when it cannot.
    const QString directory = isRemote ? (parser.isSet(dir) ? QDir::cleanPath(parser.value(dir)) : QString())
                                       : absoluteDiskPath(parser.value(dir));
    if (!isRemote) {
        QFileInfo dirInfo(directory);
        if (dirInfo.exists() && !dirInfo.isDir()) {
            printError(tr("“%1” is not a folder. Choose a folder with -d.").arg(directory));
            return BadUsage;
        }
        if (!dirInfo.exists() && !QDir().mkpath(directory)) {
            printError(tr("Cannot create the folder “%1”. Check the path and your permissions.").arg(directory));
            return BadUsage;
        }
    }

    if (isRemote && parser.isSet(checksums)) {
        printError(tr("--checksums checks files on this computer; with --remote the files are on the daemon's machine."));
        return BadUsage;
    }
    if (isRemote && settings.http.segments > 1) {
        printError(tr("-s splits downloads on this computer; with --remote, set aria2's own --split and "
                      "--max-connection-per-server on the daemon."));
        return BadUsage;
    }
    if (isRemote && parser.isSet(limitRate)) {
        printError(tr("--limit-rate limits downloads on this computer; with --remote, set aria2's own "
                      "--max-overall-download-limit on the daemon."));
        return BadUsage;
    }
    m_engine = isRemote ? std::make_unique<DownloadEngine>(std::move(remoteBackend))
                        : std::make_unique<DownloadEngine>();
    m_remote = isRemote;
    if (isRemote)
        settings.perEngine = settings.maxParallel;   // -j counts the daemon's downloads when they all run there
    m_engine->applySettings(settings);
    if (parser.isSet(exportLinks)) {
        m_exportPath = absoluteDiskPath(parser.value(exportLinks));
        m_exportBase = directory;
    }
    // Checksum lists come first: a file finished before its list was read would go unchecked.
    QStringList checksumLinks;
    for (const QString &source : parser.values(checksums)) {
        if (source.startsWith(u"http://"_s, Qt::CaseInsensitive) || source.startsWith(u"https://"_s, Qt::CaseInsensitive))
            checksumLinks.append(source);
        else if (!addChecksumFile(source))
            return BadUsage;
    }
    const QString sessionFile = parser.isSet(session) ? sessionPath : QString();
    if (checksumLinks.isEmpty())
        return startDownloads(sessionFile, std::move(links), directory) ? -1 : BadUsage;
    fetchChecksumLists(checksumLinks, [this, sessionFile, links = std::move(links), directory]() mutable {
        if (!startDownloads(sessionFile, std::move(links), directory))
            QCoreApplication::exit(BadUsage);
    });
    return -1;
}

bool CliApp::startDownloads(const QString &sessionPath, QList<Link> links, const QString &directory)
{
    m_printer = std::make_unique<ProgressPrinter>(m_engine.get());
    connect(m_engine->scheduler(), &Scheduler::idle, this, &CliApp::finish);
    if (!sessionPath.isEmpty()) {
        if (!startSession(sessionPath, std::move(links), directory))
            return false;
    } else {
        m_engine->add(m_engine->queuedLinks()->claimNew(links, {}), directory);
    }
    if (m_engine->scheduler()->isIdle())
        QTimer::singleShot(0, this, &CliApp::finish);
    return true;
}

bool CliApp::addChecksumFile(const QString &path)
{
    QFile file(absoluteDiskPath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        printError(tr("Cannot read the checksum list “%1”: %2.").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > ChecksumList::kMaxBytes) {
        printError(tr("“%1” is larger than 16 MiB, so it is not a checksum list.").arg(path));
        return false;
    }
    takeChecksums(ChecksumList::parse(file.readAll(), QFileInfo(path).fileName(), kMaxListedProblems), path);
    return true;
}

void CliApp::takeChecksums(const ChecksumList &list, const QString &source)
{
    for (const InputProblem &problem : list.problems()) {
        m_inputHadProblems = true;
        const QString reason = problem.excerpt.isEmpty() ? problem.reason : tr("%1 (%2)").arg(problem.reason, problem.excerpt);
        if (problem.line > 0)
            printError(tr("%1, line %2: %3").arg(source).arg(problem.line).arg(reason));
        else
            printError(tr("%1: %2").arg(source, reason));
    }
    if (list.unlistedProblems() > 0) {
        m_inputHadProblems = true;
        printError(tr("%1: %2 more problems are not listed.").arg(source).arg(list.unlistedProblems()));
    }
    m_engine->addChecksums(list);
}

void CliApp::fetchChecksumLists(QStringList links, std::function<void()> then)
{
    if (links.isEmpty()) {
        then();
        return;
    }
    const QString link = links.takeFirst();
    const LinkCheck check = checkLink(link);
    if (!check.isOk()) {
        printError(tr("--checksums: %1").arg(check.reason));
        QTimer::singleShot(0, this, [] { QCoreApplication::exit(BadUsage); });
        return;
    }
    SmallFetch *fetch = m_engine->fetchChecksumList(check.url, this);
    connect(fetch, &SmallFetch::finished, this,
            [this, fetch, link, links = std::move(links), then = std::move(then)](const QByteArray &bytes, const QString &error) mutable {
                fetch->deleteLater();
                if (!error.isEmpty()) {
                    // The user asked for the files to be checked: none is downloaded unchecked.
                    printError(tr("The checksum list could not be fetched, so nothing was downloaded. %1").arg(error));
                    QCoreApplication::exit(SomeFailed);
                    return;
                }
                const QString shown = cleanExcerpt(link);
                takeChecksums(ChecksumList::parse(bytes, shown, kMaxListedProblems), shown);
                fetchChecksumLists(std::move(links), std::move(then));
            });
    fetch->start();
}

bool CliApp::startSession(const QString &path, QList<Link> links, const QString &directory)
{
    m_session = std::make_unique<SessionStore>(m_engine->model(), path);
    m_engine->keepNamesIn(m_session.get());
    SessionLoadResult loaded = m_session->load();
    for (const QString &problem : std::as_const(loaded.problems))
        printError(tr("session %1: %2").arg(path, problem));
    if (loaded.unreadable)
        return false;
    if (!loaded.problems.isEmpty())
        m_inputHadProblems = true;   // items were lost from the queue: the run cannot count as a success
    // The lists of earlier runs check the queue they left, beside those given now (before any item starts).
    if (!loaded.checksums.isEmpty() || !loaded.checksums.refusedNames().isEmpty())
        m_engine->addChecksums(loaded.checksums);
    m_engine->keepChecksumsIn(m_session.get());

    // The session never holds credentials, so a link given again with user:password lends them to its
    // restored item for this run (and is not queued again, whatever its credentials).
    QHash<QString, qsizetype> known;
    for (qsizetype i = 0; i < loaded.items.size(); ++i)
        known.insert(linkIdentity(loaded.items.at(i).url), i);
    QList<Link> fresh;
    fresh.reserve(links.size());
    for (Link &link : links) {
        const auto it = known.constFind(linkIdentity(link.url.adjusted(QUrl::RemoveUserInfo)));
        if (it == known.cend()) {
            fresh.append(std::move(link));
            continue;
        }
        DownloadItem &item = loaded.items[*it];
        if (!link.url.userInfo().isEmpty() && item.url.userInfo().isEmpty())
            item.url = link.url;
    }
    links = {};   // moved into fresh or not needed: not kept through the add and the first save

    const QList<DownloadId> restored = m_engine->restore(std::move(loaded.items));
    // The CLI has no Start or Retry button: running it again is the user asking for the whole queue.
    // Paused items start, failed ones get a fresh retry budget; canceled ones stay canceled.
    QList<DownloadId> paused;
    QList<DownloadId> failed;
    for (DownloadId id : restored) {
        const DownloadItem *item = m_engine->model()->find(id);
        if (item->state == DownloadState::Failed)
            failed.append(id);
        else if (item->state == DownloadState::Paused || item->intent == Intent::Pause)
            paused.append(id);
    }
    m_engine->scheduler()->resume(paused);
    m_engine->scheduler()->retry(failed);
    // The links go once they are items, before the first save: 100,000 of them (their out= names and
    // options) were 13 MB of quiver-cli's peak.
    m_engine->add(m_engine->queuedLinks()->claimNew(std::exchange(fresh, {}), {}), directory);
    if (!m_remote)
        reportLeftovers(directory);
    watchTerminationSignals();
    // Written now, not only on the first change, so a new session file exists from the start.
    if (!m_session->saveNow(true))
        printError(tr("session %1: %2").arg(path, m_session->lastError()));
    connect(m_session.get(), &SessionStore::saveFailed, this, [path](const QString &message) {
        printError(tr("session %1: %2").arg(path, message));
    });
    return true;
}

// A .part of Quiver's that no queue entry owns is pointed out, never deleted: whose it is and what it
// holds is for the user to judge.
void CliApp::reportLeftovers(const QString &directory)
{
    const QList<LeftoverPart> leftovers
        = m_engine->leftoversAmong(LeftoverPart::findIn(QStringList{directory} + m_engine->queueFolders()));
    for (const LeftoverPart &part : leftovers) {
        const QString held = part.total >= 0 ? tr("%1 of %2").arg(Units::bytes(part.size), Units::bytes(part.total))
                                             : Units::bytes(part.size);
        printError(tr("“%1” in “%2” holds %3 of a download of %4 that is in no queue. To continue it, run "
                      "quiver-cli again with that link and -d “%2”; or delete the file.")
                       .arg(QFileInfo(part.path).fileName(), part.folder(), held,
                            part.url.toDisplayString(QUrl::RemoveUserInfo)));
    }
}

std::unique_ptr<Aria2::Backend> CliApp::remoteBackendFor(const QString &address, const QString &secretFile)
{
    QUrl url = QUrl::fromUserInput(address);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        printError(tr("--remote takes the daemon's JSON-RPC address, such as http://nas:6800/jsonrpc."));
        return nullptr;
    }
    // aria2 answers on /jsonrpc only; "http://nas:6800" alone means that.
    if (url.path().isEmpty() || url.path() == u"/")
        url.setPath(u"/jsonrpc"_s);
    Aria2::Endpoint endpoint;
    endpoint.url = url;
    endpoint.name = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    if (!secretFile.isEmpty()) {
        QString error;
        const auto secret = Aria2::readSecretFile(absoluteDiskPath(secretFile), &error);
        if (!secret) {
            printError(error);
            return nullptr;
        }
        endpoint.secret = *secret;
    }
    return std::make_unique<Aria2::Backend>(endpoint);
}

void CliApp::watchTerminationSignals()
{
    // Ctrl-C or a polite kill: keep the session exact (the last progress, not the last timed save) and
    // leave. A failure to set this up only costs the few seconds since the last save.
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        while (::read(signalPipe[0], &byte, 1) > 0) {
        }
        m_session->saveNow(true);
        exportQueue();
        printError(tr("Interrupted. The queue is saved in “%1”; run again with --session to continue.")
                       .arg(m_session->path()));
        QCoreApplication::exit(SomeFailed);
    });
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void CliApp::exportQueue()
{
    if (m_exportPath.isEmpty())
        return;
    QList<DownloadItem> items;
    const QueueModel *model = m_engine->model();
    items.reserve(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        items.append(model->at(row));
    QSaveFile file(m_exportPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(linksFileFor(items, m_exportBase).toUtf8()) < 0 || !file.commit()) {
        m_inputHadProblems = true;
        printError(tr("Cannot write the links file “%1”: %2.").arg(m_exportPath, file.errorString()));
    }
}

void CliApp::finish()
{
    if (m_session && !m_session->saveNow(true))
        m_inputHadProblems = true;   // saveFailed() already said why
    exportQueue();
    m_printer->printSummary();
    // Every item of the queue counts, also those finished or failed in an earlier run of the session.
    bool allDone = true;
    const QueueModel *model = m_engine->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const DownloadState state = model->at(row).state;
        if (state != DownloadState::Finished && state != DownloadState::Canceled)
            allDone = false;
    }
    QCoreApplication::exit(allDone && !m_inputHadProblems ? Success : SomeFailed);
}

} // namespace Quiver
