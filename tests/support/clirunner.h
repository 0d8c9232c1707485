#pragma once

// Runs quiver-cli (the binary ctest names in QUIVER_CLI) as a user would, while this thread's event
// loop keeps serving: the fault server lives on the test's thread, so waitForFinished() would starve it.

#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace Quiver::Test {

struct CliRun {
    int exitCode = -1;   // -1: it did not start or did not end in time
    QString err;
    QString out;
};

inline QString cliPath()
{
    return qEnvironmentVariable("QUIVER_CLI");
}

inline CliRun runCli(const QStringList &arguments, const QByteArray &stdinData = {}, int timeoutMs = 60000,
                     const QString &workingDirectory = {})
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(cliPath(), arguments);
    if (!process.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardError()),
            QString::fromUtf8(process.readAllStandardOutput())};
}

} // namespace Quiver::Test
