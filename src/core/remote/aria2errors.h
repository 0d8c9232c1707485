#pragma once

#include "queue/transfererror.h"
#include "remote/aria2reply.h"

namespace Quiver::Aria2 {

// The daemon could not be asked, refused the token, answered garbage or refused the call: a sentence that
// names the engine, says what happened and what to do. engine is the name the user gave it.
TransferError errorForReply(const RpcReply &reply, const QString &engine);

// A download aria2 gave up on (status "error"): its errorCode and errorMessage as Quiver's sentence and
// the error kind the retry policy judges (a 404 is final, a dropped connection is retried).
TransferError errorForDownload(int code, const QString &message, const QString &engine);

} // namespace Quiver::Aria2
