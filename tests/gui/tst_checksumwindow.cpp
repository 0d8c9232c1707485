// Checksum lists in the window: opened from a link (typed, or dropped on the window) as well as from a
// file, checked against the scripted server's downloads (a mismatch fails with both hashes in the row),
// and kept with the queue, so a download continued after a restart is still checked. And the queue
// moved out and in as a links file.

#include "addlinkspanel.h"
#include "appsettings.h"
#include "checksumsourcedialog.h"
#include "engine/downloadengine.h"
#include "faultserver.h"
#include "links/checksumlist.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queuefiles.h"
#include "testutil.h"

#include <QDir>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestChecksumWindow final : public QObject
{
    Q_OBJECT

    struct Window {
        AppSettings settings;
        MainWindow window{&settings};
        QStringList warnings;

        Window(const QString &ini, const QString &downloads)
            : settings(ini)
        {
            settings.setDownloadDirectory(downloads);
            settings.setRetryBaseSeconds(0.1);
            settings.setMaxRetries(0);
            settings.sync();
            window.queueFiles()->setWarning([this](const QString &, const QString &text) { warnings.append(text); });
            window.resize(1100, 700);
            window.show();
        }
        QueueModel *model() const { return window.engine()->model(); }
        QString statusCell(DownloadId id) const
        {
            QAbstractItemModel *view = window.queueView()->model();
            for (int row = 0; row < view->rowCount(); ++row) {
                if (view->index(row, 0).data(QueueModel::IdRole).value<DownloadId>() == id)
                    return view->index(row, QueueModel::StatusColumn).data().toString();
            }
            return {};
        }
        void add(const QStringList &links, Quiver::Intent intent)
        {
            window.addLinksPanel()->setText(links.join(u'\n'));
            window.addLinksPanel()->submit(intent);
        }
    };

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_server.listen()); }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
    }

    // "Open Checksum List…" takes a link: the list is fetched from the server, a matching download
    // finishes with a note, a mismatch fails with both hashes in its row and never gets its name.
    void listFromALinkChecksTheDownloads()
    {
        QTemporaryDir dir;
        const QString downloads = dir.filePath(u"downloads"_s);
        const QByteArray good = randomBytes(80000, 801);
        const QByteArray bad = randomBytes(9000, 802);
        const QByteArray wrong = sha256(randomBytes(10, 803));
        m_server.serveFile(u"/release/SHA256SUMS"_s, sha256(good) + "  good.iso\n" + wrong + "  bad.iso\n");
        m_server.serveFile(u"/good.iso"_s, good);
        m_server.serveFile(u"/bad.iso"_s, bad);
        Window w(dir.filePath(u"quiver.ini"_s), downloads);

        QSignalSpy messages(w.window.queueFiles(), &QueueFiles::message);
        w.window.queueFiles()->openChecksumSource(m_server.url(u"/release/SHA256SUMS"_s).toString());
        QTRY_COMPARE(w.window.engine()->checksums().size(), 2);
        QVERIFY(messages.constLast().constFirst().toString().contains(u"checks 2 file names"_s));
        QCOMPARE(m_server.requestsFor(u"/release/SHA256SUMS"_s).size(), 1);

        w.add({m_server.url(u"/good.iso"_s).toString(), m_server.url(u"/bad.iso"_s).toString()}, Quiver::Intent::Run);
        QTRY_COMPARE(w.model()->rowCount(), 2);
        const DownloadId goodId = w.model()->ids().at(0);
        const DownloadId badId = w.model()->ids().at(1);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->find(goodId)->state, DownloadState::Finished, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->find(badId)->state, DownloadState::Failed, 20000);
        QCOMPARE(fileSha256(QDir(downloads).filePath(u"good.iso"_s)), sha256(good));
        QVERIFY(w.model()->find(goodId)->note.contains(u"the file's SHA-256 matches"_s));
        QVERIFY(!QFileInfo::exists(QDir(downloads).filePath(u"bad.iso"_s)));
        QCOMPARE(fileSha256(QDir(downloads).filePath(u"bad.iso.part"_s)), sha256(bad));
        w.model()->flush();
        const QString row = w.statusCell(badId);
        QVERIFY2(row.contains(QString::fromLatin1(sha256(bad))) && row.contains(QString::fromLatin1(wrong)), qPrintable(row));
        QVERIFY2(row.startsWith(u"Failed: The file's SHA-256 is "_s), qPrintable(row));
        QVERIFY(w.warnings.isEmpty());
    }

    // A link that is not a list (404), one that is not http(s), and a missing file: a sentence each,
    // nothing added.
    void unusableSourcesAreExplained()
    {
        QTemporaryDir dir;
        Window w(dir.filePath(u"quiver.ini"_s), dir.filePath(u"downloads"_s));
        w.window.queueFiles()->openChecksumSource(m_server.url(u"/nowhere/SHA256SUMS"_s).toString());
        QTRY_COMPARE(w.warnings.size(), 1);
        QVERIFY2(w.warnings.at(0).startsWith(u"The checksum list could not be fetched, so nothing is checked against it."_s)
                     && w.warnings.at(0).contains(u"Not Found"_s),
                 qPrintable(w.warnings.at(0)));
        w.window.queueFiles()->openChecksumSource(u"ftp://example.org/SHA256SUMS"_s);
        QTRY_COMPARE(w.warnings.size(), 2);
        QVERIFY2(w.warnings.at(1).contains(u"neither a file nor an http or https link"_s), qPrintable(w.warnings.at(1)));
        w.window.queueFiles()->openChecksumSource(dir.filePath(u"missing/SHA256SUMS"_s));
        QTRY_COMPARE(w.warnings.size(), 3);
        QVERIFY2(w.warnings.at(2).startsWith(u"Cannot read the checksum list"_s), qPrintable(w.warnings.at(2)));
        QVERIFY(w.window.engine()->checksums().isEmpty());
    }

    // A link to a SHA256SUMS dropped on the window is a checksum list, not a download; other links
    // dropped with it are read as links.
    void droppedLinkToAListIsOpenedAsOne()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(5000, 804);
        m_server.serveFile(u"/isos/SHA256SUMS"_s, sha256(content) + "  x.iso\n");
        Window w(dir.filePath(u"quiver.ini"_s), dir.filePath(u"downloads"_s));
        QMimeData mime;
        mime.setUrls({m_server.url(u"/isos/SHA256SUMS"_s), m_server.url(u"/x.iso"_s)});
        w.window.addLinksPanel()->readMimeData(&mime);
        QTRY_COMPARE(w.window.engine()->checksums().size(), 1);
        QVERIFY(w.window.engine()->checksums().find(u"x.iso"_s));
        QTRY_COMPARE(w.window.addLinksPanel()->current().links.size(), 1);
        QCOMPARE(w.window.addLinksPanel()->current().links.front().url, m_server.url(u"/x.iso"_s));
    }

    // The list is kept with the queue: after a restart, the restored downloads are still checked, and
    // the list is still there for links added later.
    void listIsKeptAcrossARestart()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(u"quiver.ini"_s);
        const QString session = dir.filePath(u"queue.json"_s);
        const QString downloads = dir.filePath(u"downloads"_s);
        const QByteArray good = randomBytes(70000, 805);
        const QByteArray bad = randomBytes(6000, 806);
        const QByteArray wrong = sha256(randomBytes(10, 807));
        const QString sums = dir.filePath(u"SHA256SUMS"_s);
        QVERIFY(!writeFile(sums, sha256(good) + "  good.iso\n" + wrong + "  bad.iso\n").isEmpty());
        m_server.serveFile(u"/good.iso"_s, good);
        m_server.serveFile(u"/bad.iso"_s, bad);
        {
            Window w(ini, downloads);
            w.window.useSession(session);
            w.window.queueFiles()->openChecksumSource(sums);
            QTRY_COMPARE(w.window.engine()->checksums().size(), 2);
            w.add({m_server.url(u"/good.iso"_s).toString(), m_server.url(u"/bad.iso"_s).toString()}, Quiver::Intent::Pause);
            QTRY_COMPARE(w.model()->rowCount(), 2);
            w.window.close();
        }
        QVERIFY(QFile::remove(sums));   // the list lives on in the queue file only

        Window w(ini, downloads);
        w.window.useSession(session);
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.window.engine()->checksums().size(), 2);
        const DownloadId goodId = w.model()->ids().at(0);
        const DownloadId badId = w.model()->ids().at(1);
        w.window.engine()->scheduler()->resume({goodId, badId});
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->find(goodId)->state, DownloadState::Finished, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->find(badId)->state, DownloadState::Failed, 20000);
        QCOMPARE(fileSha256(QDir(downloads).filePath(u"good.iso"_s)), sha256(good));
        QVERIFY(w.model()->find(goodId)->note.contains(u"Checked against the checksum list “SHA256SUMS”"_s));
        QVERIFY(!QFileInfo::exists(QDir(downloads).filePath(u"bad.iso"_s)));
        w.model()->flush();
        const QString row = w.statusCell(badId);
        QVERIFY2(row.contains(QString::fromLatin1(sha256(bad))) && row.contains(QString::fromLatin1(wrong)), qPrintable(row));
    }

    // Export Links… writes the queue as a links file (out= for the names, dir= for subfolders), and
    // Import Links… (the same path as a dropped file) reads it back into the box as the same links.
    void exportedQueueImportsBack()
    {
        QTemporaryDir dir;
        const QString downloads = dir.filePath(u"downloads"_s);
        Window w(dir.filePath(u"quiver.ini"_s), downloads);
        w.add({m_server.url(u"/a.iso"_s).toString() + u"\n  out=first.iso"_s,
               m_server.url(u"/b.iso"_s).toString() + u"\n  dir=sub"_s},
              Quiver::Intent::Pause);
        QTRY_COMPARE(w.model()->rowCount(), 2);
        QSignalSpy messages(w.window.queueFiles(), &QueueFiles::message);
        const QString file = dir.filePath(u"moved.txt"_s);
        w.window.queueFiles()->exportLinksTo(file);
        QTRY_COMPARE(messages.size(), 1);
        QCOMPARE(messages.constFirst().constFirst().toString(), u"2 links exported to “moved.txt”."_s);
        const QByteArray text = readFile(file);
        QVERIFY2(text.contains("out=first.iso") && text.contains("dir=sub"), text.constData());

        Window other(dir.filePath(u"other.ini"_s), dir.filePath(u"elsewhere"_s));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        other.window.addLinksPanel()->readMimeData(&mime);
        QTRY_COMPARE(other.window.addLinksPanel()->current().links.size(), 2);
        const QList<Link> links = other.window.addLinksPanel()->current().links;
        QCOMPARE(links.at(0).url, m_server.url(u"/a.iso"_s));
        QCOMPARE(links.at(0).options.fileName, u"first.iso"_s);
        QCOMPARE(links.at(1).options.directory, u"sub"_s);

        // A place that cannot be written: a sentence, nothing half written.
        w.window.queueFiles()->exportLinksTo(dir.filePath(u"no/such/folder/x.txt"_s));
        QTRY_COMPARE(w.warnings.size(), 1);
        QVERIFY2(w.warnings.constFirst().startsWith(u"Cannot write"_s), qPrintable(w.warnings.constFirst()));
    }

    // The dialog behind "Open Checksum List…": OK only with something typed, the text comes back trimmed.
    void sourceDialogTakesAPathOrALink()
    {
        ChecksumSourceDialog dialog(QDir::tempPath());
        auto *edit = dialog.findChild<QLineEdit *>(u"checksumSourceEdit"_s);
        QVERIFY(edit);
        QPushButton *ok = nullptr;
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text().contains(u"OK"_s))
                ok = button;
        }
        QVERIFY(ok);
        QVERIFY(!ok->isEnabled());
        edit->setText(u"  https://example.org/SHA256SUMS  "_s);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.source(), u"https://example.org/SHA256SUMS"_s);
    }

private:
    FaultServer m_server;
};

QTEST_MAIN(TestChecksumWindow)
#include "tst_checksumwindow.moc"
