// Fuzzes what Quiver reads from an aria2 daemon (remote/aria2reply.h): a single call's answer, a batched
// (system.multicall) answer and the download statuses inside. Whatever the daemon, or whatever stands at
// its address, sends back, the parser answers with an outcome and a reason, never a crash, and every status
// it lets through holds numbers the queue can use.

#include "fuzzcheck.h"

#include "remote/aria2errors.h"
#include "remote/aria2reply.h"

#include <QJsonArray>

using namespace Quiver;
using namespace Quiver::Aria2;

namespace {

void checkReply(const RpcReply &reply)
{
    FUZZ_CHECK(reply.ok() || !reply.message.isEmpty() || reply.outcome == RpcReply::Outcome::MethodError,
               "a failed answer without a reason");
    const TransferError error = errorForReply(reply, QStringLiteral("NAS"));
    FUZZ_CHECK(reply.ok() != error.isError(), "an answer's error does not match its outcome");
    FUZZ_CHECK(reply.ok() || !error.message.isEmpty(), "a failed answer gives the row no sentence");
}

void checkStatusesIn(const QJsonValue &value)
{
    // A status, or a list of them (tellActive), wherever the fuzzer put one.
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &candidate : list) {
        QString problem;
        const auto status = parseStatus(candidate, &problem);
        if (!status) {
            FUZZ_CHECK(!problem.isEmpty(), "a refused status without a reason");
            continue;
        }
        FUZZ_CHECK(isGid(status->gid), "a status with an invalid gid");
        FUZZ_CHECK(status->completedLength >= 0 && status->downloadSpeed >= 0, "negative counts in a status");
        FUZZ_CHECK(status->totalLength == -1 || status->totalLength > 0, "an unknown size that is not -1");
        FUZZ_CHECK(status->totalLength < 0 || status->completedLength <= status->totalLength,
                   "more bytes done than the file has");
        FUZZ_CHECK(status->completedLength <= (qint64(1) << 62) && status->totalLength <= (qint64(1) << 62),
                   "a count no file can have");
        if (status->status == Status::Error) {
            const TransferError error = errorForDownload(status->errorCode, status->errorMessage, QStringLiteral("NAS"));
            FUZZ_CHECK(error.isError() && !error.message.isEmpty(), "an aria2 error without a sentence");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const RpcReply single = parseReply(bytes);
    checkReply(single);
    if (single.ok())
        checkStatusesIn(single.result);

    for (qsizetype expected : {qsizetype(0), qsizetype(1), qsizetype(3)}) {
        const QList<RpcReply> batch = parseMulticall(bytes, expected);
        FUZZ_CHECK(batch.size() == expected, "a batched answer does not give one reply per call");
        for (const RpcReply &reply : batch) {
            checkReply(reply);
            if (reply.ok())
                checkStatusesIn(reply.result);
        }
    }
    return 0;
}
