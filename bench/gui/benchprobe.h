#pragma once

// What guibench's scenarios share: clocks, CPU and memory readings, the watchdog that measures how long the
// GUI thread goes without serving its event loop, and waiting on the event loop.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>

namespace GuiBench {

using namespace Qt::StringLiterals;

inline qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline qint64 threadCpuNs()   // of the calling thread
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline qint64 processCpuNs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ns = [](const timeval &tv) { return qint64(tv.tv_sec) * 1'000'000'000 + qint64(tv.tv_usec) * 1000; };
    return ns(usage.ru_utime) + ns(usage.ru_stime);
}

// The calling thread's time on a CPU and time runnable but waiting for one (/proc/thread-self/schedstat).
struct SchedStat {
    qint64 runNs = 0;
    qint64 waitNs = 0;
};

inline SchedStat threadSchedStat()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return {fields.value(0).toLongLong(), fields.value(1).toLongLong()};
}

// Jiffies of the whole machine: busy (everything but idle and iowait) and total (/proc/stat).
struct MachineCpu {
    qint64 busy = 0;
    qint64 total = 0;
};

inline MachineCpu machineCpu()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');   // cpu user nice system idle iowait …
    MachineCpu cpu;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const qint64 value = fields.at(i).toLongLong();
        cpu.total += value;
        if (i != 4 && i != 5)
            cpu.busy += value;
    }
    return cpu;
}

inline double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// VmRSS or VmHWM from /proc/self/status, in MiB.
inline double procStatusMiB(const char *key)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray wanted = QByteArray(key) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(wanted))
            return line.mid(wanted.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// ------------------------------------------------------------------------------------------ watchdog

// Lives on the GUI thread; a worker thread posts ProbeEvents to it, one at a time.
class Watchdog final : public QObject
{
public:
    struct Sample {
        qint64 postNs;
        qint64 deliverNs;
        qint64 latency() const { return deliverNs - postNs; }
    };

    explicit Watchdog(int periodMs)
        : m_periodNs(qint64(periodMs) * 1'000'000)
    {
        m_samples.reserve(1 << 16);
    }
    ~Watchdog() override { stop(); }

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }

    // GUI thread only.
    const std::vector<Sample> &samples() const { return m_samples; }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != probeType())
            return QObject::event(event);
        const qint64 delivered = nowNs();
        m_samples.push_back({static_cast<ProbeEvent *>(event)->postNs, delivered});
        {
            std::lock_guard lock(m_mutex);
            m_delivered = true;
        }
        m_cv.notify_all();
        return true;
    }

private:
    struct ProbeEvent final : QEvent {
        explicit ProbeEvent(qint64 at)
            : QEvent(probeType())
            , postNs(at)
        {
        }
        qint64 postNs;
    };

    static QEvent::Type probeType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            // The period runs from the last delivery, so a stall is one long sample, not many.
            if (m_cv.wait_for(lock, std::chrono::nanoseconds(m_periodNs), [this] { return m_stopping; }))
                break;
            m_delivered = false;
            QCoreApplication::postEvent(this, new ProbeEvent(nowNs()));
            m_cv.wait(lock, [this] { return m_delivered || m_stopping; });
        }
    }

    const qint64 m_periodNs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_delivered = false;
    bool m_stopping = false;
    std::vector<Sample> m_samples;
};

struct LatencyStats {
    int samples = 0;
    double maxMs = 0;
    double p99Ms = 0;
    double p50Ms = 0;
    int over50 = 0;           // stalls of more than 50 ms
    double stalledMs = 0;     // their total length
};

// Probes that overlap [fromNs, toNs], leaving out those that overlap [skipFrom, skipTo].
inline LatencyStats latencyStats(const std::vector<Watchdog::Sample> &all, qint64 fromNs, qint64 toNs,
                          qint64 skipFrom = -1, qint64 skipTo = -1)
{
    std::vector<qint64> latencies;
    LatencyStats stats;
    for (const Watchdog::Sample &sample : all) {
        if (sample.deliverNs < fromNs || sample.postNs > toNs)
            continue;
        if (skipFrom >= 0 && sample.deliverNs >= skipFrom && sample.postNs <= skipTo)
            continue;
        latencies.push_back(sample.latency());
        if (sample.latency() > 50'000'000) {
            ++stats.over50;
            stats.stalledMs += ms(sample.latency());
        }
    }
    if (latencies.empty())
        return stats;
    std::sort(latencies.begin(), latencies.end());
    const auto rank = [&latencies](double q) {   // nearest rank
        const auto index = size_t(std::ceil(q * double(latencies.size()))) - 1;
        return ms(latencies[std::min(index, latencies.size() - 1)]);
    };
    stats.samples = int(latencies.size());
    stats.maxMs = ms(latencies.back());
    stats.p99Ms = rank(0.99);
    stats.p50Ms = rank(0.50);
    return stats;
}

// ------------------------------------------------------------------------------------------ waiting

inline void spinFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

[[noreturn]] inline void fail(const QString &message)
{
    std::fprintf(stderr, "guibench: %s\n", qPrintable(message));
    std::exit(1);
}

inline void say(const QString &message)
{
    std::fprintf(stderr, "guibench: %s\n", qPrintable(message));
}

inline QString f1(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace GuiBench
