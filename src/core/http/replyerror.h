#pragma once

#include "queue/transfererror.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QNetworkReply;

namespace Quiver {

// Server-supplied text shown to a person: printable characters only (no escapes, controls or bidi
// overrides), bounded.
QString cleanForDisplay(const QString &text);

// Turns a failed QNetworkReply into a sentence for the row: what failed, why, and what to do.
class ReplyError final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::ReplyError)

public:
    struct Context {
        QString host;
        qint64 bytesReceived = 0;   // of this attempt's body, for "closed after …"
        int maxRedirects = 10;
        QStringList sslErrors;      // collected from sslErrors(); Qt's own text is vaguer
    };

    static TransferError describe(const QNetworkReply &reply, const Context &context);
};

} // namespace Quiver
