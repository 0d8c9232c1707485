#pragma once

// A real aria2 daemon (aria2c --enable-rpc) on 127.0.0.1 with a random port and a random secret, its
// downloads in a private folder. Like nginx, a missing aria2c is an error, not a skip: CI installs it.
// kill() ends it at once (SIGKILL, as a power cut or the OOM killer would) and restart() brings it back
// on the same port with the same secret, with its saved session when it keeps one.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QProcess;

namespace Quiver::Test {

class Aria2Fixture final
{
public:
    struct Options {
        bool saveSession = false;        // --save-session (and --input-file on a restart)
        QString overallLimit;            // --max-overall-download-limit, e.g. "256K"; empty: none
    };

    Aria2Fixture();
    ~Aria2Fixture();
    Aria2Fixture(const Aria2Fixture &) = delete;
    Aria2Fixture &operator=(const Aria2Fixture &) = delete;

    // Blocks until the daemon answers aria2.getVersion with our secret (at most ~15 s).
    bool start(const Options &options);
    bool restart();
    void kill();
    void stop();

    QUrl rpcUrl() const;
    QByteArray secret() const { return m_secret; }
    QString downloadDir() const { return m_dir.filePath(QStringLiteral("downloads")); }
    QString sessionFile() const { return m_dir.filePath(QStringLiteral("aria2.session")); }
    QString errorString() const { return m_error; }
    QString log() const;

    // A synchronous JSON-RPC call for the test's own questions (status of a gid, saveSession).
    QByteArray call(const QByteArray &method, const QByteArray &paramsAfterToken);

private:
    bool launch();
    bool answers();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    Options m_options;
    quint16 m_port = 0;
    QByteArray m_secret;
    QString m_error;
};

} // namespace Quiver::Test
