// One writer per queue file: the lock beside it, who holds it, and locks left by the dead.

#include "session/sessionlock.h"

#include "testutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

class TestSessionLock final : public QObject
{
    Q_OBJECT

private slots:
    void aHeldQueueIsRefusedNamingItsHolder()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        SessionLock owner(session);
        QCOMPARE(owner.tryLock(), SessionLock::Outcome::Locked);
        QCOMPARE(owner.tryLock(), SessionLock::Outcome::Locked);   // again: still ours
        QVERIFY(QFileInfo::exists(session + u".lock"_s));
        QVERIFY(!QFileInfo::exists(session));   // the lock makes no queue file

        SessionLock other(session);
        QCOMPARE(other.tryLock(), SessionLock::Outcome::HeldElsewhere);
        QVERIFY(!other.isLocked());
        const QString expected = u"The queue file “%1” is in use by %2 (process %3). Only one program at a time may "
                                 "work on a queue: wait for it to end, or use another file."_s
                                     .arg(session, QFileInfo(QCoreApplication::applicationFilePath()).fileName())
                                     .arg(QCoreApplication::applicationPid());
        QCOMPARE(other.errorString(), expected);
    }

    void aLockLetGoOfIsFreeAgain()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        {
            SessionLock owner(session);
            QCOMPARE(owner.tryLock(), SessionLock::Outcome::Locked);
        }
        QVERIFY(!QFileInfo::exists(session + u".lock"_s));
        SessionLock next(session);
        QCOMPARE(next.tryLock(), SessionLock::Outcome::Locked);
    }

    // kill -9, a crash, a power cut: the lock file stays, its process does not.
    void aLockOfADeadProcessIsTakenOver()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        QProcess gone;
        QSignalSpy finished(&gone, &QProcess::finished);
        gone.start(u"/bin/true"_s, {});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(finished.wait(10000));
        // What QLockFile writes: pid, program, host, machine id, boot id.
        const QByteArray left = QByteArray::number(deadPid) + "\nquiver-cli\n" + QSysInfo::machineHostName().toUtf8()
            + '\n' + QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n';
        QVERIFY(!Test::writeFile(session + u".lock"_s, left).isEmpty());

        SessionLock next(session);
        QCOMPARE(next.tryLock(), SessionLock::Outcome::Locked);
        QVERIFY(Test::readFile(session + u".lock"_s).startsWith(QByteArray::number(QCoreApplication::applicationPid()) + '\n'));
    }

    void aQueueInAMissingFolderCannotBeLocked()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"nowhere/queue.json"_s);
        SessionLock lock(session);
        QCOMPARE(lock.tryLock(), SessionLock::Outcome::Failed);
        QVERIFY2(lock.errorString().contains(u"the folder “%1” does not exist"_s.arg(dir.filePath(u"nowhere"_s))),
                 qPrintable(lock.errorString()));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"nowhere"_s)));
    }
};

QTEST_GUILESS_MAIN(TestSessionLock)
#include "tst_sessionlock.moc"
