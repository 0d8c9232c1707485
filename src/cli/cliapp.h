#pragma once

#include "engine/downloadengine.h"
#include "links/checksumlist.h"
#include "links/linksparser.h"

#include <functional>

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Quiver {

namespace Aria2 {
class Backend;
}

class ProgressPrinter;
class SessionLock;
class SessionStore;

// quiver-cli: reads the links, queues them on the engine, prints progress to stderr and turns the
// outcome into an exit status (0 all finished, 1 something failed or was invalid, 2 bad usage).
class CliApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    enum ExitCode { Success = 0, SomeFailed = 1, BadUsage = 2 };

    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    // Parses the arguments and starts the downloads. Returns -1 when the event loop should run, or an
    // exit code to return at once.
    int start(const QStringList &arguments);

private:
    // Restores the session's items and queues the links it does not hold yet. False: exit with BadUsage.
    bool startSession(const QString &path, QList<Link> links, const QString &directory);
    // What start() does once the checksum lists are in: queue the links (or the session) and run.
    bool startDownloads(const QString &sessionPath, QList<Link> links, const QString &directory);
    // Reads a --checksums FILE into the engine; false (said why) when it cannot be read.
    bool addChecksumFile(const QString &path);
    // Prints a list's problems and hands its names to the engine.
    void takeChecksums(const ChecksumList &list, const QString &source);
    // Fetches the --checksums links one after the other, then calls then.
    void fetchChecksumLists(QStringList links, std::function<void()> then);
    // With a session, SIGINT and SIGTERM save the queue and exit 1 instead of killing the process.
    void watchTerminationSignals();
    void reportLeftovers(const QString &directory);
    // The backend for --remote, or nothing when the address or the secret file is not usable (said why).
    static std::unique_ptr<Aria2::Backend> remoteBackendFor(const QString &address, const QString &secretFile);
    void finish();
    // --export-links: the queue as a links file, at the end of the run.
    void exportQueue();

    // First, so it is released last, after the session's final save.
    std::unique_ptr<SessionLock> m_sessionLock;
    std::unique_ptr<DownloadEngine> m_engine;   // made once the arguments say which backend it runs on
    bool m_remote = false;
    std::unique_ptr<ProgressPrinter> m_printer;
    // After the engine, so it is destroyed first and can still save the model on the way out.
    std::unique_ptr<SessionStore> m_session;
    bool m_inputHadProblems = false;
    QString m_exportPath;
    QString m_exportBase;
};

} // namespace Quiver
