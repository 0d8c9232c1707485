#pragma once

// What hostile servers send, for the tests that prove none of it reaches the person: the engine's and
// quiver-cli's (tests/core/http/tst_hostile.cpp) and the window's table (tests/gui/tst_queueview.cpp).

#include "faultserver.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

namespace Quiver::Test {

// The password withCredentials() puts in a link.
inline const QByteArray password = "hunter2";

inline QUrl withCredentials(QUrl url)
{
    url.setUserInfo(QStringLiteral("alice:hunter2"));
    return url;
}

// Controls (C0, DEL, C1) and invisible formatting (bidi overrides, zero-width characters): none may
// reach a table cell or a terminal. Returns a description of the first one, or empty.
inline QString unsafeCharacter(const QString &text, bool newlinesAllowed = false)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (newlinesAllowed && c == u'\n')
            continue;
        const bool control = c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
        if (control || c.category() == QChar::Other_Format || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph)
            return QStringLiteral("U+%1 at %2 in: %3").arg(uint(c.unicode()), 4, 16, QChar(u'0')).arg(i).arg(text);
    }
    return {};
}

// A bare TCP port nothing listens on: connections to it are refused.
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// The paths serveHostile() serves, in its order.
inline QStringList hostilePaths()
{
    using namespace Qt::StringLiterals;
    return {u"/named.bin"_s, u"/encoded.bin"_s, u"/headers.bin"_s, u"/reason.bin"_s, u"/c1.bin"_s,
            u"/location.bin"_s, u"/retry.bin"_s, u"/elsewhere.bin"_s};
}

// Three files that download (with hostile names and headers) and five that fail with server text
// in their reasons, in the order of hostilePaths().
inline void serveHostile(FaultServer &server, const QByteArray &content)
{
    using namespace Qt::StringLiterals;
    Reply named = FaultServer::rangeReply(content);
    named.headers.append({"Content-Disposition"_ba,
                          "attachment; filename=\"\x1b[31mreport\xe2\x80\xae" "fdp.exe\x07\""_ba});
    server.script(u"/named.bin"_s, {named});
    Reply encoded = FaultServer::rangeReply(content);
    encoded.headers.append({"Content-Disposition"_ba,
                            "attachment; filename*=UTF-8''%1B%5D0%3Bowned%07notes%E2%80%AEtxt.sh%C2%9B"_ba});
    server.script(u"/encoded.bin"_s, {encoded});
    Reply headers = FaultServer::rangeReply(content, "\"e\x1b[2J\"");
    headers.headers.append({"X-Note"_ba, "\x1b]0;owned\x07\xe2\x80\xae"_ba});
    headers.headers.append({"Content-Type"_ba, "text/plain\x1b[5m"_ba});
    server.script(u"/headers.bin"_s, {headers});

    Reply reason = FaultServer::statusPage(404);
    reason.reason = "Not Found\x1b[2J\x1b]0;owned\x07 \xe2\x80\xae\x1b[31m";
    server.script(u"/reason.bin"_s, {reason});
    Reply c1 = FaultServer::statusPage(451);
    c1.reason = "Legal\xc2\x9b" "31m\xe2\x81\xa6Reasons\xe2\x80\x8b";
    server.script(u"/c1.bin"_s, {c1});
    server.script(u"/location.bin"_s,
                  {FaultServer::redirect(302, "ftp://evil.example/\x1b[2J\xe2\x80\xaegpj.exe\x07")});
    Reply retry = FaultServer::retryAfter(503, "\x1b[31m1");
    retry.reason = "Busy\x1b[0m";
    server.script(u"/retry.bin"_s, {retry});
    server.script(u"/elsewhere.bin"_s, {FaultServer::redirect(302, "/gone\x1b[2J\xe2\x80\xae.bin\x07")});
}

} // namespace Quiver::Test
