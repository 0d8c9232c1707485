#include "queue/retrypolicy.h"

#include "queue/transfererror.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

#include <limits>

#include <algorithm>
#include <cmath>

namespace Quiver {

using namespace std::chrono;

milliseconds backoffDelay(int retryNumber, milliseconds base, milliseconds cap, double random01)
{
    if (retryNumber < 1 || base.count() <= 0)
        return milliseconds(0);
    // Doubling in floating point cannot overflow; the cap bounds it anyway.
    const double ceiling = std::min(double(cap.count()),
                                    double(base.count()) * std::pow(2.0, std::min(retryNumber - 1, 62)));
    const double r = std::clamp(random01, 0.0, 1.0);
    return milliseconds(qint64(std::floor(ceiling * r)));
}

std::optional<seconds> parseRetryAfter(const QByteArray &rawValue, const QDateTime &now)
{
    const QByteArray value = rawValue.trimmed();
    if (value.isEmpty() || value.size() > 64)
        return std::nullopt;

    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // Anything over ten digits is far beyond any limit we honour; saturate instead of overflowing.
        if (value.size() > 10)
            return seconds(std::numeric_limits<qint32>::max());
        return seconds(value.toLongLong());
    }

    // The weekday adds nothing and Qt insists it matches the date (two-digit RFC 850 years break
    // that), so parse the date without it.
    QString text = QString::fromLatin1(value).simplified();
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma >= 0)
        text = text.mid(comma + 1).trimmed();       // IMF-fixdate and RFC 850
    else if (text.size() > 4)
        text = text.mid(4);                         // asctime: "Sun Nov 6 08:49:37 1994"
    const QLocale c = QLocale::c();
    static const char *const formats[] = {
        "dd MMM yyyy hh:mm:ss 'GMT'",    // IMF-fixdate, the one servers should send
        "dd-MMM-yy hh:mm:ss 'GMT'",      // RFC 850
        "MMM d hh:mm:ss yyyy",           // asctime
    };
    for (const char *format : formats) {
        QDateTime when = c.toDateTime(text, QLatin1String(format));
        if (!when.isValid())
            continue;
        when.setTimeSpec(Qt::UTC);
        // RFC 850 has a two-digit year; RFC 9110 says to read it as the nearest century.
        if (when.date().year() < 1970)
            when = when.addYears(100);
        // Rounded up: secsTo() drops the fraction of now's second and so retried up to a second before
        // the date the server asked for.
        const qint64 ms = now.msecsTo(when);
        return seconds(ms <= 0 ? 0 : (ms + 999) / 1000);
    }
    return std::nullopt;
}

RetryDecision decideRetry(const TransferError &error, int attemptsMade, const RetrySettings &settings,
                          double random01)
{
    RetryDecision decision;
    if (classify(error) != ErrorClass::Retryable)
        return decision;

    if (attemptsMade > settings.maxRetries) {
        decision.giveUpReason = attemptsMade == 1
            ? QCoreApplication::translate("Quiver::RetryPolicy", "Gave up after one attempt; Retry continues "
                                                                   "from the bytes already saved.")
            : QCoreApplication::translate("Quiver::RetryPolicy", "Gave up after %1 attempts; Retry continues "
                                                                   "from the bytes already saved.").arg(attemptsMade);
        return decision;
    }

    const bool honoursRetryAfter = error.kind == ErrorKind::HttpStatus
        && (error.httpStatus == 429 || error.httpStatus == 503) && error.retryAfter.has_value();
    if (honoursRetryAfter) {
        if (*error.retryAfter > settings.maxRetryAfter) {
            decision.giveUpReason = QCoreApplication::translate(
                "Quiver::RetryPolicy",
                "The server asked to wait %1 s before trying again, longer than the limit of %2 s. "
                "Retry later.")
                .arg(error.retryAfter->count()).arg(settings.maxRetryAfter.count());
            return decision;
        }
        decision.retry = true;
        decision.delay = duration_cast<milliseconds>(*error.retryAfter);
        return decision;
    }

    decision.retry = true;
    decision.delay = backoffDelay(attemptsMade, settings.baseDelay, settings.maxDelay, random01);
    return decision;
}

} // namespace Quiver
