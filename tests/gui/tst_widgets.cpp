// The small widgets and the settings: AppSettings, SettingsDialog, ProgressDelegate, SpeedGraph, icons.
#include <chrono>
#include <cmath>
#include <limits>

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QXmlStreamReader>

#include "appsettings.h"
#include "engine/downloadengine.h"
#include "icons.h"
#include "progressdelegate.h"
#include "queue/queuemodel.h"
#include "queuetablemodel.h"
#include "ratelimittoggle.h"
#include "settingsdialog.h"
#include "speedgraph.h"
#include "util/units.h"

using namespace Quiver;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestWidgets final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString settingsFile(const QString &name = u"settings.ini"_s) const { return m_dir.filePath(name); }

    template<typename T>
    static T *child(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    static QPushButton *button(SettingsDialog &dialog, QDialogButtonBox::StandardButton which)
    {
        return child<QDialogButtonBox>(&dialog, "buttonBox")->button(which);
    }

    // A model row in the given state with received/total bytes; total -1 means unknown. Its Progress cell
    // as the window's table has it.
    static QModelIndex progressRow(QueueModel &model, const QueueTableModel &table, DownloadState state,
                                   qint64 received, qint64 total)
    {
        DownloadItem item;
        item.url = QUrl(u"http://example.invalid/file"_s);
        item.directory = u"/tmp"_s;
        const DownloadId id = model.append({item}).constFirst();
        const QList<DownloadState> path = [state]() -> QList<DownloadState> {
            switch (state) {
            case DownloadState::Queued: return {};
            case DownloadState::Connecting: return {DownloadState::Connecting};
            case DownloadState::Downloading: return {DownloadState::Connecting, DownloadState::Downloading};
            case DownloadState::Paused: return {DownloadState::Paused};
            case DownloadState::Finished:
                return {DownloadState::Connecting, DownloadState::Downloading, DownloadState::Verifying,
                        DownloadState::Finished};
            default: qFatal("state not covered by the test"); return {};
            }
        }();
        for (const DownloadState next : path) {
            if (next == DownloadState::Verifying)
                model.setProgress(id, received, total);
            if (!model.setState(id, next))
                qFatal("refused transition");
        }
        if (state != DownloadState::Finished)
            model.setProgress(id, received, total);
        model.flush();
        return table.index(model.rowOf(id), QueueModel::ProgressColumn);
    }

    static QImage paintCell(const ProgressDelegate &delegate, const QModelIndex &index, QStyle::State extra = {})
    {
        QImage image(200, 26, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.state = QStyle::State_Enabled | QStyle::State_Active | extra;
        option.palette = QApplication::palette();
        option.fontMetrics = QFontMetrics(QApplication::font());
        option.font = QApplication::font();
        delegate.paint(&painter, option, index);
        painter.end();
        return image;
    }

    // Pixels close to the palette's highlight colour: the filled part of a progress bar.
    static int highlightPixels(const QImage &image)
    {
        const QColor highlight = QApplication::palette().color(QPalette::Highlight);
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - highlight.red()) + std::abs(c.green() - highlight.green())
                        + std::abs(c.blue() - highlight.blue()) < 90)
                    ++count;
            }
        }
        return count;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // ---- AppSettings -------------------------------------------------------------------------------

    void settingsDefaults()
    {
        AppSettings settings(settingsFile(u"defaults.ini"_s));
        QCOMPARE(settings.maxParallel(), 8);
        QCOMPARE(settings.perHost(), 6);
        QCOMPARE(settings.connectTimeoutSeconds(), 30);
        QCOMPARE(settings.stallTimeoutSeconds(), 30);
        QCOMPARE(settings.maxRetries(), 5);
        QCOMPARE(settings.retryBaseSeconds(), 1.0);
        QVERIFY(settings.expandPatterns());
        QCOMPARE(settings.maxPatternLinks(), 100000);
        QCOMPARE(settings.linkListOptions().maxPatternLinks, kDefaultMaxPatternLinks);
        QVERIFY(settings.linkListOptions().globbing);
        QVERIFY(!settings.downloadDirectory().isEmpty());
        QCOMPARE(settings.downloadDirectory(), AppSettings::defaultDownloadDirectory());
        QVERIFY(settings.headerState().isEmpty());
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.windowState().isEmpty());
    }

    void settingsClamp()
    {
        AppSettings settings(settingsFile(u"clamp.ini"_s));
        settings.setMaxParallel(0);
        QCOMPARE(settings.maxParallel(), 1);
        settings.setMaxParallel(1000);
        QCOMPARE(settings.maxParallel(), 64);
        settings.setPerHost(-3);
        QCOMPARE(settings.perHost(), 1);
        settings.setPerHost(65);
        QCOMPARE(settings.perHost(), 64);
        settings.setConnectTimeoutSeconds(0);
        QCOMPARE(settings.connectTimeoutSeconds(), 1);
        settings.setStallTimeoutSeconds(999999);
        QCOMPARE(settings.stallTimeoutSeconds(), 3600);
        settings.setMaxRetries(-1);
        QCOMPARE(settings.maxRetries(), 0);
        settings.setMaxRetries(101);
        QCOMPARE(settings.maxRetries(), 100);
        settings.setRetryBaseSeconds(0.01);
        QCOMPARE(settings.retryBaseSeconds(), 0.1);
        settings.setRetryBaseSeconds(1e9);
        QCOMPARE(settings.retryBaseSeconds(), 600.0);
        settings.setRetryBaseSeconds(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(settings.retryBaseSeconds(), 1.0);
        settings.setMaxPatternLinks(0);
        QCOMPARE(settings.maxPatternLinks(), 1);
        settings.setMaxPatternLinks(2'000'000'000);
        QCOMPARE(settings.maxPatternLinks(), 10'000'000);   // quiver-cli's --max-pattern-links limit too
    }

    void settingsReadGarbageAsDefault()
    {
        const QString file = settingsFile(u"garbage.ini"_s);
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QString::fromLatin1(AppSettings::MaxParallel.key), u"lots"_s);
            raw.setValue(QString::fromLatin1(AppSettings::PerHost.key), 5000);
            raw.setValue(QString::fromLatin1(AppSettings::RetryBaseSeconds.key), u"soon"_s);
        }
        AppSettings settings(file);
        QCOMPARE(settings.maxParallel(), 8);
        QCOMPARE(settings.perHost(), 64);
        QCOMPARE(settings.retryBaseSeconds(), 1.0);
    }

    void settingsPersist()
    {
        const QString file = settingsFile(u"persist.ini"_s);
        const QString folder = m_dir.filePath(u"persisted"_s);
        {
            AppSettings settings(file);
            settings.setDownloadDirectory(folder);
            settings.setMaxParallel(3);
            settings.setPerHost(2);
            settings.setConnectTimeoutSeconds(12);
            settings.setStallTimeoutSeconds(45);
            settings.setMaxRetries(9);
            settings.setRetryBaseSeconds(2.5);
            settings.setHeaderState("header");
            settings.setWindowGeometry("geometry");
            settings.setWindowState("state");
        }
        AppSettings again(file);
        QCOMPARE(again.downloadDirectory(), folder);
        QCOMPARE(again.maxParallel(), 3);
        QCOMPARE(again.perHost(), 2);
        QCOMPARE(again.connectTimeoutSeconds(), 12);
        QCOMPARE(again.stallTimeoutSeconds(), 45);
        QCOMPARE(again.maxRetries(), 9);
        QCOMPARE(again.retryBaseSeconds(), 2.5);
        QCOMPARE(again.headerState(), QByteArray("header"));
        QCOMPARE(again.windowGeometry(), QByteArray("geometry"));
        QCOMPARE(again.windowState(), QByteArray("state"));

        // An empty folder goes back to following the default.
        again.setDownloadDirectory(QString());
        QCOMPARE(again.downloadDirectory(), AppSettings::defaultDownloadDirectory());
    }

    void settingsChangedOncePerBatch()
    {
        AppSettings settings(settingsFile(u"changed.ini"_s));
        QSignalSpy changed(&settings, &AppSettings::changed);
        settings.setMaxParallel(4);
        settings.setPerHost(3);
        settings.setRetryBaseSeconds(4.0);
        settings.setDownloadDirectory(m_dir.filePath(u"batch"_s));
        QCOMPARE(changed.size(), 0);   // queued: nothing yet
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 1);

        // The same values again, clamped-to-the-same values and window layout are not changes.
        settings.setMaxParallel(4);
        settings.setPerHost(3);
        settings.setRetryBaseSeconds(4.0000001);
        settings.setDownloadDirectory(m_dir.filePath(u"batch"_s));
        settings.setMaxRetries(5);
        settings.setWindowGeometry("g");
        settings.setHeaderState("h");
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 1);

        settings.setMaxRetries(0);
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 2);
    }

    void settingsEngineMapping()
    {
        AppSettings settings(settingsFile(u"engine.ini"_s));
        settings.setMaxParallel(12);
        settings.setPerHost(4);
        settings.setConnectTimeoutSeconds(7);
        settings.setStallTimeoutSeconds(90);
        settings.setMaxRetries(3);
        settings.setRetryBaseSeconds(1.5);
        const EngineSettings engine = settings.engineSettings();
        QCOMPARE(engine.maxParallel, 12);
        QCOMPARE(engine.perHost, 4);
        QCOMPARE(engine.http.connectTimeout, 7000ms);
        QCOMPARE(engine.http.stallTimeout, 90000ms);
        QCOMPARE(engine.retry.maxRetries, 3);
        QCOMPARE(engine.retry.baseDelay, 1500ms);
        QVERIFY(engine.retry.maxDelay >= engine.retry.baseDelay);
        QVERIFY(engine.http.useSystemProxy);   // on unless turned off
        settings.setUseSystemProxy(false);
        QVERIFY(!settings.useSystemProxy());
        QVERIFY(!settings.engineSettings().http.useSystemProxy);

        // A first wait above the engine's backoff cap raises the cap rather than being cut down.
        settings.setRetryBaseSeconds(600);
        const EngineSettings slow = settings.engineSettings();
        QCOMPARE(slow.retry.baseDelay, 600000ms);
        QVERIFY(slow.retry.maxDelay >= slow.retry.baseDelay);
    }

    void rateLimitFromTheDialogAndTheStatusBarSwitch()
    {
        AppSettings settings(settingsFile(u"rate.ini"_s));
        settings.setDownloadDirectory(m_dir.path());
        QVERIFY(!settings.rateLimited());
        QCOMPARE(settings.engineSettings().rateLimit, 0);

        SettingsDialog dialog(&settings, nullptr);
        auto *check = child<QCheckBox>(&dialog, "rateLimitCheck");
        auto *spin = child<QSpinBox>(&dialog, "rateLimitSpin");
        QVERIFY(!check->isChecked());
        QVERIFY(!spin->isEnabled());
        QCOMPARE(spin->maximum(), AppSettings::RateLimitKiB.maximum);
        check->setChecked(true);
        QVERIFY(spin->isEnabled());
        spin->setValue(512);
        QVERIFY(dialog.hasChanges());
        button(dialog, QDialogButtonBox::Apply)->click();
        QVERIFY(settings.rateLimited());
        QCOMPARE(settings.rateLimitKiB(), 512);
        QCOMPARE(settings.engineSettings().rateLimit, 512 * 1024);

        // The switch shows the limit and lifts it; the rate stays for the next time it is switched on.
        RateLimitToggle toggle(&settings);
        QVERIFY(toggle.isChecked());
        QCOMPARE(toggle.text(), u"Limit 512.0\u00A0KiB/s"_s);
        QSignalSpy changed(&settings, &AppSettings::changed);
        toggle.click();
        QVERIFY(!settings.rateLimited());
        QCOMPARE(settings.engineSettings().rateLimit, 0);
        QVERIFY(changed.wait(1000));
        QCOMPARE(toggle.text(), u"No limit"_s);
        QCOMPARE(settings.rateLimitKiB(), 512);
        toggle.click();
        QCOMPARE(settings.engineSettings().rateLimit, 512 * 1024);

        // Kept across runs.
        settings.sync();
        AppSettings again(settingsFile(u"rate.ini"_s));
        QVERIFY(again.rateLimited());
        QCOMPARE(again.rateLimitKiB(), 512);
    }

    // ---- SettingsDialog ----------------------------------------------------------------------------

    void dialogLoadsSettings()
    {
        AppSettings settings(settingsFile(u"dialog-load.ini"_s));
        settings.setMaxParallel(5);
        settings.setRetryBaseSeconds(2.5);
        settings.setDownloadDirectory(m_dir.path());
        SettingsDialog dialog(&settings, nullptr);
        QCOMPARE(child<QSpinBox>(&dialog, "parallelSpin")->value(), 5);
        QCOMPARE(child<QSpinBox>(&dialog, "perHostSpin")->value(), 6);
        QCOMPARE(child<QSpinBox>(&dialog, "connectSpin")->value(), 30);
        QCOMPARE(child<QSpinBox>(&dialog, "stallSpin")->value(), 30);
        QCOMPARE(child<QSpinBox>(&dialog, "retriesSpin")->value(), 5);
        QCOMPARE(child<QDoubleSpinBox>(&dialog, "retryWaitSpin")->value(), 2.5);
        QCOMPARE(child<QLineEdit>(&dialog, "folderEdit")->text(), m_dir.path());
        QVERIFY(child<QCheckBox>(&dialog, "systemProxyCheck")->isChecked());
        // The ranges are the settings' ranges.
        QCOMPARE(child<QSpinBox>(&dialog, "parallelSpin")->maximum(), AppSettings::MaxParallel.maximum);
        QCOMPARE(child<QSpinBox>(&dialog, "retriesSpin")->minimum(), AppSettings::MaxRetries.minimum);
        QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(!dialog.hasChanges());
    }

    void dialogApplyRoundTrip()
    {
        AppSettings settings(settingsFile(u"dialog-apply.ini"_s));
        settings.setDownloadDirectory(m_dir.path());
        SettingsDialog dialog(&settings, nullptr);
        QSignalSpy changed(&settings, &AppSettings::changed);
        QPushButton *apply = button(dialog, QDialogButtonBox::Apply);

        const QString newFolder = m_dir.filePath(u"new/nested/folder"_s);
        QVERIFY(!QFileInfo::exists(newFolder));
        child<QLineEdit>(&dialog, "folderEdit")->setText(newFolder);
        QVERIFY(apply->isEnabled());
        child<QSpinBox>(&dialog, "parallelSpin")->setValue(16);
        child<QSpinBox>(&dialog, "perHostSpin")->setValue(2);
        child<QSpinBox>(&dialog, "connectSpin")->setValue(20);
        child<QSpinBox>(&dialog, "stallSpin")->setValue(120);
        child<QSpinBox>(&dialog, "retriesSpin")->setValue(0);
        child<QDoubleSpinBox>(&dialog, "retryWaitSpin")->setValue(3.5);
        child<QCheckBox>(&dialog, "systemProxyCheck")->setChecked(false);
        QCOMPARE(child<QSpinBox>(&dialog, "patternCapSpin")->value(), 100000);
        child<QSpinBox>(&dialog, "patternCapSpin")->setValue(500);
        QCOMPARE(settings.maxParallel(), 8);   // nothing is stored before Apply
        QVERIFY(settings.useSystemProxy());

        apply->click();
        QCOMPARE(settings.downloadDirectory(), newFolder);
        QVERIFY(QFileInfo(newFolder).isDir());   // created on save
        QCOMPARE(settings.maxParallel(), 16);
        QCOMPARE(settings.perHost(), 2);
        QCOMPARE(settings.connectTimeoutSeconds(), 20);
        QCOMPARE(settings.stallTimeoutSeconds(), 120);
        QCOMPARE(settings.maxRetries(), 0);
        QCOMPARE(settings.retryBaseSeconds(), 3.5);
        QVERIFY(!settings.useSystemProxy());
        QCOMPARE(settings.maxPatternLinks(), 500);
        QCOMPARE(settings.linkListOptions().maxPatternLinks, 500);
        QVERIFY(!apply->isEnabled());
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 1);   // one reconfiguration for the whole form

        // Editing back to the stored value is not a change.
        child<QSpinBox>(&dialog, "parallelSpin")->setValue(17);
        QVERIFY(apply->isEnabled());
        child<QSpinBox>(&dialog, "parallelSpin")->setValue(16);
        QVERIFY(!apply->isEnabled());

        // OK saves and closes.
        child<QSpinBox>(&dialog, "perHostSpin")->setValue(9);
        // Without patterns there is no cap to set.
        QCheckBox *expand = child<QCheckBox>(&dialog, "expandPatternsCheck");
        QVERIFY(child<QSpinBox>(&dialog, "patternCapSpin")->isEnabled());
        expand->setChecked(false);
        QVERIFY(!child<QSpinBox>(&dialog, "patternCapSpin")->isEnabled());
        QVERIFY(apply->isEnabled());
        button(dialog, QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(settings.perHost(), 9);
        QVERIFY(!settings.expandPatterns());
        QVERIFY(!settings.linkListOptions().globbing);
        QCOMPARE(settings.maxPatternLinks(), 500);
    }

    void dialogRestoreDefaultsOnlyFillsTheForm()
    {
        AppSettings settings(settingsFile(u"dialog-defaults.ini"_s));
        settings.setMaxParallel(2);
        settings.setMaxRetries(50);
        SettingsDialog dialog(&settings, nullptr);
        button(dialog, QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(child<QSpinBox>(&dialog, "parallelSpin")->value(), AppSettings::MaxParallel.defaultValue);
        QCOMPARE(child<QSpinBox>(&dialog, "retriesSpin")->value(), AppSettings::MaxRetries.defaultValue);
        QCOMPARE(child<QSpinBox>(&dialog, "patternCapSpin")->value(), AppSettings::MaxPatternLinks.defaultValue);
        QVERIFY(child<QCheckBox>(&dialog, "expandPatternsCheck")->isChecked());
        QCOMPARE(settings.maxParallel(), 2);
        QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());

        // Cancel keeps the stored values.
        button(dialog, QDialogButtonBox::Cancel)->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(settings.maxParallel(), 2);
        QCOMPARE(settings.maxRetries(), 50);
    }

    void dialogBadFolderBlocksSaving_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("inside a file") << u"plain-file/sub"_s;
        QTest::newRow("is a file") << u"plain-file"_s;
    }

    void dialogBadFolderBlocksSaving()
    {
        QFETCH(QString, relative);
        QFile file(m_dir.filePath(u"plain-file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        AppSettings settings(settingsFile(u"dialog-bad-"_s + QString::fromLatin1(QTest::currentDataTag()) + u".ini"_s));
        settings.setDownloadDirectory(m_dir.path());
        SettingsDialog dialog(&settings, nullptr);
        auto *error = child<QLabel>(&dialog, "folderErrorLabel");
        QVERIFY(!error->isVisibleTo(&dialog));

        child<QLineEdit>(&dialog, "folderEdit")->setText(m_dir.filePath(relative));
        child<QSpinBox>(&dialog, "parallelSpin")->setValue(20);
        button(dialog, QDialogButtonBox::Apply)->click();
        QVERIFY(error->isVisibleTo(&dialog));
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(settings.maxParallel(), 8);          // nothing saved
        QCOMPARE(settings.downloadDirectory(), m_dir.path());
        QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());

        button(dialog, QDialogButtonBox::Ok)->click();   // OK does not close either
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(settings.maxParallel(), 8);

        // Fixing the folder clears the message, and then saving works.
        child<QLineEdit>(&dialog, "folderEdit")->setText(m_dir.path());
        QVERIFY(!error->isVisibleTo(&dialog));
        QVERIFY(dialog.save());
        QCOMPARE(settings.maxParallel(), 20);
    }

    void dialogUnwritableFolderBlocksSaving()
    {
        const QString locked = m_dir.filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        {
            QTemporaryFile probe(locked + u"/probe-XXXXXX"_s);
            if (probe.open()) {
                QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                QSKIP("permissions are not enforced here (running as root?)");
            }
        }
        AppSettings settings(settingsFile(u"dialog-locked.ini"_s));
        SettingsDialog dialog(&settings, nullptr);
        child<QLineEdit>(&dialog, "folderEdit")->setText(locked);
        QVERIFY(!dialog.save());
        QVERIFY(child<QLabel>(&dialog, "folderErrorLabel")->isVisibleTo(&dialog));
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    // ---- ProgressDelegate --------------------------------------------------------------------------

    void delegatePaintsFromRoles()
    {
        QueueModel model;
        QueueTableModel table(&model);
        ProgressDelegate delegate;
        const QModelIndex tenth = progressRow(model, table, DownloadState::Downloading, 10, 100);
        const QModelIndex most = progressRow(model, table, DownloadState::Downloading, 90, 100);
        const QModelIndex fortyTwo = progressRow(model, table, DownloadState::Paused, 42, 100);
        const QModelIndex busy = progressRow(model, table, DownloadState::Downloading, 5000, -1);
        const QModelIndex connecting = progressRow(model, table, DownloadState::Connecting, 0, -1);
        const QModelIndex waiting = progressRow(model, table, DownloadState::Queued, 0, -1);
        const QModelIndex finished = progressRow(model, table, DownloadState::Finished, 100, 100);
        QCOMPARE(fortyTwo.data(QueueModel::ProgressRole).toDouble(), 0.42);
        QCOMPARE(busy.data(QueueModel::ProgressRole).toDouble(), -1.0);

        QImage blank(200, 26, QImage::Format_ARGB32_Premultiplied);
        blank.fill(Qt::white);

        const QImage tenthImage = paintCell(delegate, tenth);
        const QImage mostImage = paintCell(delegate, most);
        const QImage fortyTwoImage = paintCell(delegate, fortyTwo);
        const QImage busyImage = paintCell(delegate, busy);
        const QImage connectingImage = paintCell(delegate, connecting);
        const QImage waitingImage = paintCell(delegate, waiting);
        const QImage finishedImage = paintCell(delegate, finished);

        for (const QImage &image : {tenthImage, mostImage, fortyTwoImage, busyImage, waitingImage, finishedImage})
            QVERIFY(image != blank);   // a bar (at least its groove) is drawn for every state
        QVERIFY(tenthImage != mostImage);
        // More of the bar is filled at 90% than at 42% than at 10%, and an empty bar has no fill.
        const int fillTenth = highlightPixels(tenthImage);
        const int fillFortyTwo = highlightPixels(fortyTwoImage);
        const int fillMost = highlightPixels(mostImage);
        const int fillFinished = highlightPixels(finishedImage);
        QVERIFY2(fillTenth < fillFortyTwo && fillFortyTwo < fillMost && fillMost < fillFinished,
                 qPrintable(u"%1 %2 %3 %4"_s.arg(fillTenth).arg(fillFortyTwo).arg(fillMost).arg(fillFinished)));
        QVERIFY(fillFinished > 200 * 26 / 3);
        // Unknown size: busy while bytes may arrive, an empty bar while waiting.
        QVERIFY(busyImage != waitingImage);
        QVERIFY(connectingImage != waitingImage);
        QVERIFY(highlightPixels(waitingImage) < fillTenth);

        // A selected row gets the selection background behind the bar.
        const QImage selected = paintCell(delegate, fortyTwo, QStyle::State_Selected);
        QVERIFY(selected != fortyTwoImage);

        QStyleOptionViewItem option;
        option.fontMetrics = QFontMetrics(QApplication::font());
        QVERIFY(delegate.sizeHint(option, fortyTwo).width() >= 120);
    }

    void delegateInAView()
    {
        QueueModel model;
        QueueTableModel table(&model);
        progressRow(model, table, DownloadState::Downloading, 42, 100);
        progressRow(model, table, DownloadState::Downloading, 1, -1);
        progressRow(model, table, DownloadState::Finished, 7, 7);
        QTableView view;
        ProgressDelegate delegate;
        view.setItemDelegateForColumn(QueueModel::ProgressColumn, &delegate);
        view.setModel(&table);
        view.resize(800, 200);
        view.show();
        const QImage first = view.grab().toImage();
        QVERIFY(!first.isNull());
        // The busy bar's animation ticks run through the event loop; they must not touch anything gone.
        QCoreApplication::processEvents();
        view.hide();
        QCoreApplication::processEvents();
    }

    // ---- SpeedGraph --------------------------------------------------------------------------------

    void speedGraphKeepsOneMinute()
    {
        SpeedGraph graph;
        QCOMPARE(graph.samples().size(), 0);
        for (int i = 0; i < 100; ++i)
            graph.addSample(1000.0 * i);
        QCOMPARE(graph.samples().size(), SpeedGraph::Capacity);
        QCOMPARE(graph.samples().constFirst(), 40000.0);
        QCOMPARE(graph.samples().constLast(), 99000.0);
        QCOMPARE(graph.current(), 99000.0);
        QCOMPARE(graph.peak(), 99000.0);
        QVERIFY(graph.toolTip().contains(Units::speed(99000.0)));
        QVERIFY(!graph.accessibleName().isEmpty());

        graph.addSample(-5);
        graph.addSample(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(graph.samples().constLast(), 0.0);
        QCOMPARE(graph.samples().size(), SpeedGraph::Capacity);
        graph.clear();
        QCOMPARE(graph.samples().size(), 0);
        QCOMPARE(graph.sizeHint(), QSize(120, 22));
    }

    void speedGraphPaints()
    {
        auto render = [](const QList<double> &samples) {
            SpeedGraph graph;
            graph.resize(graph.sizeHint());
            for (const double sample : samples)
                graph.addSample(sample);
            QImage image(graph.size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            graph.render(&image);
            return image;
        };
        const QImage empty = render({});
        const QImage busy = render({0, 1e6, 5e5, 2e6, 1.5e6, 3e5});
        QVERIFY(busy != empty);
        // An idle trickle stays flat: above the bottom few rows it looks like no traffic at all.
        const QImage idle = render(QList<double>(SpeedGraph::Capacity, 0.0));
        const QImage trickle = render(QList<double>(SpeedGraph::Capacity, 100.0));
        const int top = idle.height() - 4;
        QCOMPARE(trickle.copy(0, 0, trickle.width(), top), idle.copy(0, 0, idle.width(), top));
        QVERIFY(busy.copy(0, 0, busy.width(), top) != idle.copy(0, 0, idle.width(), top));
    }

    // ---- Icons -------------------------------------------------------------------------------------

    void iconsHaveFallbacks()
    {
        const QStringList names{u"list-add"_s, u"media-playback-start"_s, u"media-playback-pause"_s,
                                u"process-stop"_s, u"view-refresh"_s, u"edit-delete"_s, u"edit-copy"_s,
                                u"document-open"_s, u"folder-open"_s, u"edit-clear"_s, u"configure"_s,
                                u"quiver"_s};
        Quiver::icon(u"list-add"_s);   // makes sure the resources are registered
        const bool canRenderSvg = QImageReader::supportedImageFormats().contains("svg");
        for (const QString &name : names) {
            QFile file(u":/icons/"_s + name + u".svg"_s);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            QXmlStreamReader xml(&file);
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY2(!xml.hasError(), qPrintable(name + u": "_s + xml.errorString()));
            if (canRenderSvg) {
                const QIcon icon = name == u"quiver"_s ? Quiver::applicationIcon() : Quiver::icon(name);
                QVERIFY2(!icon.isNull(), qPrintable(name));
                QVERIFY2(!icon.pixmap(24, 24).isNull(), qPrintable(name));
            }
        }
        if (!canRenderSvg)
            qInfo("Qt's SVG plugins are not installed: icons checked as files only");
    }

    void iconsFollowADarkPalette()
    {
        if (!QImageReader::supportedImageFormats().contains("svg"))
            QSKIP("Qt's SVG plugins are not installed");
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        QApplication::setPalette(dark);
        const QImage image = Quiver::icon(u"list-add"_s).pixmap(24, 24).toImage();
        QApplication::setPalette(original);
        if (QIcon::hasThemeIcon(u"list-add"_s))
            QSKIP("the icon theme provides list-add");
        // The plus sign's centre is drawn in the light text colour, not the dark drawing colour.
        QVERIFY(QColor(image.pixel(12, 12)).lightness() > 180);
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
