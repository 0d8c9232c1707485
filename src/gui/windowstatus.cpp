#include "windowstatus.h"

#include "engine/downloadengine.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queuesummary.h"
#include "speedgraph.h"
#include "util/units.h"
#include "windowactions.h"

#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace Quiver {

using namespace Qt::StringLiterals;

WindowStatus::WindowStatus(QMainWindow *window, DownloadEngine *engine, const WindowActions *actions)
    : QObject(window)
    , m_window(window)
    , m_engine(engine)
{
    createStatusBar();
    createTray(actions);
    connect(m_engine->scheduler(), &Scheduler::itemFailed, this, &WindowStatus::onItemFailed);
    connect(m_engine->scheduler(), &Scheduler::idle, this, &WindowStatus::onQueueIdle);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &WindowStatus::refresh);
    m_timer.start();
}

void WindowStatus::createStatusBar()
{
    m_countsLabel = new QLabel(m_window);
    m_countsLabel->setObjectName(u"countsLabel"_s);
    m_speedLabel = new QLabel(m_window);
    m_speedLabel->setObjectName(u"speedLabel"_s);
    m_speedGraph = new SpeedGraph(m_window);
    m_window->statusBar()->addWidget(m_countsLabel, 1);
    m_window->statusBar()->addPermanentWidget(m_speedLabel);
    m_window->statusBar()->addPermanentWidget(m_speedGraph);
}

void WindowStatus::createTray(const WindowActions *actions)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(m_window->windowIcon(), m_window);
    auto *menu = new QMenu(m_window);
    menu->addAction(tr("Show Quiver"), m_window, [window = m_window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    menu->addAction(actions->get(WindowActions::Id::StartAll));
    menu->addAction(actions->get(WindowActions::Id::PauseAll));
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, m_window, [window = m_window](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            window->setVisible(!window->isVisible());
    });
    m_tray->show();
}

void WindowStatus::refresh()
{
    QueueModel *model = m_engine->model();
    const QueueSummary summary = QueueSummary::of(*model);
    m_countsLabel->setText(summary.text());
    m_speedLabel->setText(summary.active > 0 ? Units::speed(summary.speed) : QString());
    m_speedGraph->addSample(summary.speed);
    if (m_tray)
        m_tray->setToolTip(tr("Quiver — %1").arg(summary.progressText()));
    m_window->setWindowTitle(summary.active > 0 ? tr("Quiver — %1").arg(summary.progressText()) : tr("Quiver"));
    // "Retrying in 8 s" counts down without any other change to the row. Mostly nothing is retrying, and
    // then 100,000 rows are not walked a second time.
    for (int row = 0; summary.retrying > 0 && row < model->rowCount(); ++row) {
        if (model->at(row).state == DownloadState::Retrying)
            model->update(model->at(row).id, [](DownloadItem &) {});
    }
}

void WindowStatus::onItemFailed(DownloadId id)
{
    const DownloadItem *item = m_engine->model()->find(id);
    if (!m_tray || !item)
        return;
    m_tray->showMessage(tr("Download failed"),
                        tr("%1: %2").arg(item->fileName.isEmpty() ? item->url.fileName() : item->fileName,
                                         item->lastError),
                        QSystemTrayIcon::Warning);
}

void WindowStatus::onQueueIdle()
{
    refresh();
    const QueueSummary summary = QueueSummary::of(*m_engine->model());
    if (m_tray && summary.finished + summary.failed > 0) {
        QString text;
        if (summary.failed > 0)
            text = tr("%1 finished, %2 failed.").arg(summary.finished).arg(summary.failed);
        else if (summary.finished == 1)
            text = tr("The download finished.");
        else
            text = tr("All %1 downloads finished.").arg(summary.finished);
        m_tray->showMessage(tr("Downloads finished"), text);
    }
}

} // namespace Quiver
