#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace Quiver {

struct TransferError;

struct RetrySettings {
    int maxRetries = 5;                                   // retries after the first attempt
    std::chrono::milliseconds baseDelay{1000};            // the first backoff's upper bound
    std::chrono::milliseconds maxDelay{std::chrono::minutes(5)};
    std::chrono::seconds maxRetryAfter{std::chrono::hours(1)};  // a longer Retry-After means giving up
};

struct RetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    QString giveUpReason;   // translated; set when retry is false and the cause is the policy itself
};

// Full-jitter exponential backoff: a uniform draw in [0, min(cap, base * 2^(retryNumber-1))].
// retryNumber is 1 for the first retry. random01 is in [0, 1); passing it in keeps this pure and testable.
std::chrono::milliseconds backoffDelay(int retryNumber, std::chrono::milliseconds base,
                                       std::chrono::milliseconds cap, double random01);

// Parses a Retry-After value: delta-seconds or an HTTP date (IMF-fixdate, RFC 850, asctime).
// A date in the past gives 0 s; garbage and negative numbers give nothing.
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// attemptsMade counts every attempt so far, the failed one included.
RetryDecision decideRetry(const TransferError &error, int attemptsMade, const RetrySettings &settings,
                          double random01);

} // namespace Quiver
