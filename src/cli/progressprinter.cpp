#include "progressprinter.h"

#include "engine/downloadengine.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "util/units.h"

#include <cstdio>
#include <unistd.h>

namespace Quiver {

namespace {
// Names and errors can come from a server: never let them carry terminal escapes.
QString printable(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (QChar c : text)
        result.append(c.isPrint() ? c : QChar(u'?'));
    return result;
}
} // namespace

ProgressPrinter::ProgressPrinter(DownloadEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_live(::isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
    const QueueModel *model = engine->model();
    for (int row = 0; row < model->count(); ++row)
        count(model->at(row), +1);
    connect(model, &QueueModel::itemsAppended, this, [this](const QList<DownloadId> &ids) {
        for (DownloadId id : ids) {
            if (const DownloadItem *item = m_engine->model()->find(id))
                count(*item, +1);
        }
    });
    connect(model, &QueueModel::itemsAboutToBeRemoved, this, [this](const QList<DownloadId> &ids) {
        for (DownloadId id : ids) {
            if (const DownloadItem *item = m_engine->model()->find(id))
                count(*item, -1);
        }
    });
    connect(model, &QueueModel::stateChanged, this, [this](DownloadId id, DownloadState from, DownloadState to) {
        --m_inState[size_t(from)];
        ++m_inState[size_t(to)];
        if (isActive(to))
            m_active.insert(id);
        else
            m_active.remove(id);
    });
    connect(engine->scheduler(), &Scheduler::itemFinished, this, &ProgressPrinter::onFinished);
    connect(engine->scheduler(), &Scheduler::itemFailed, this, &ProgressPrinter::onFailed);
    connect(engine->scheduler(), &Scheduler::itemNoted, this, &ProgressPrinter::onNoted);
    if (m_live) {
        m_redraw.setInterval(250);
        connect(&m_redraw, &QTimer::timeout, this, &ProgressPrinter::redrawStatus);
        m_redraw.start();
    }
}

void ProgressPrinter::onFinished(DownloadId id)
{
    const DownloadItem *item = m_engine->model()->find(id);
    if (!item)
        return;
    m_finishedBytes += item->bytesReceived;
    printLine(tr("Finished  %1  (%2)").arg(printable(item->targetPath()), Units::bytes(item->bytesReceived)));
}

void ProgressPrinter::onFailed(DownloadId id)
{
    const DownloadItem *item = m_engine->model()->find(id);
    if (!item)
        return;
    printLine(tr("Failed    %1: %2").arg(printable(item->url.toDisplayString(QUrl::RemoveUserInfo)),
                                          printable(item->lastError)));
}

void ProgressPrinter::onNoted(DownloadId id)
{
    const DownloadItem *item = m_engine->model()->find(id);
    if (!item || item->note.isEmpty())
        return;
    printLine(tr("Note      %1: %2").arg(printable(item->url.toDisplayString(QUrl::RemoveUserInfo)),
                                          printable(item->note)));
}

void ProgressPrinter::printLine(const QString &line)
{
    if (m_live && m_statusShown)
        std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "%s\n", qPrintable(line));
    if (m_live)
        redrawStatus();
}

void ProgressPrinter::count(const DownloadItem &item, int delta)
{
    m_inState[size_t(item.state)] += delta;
    if (delta > 0 && isActive(item.state))
        m_active.insert(item.id);
    else if (delta < 0)
        m_active.remove(item.id);
}

QString ProgressPrinter::statusLine() const
{
    const QueueModel *model = m_engine->model();
    double speed = 0;
    for (DownloadId id : m_active) {
        if (const DownloadItem *item = model->find(id))
            speed += item->speed;
    }
    return tr("[%1/%2 done] %3 active, %4 failed, %5")
        .arg(finishedCount()).arg(model->rowCount()).arg(m_engine->scheduler()->activeCount())
        .arg(failedCount()).arg(Units::speed(speed));
}

void ProgressPrinter::redrawStatus()
{
    std::fprintf(stderr, "\r\033[K%s", qPrintable(statusLine()));
    std::fflush(stderr);
    m_statusShown = true;
}

void ProgressPrinter::printSummary()
{
    m_redraw.stop();
    if (m_live && m_statusShown)
        std::fputs("\r\033[K", stderr);
    const double seconds = qMax<qint64>(1, m_clock.elapsed()) / 1000.0;
    const int total = m_engine->model()->rowCount();
    std::fprintf(stderr, "%s\n",
                 qPrintable(tr("Done: %1 of %2 finished, %3 failed; %4 in %5 s (%6).")
                                .arg(finishedCount()).arg(total).arg(failedCount())
                                .arg(Units::bytes(m_finishedBytes))
                                .arg(seconds, 0, 'f', 1)
                                .arg(Units::speed(double(m_finishedBytes) / seconds))));
    std::fflush(stderr);
}

} // namespace Quiver
