#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// guibench's remote scenario: thousands of rows on one aria2 daemon (most waiting or paused there, a few
// running against nginx), the window polling them, and how the GUI thread and the daemon fare.
struct RemoteScenario {
    QUrl rpc;                // the daemon's JSON-RPC address
    QByteArray secret;
    QString remoteDir;       // the folder on the daemon's side
    qint64 daemonPid = 0;    // to read its CPU time; 0: not read
    QUrl baseUrl;            // nginx: big/b00.bin …
    int bigCount = 16;
    int rows = 3000;
    int seconds = 20;
    int scrollMs = 50;
    int probeMs = 5;
    bool session = true;
    QString workParent;
    QString jsonFile;        // empty: no JSON line
};

int runRemoteScenario(const RemoteScenario &scenario);
