#pragma once

// A real nginx on 127.0.0.1 serving a folder, for Range/ETag behaviour as a production server has it.
//
// Everything nginx writes (config, pid, logs, temp folders) lives in a private QTemporaryDir. nginx runs in the
// foreground as a single process (daemon off, master_process off) so QProcess owns it and stop() ends it.
// A missing nginx is an error, not a skip: CI installs it, and a silent skip would hide lost coverage.

#include <QString>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Quiver::Test {

class NginxFixture final
{
public:
    NginxFixture();
    ~NginxFixture();
    NginxFixture(const NginxFixture &) = delete;
    NginxFixture &operator=(const NginxFixture &) = delete;

    // Serves rootDir. Blocks until nginx accepts connections (at most ~15 s), picking another port if the chosen
    // one was taken in the meantime. On failure returns false and errorString() says why.
    bool start(const QString &rootDir);
    void stop(); // terminate and wait; also done by the destructor
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const; // http://127.0.0.1:PORT/path
    QString errorString() const { return m_error; }
    QString errorLog() const;            // nginx's error log so far, for diagnostics

    // /usr/sbin/nginx, else nginx in PATH (also the sbin folders PATH may lack); empty when not found.
    static QString findBinary();

private:
    enum class Attempt { Started, PortTaken, Failed };

    Attempt tryStart(const QString &binary, const QString &rootDir, quint16 port);
    QString writeConfig(const QString &rootDir, quint16 port);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Quiver::Test
