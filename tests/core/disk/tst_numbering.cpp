// NameRegistry's numbering at scale: many claims of one base name stay unique against the disk and the
// queue, across releases and re-claims and across a restart, and a claim does not walk the numbers
// below the last one handed out again (which made 20,000 same-name links quadratic, issue 15).

#include "disk/nameregistry.h"
#include "links/filenames.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}

} // namespace

class tst_Numbering : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_temporary = std::make_unique<QTemporaryDir>();
        QVERIFY(m_temporary->isValid());
        m_dir = QDir::cleanPath(m_temporary->path());
    }

    void cleanup() { m_temporary.reset(); }

    // 5,000 claims of one name, with files of that name on disk and names held by the queue scattered
    // among the numbers: every name is handed out once, none is on disk or held, and the numbers are the
    // lowest free ones (none skipped without a reason).
    void manyClaimsOfOneName()
    {
        const QSet<int> onDisk{1, 3, 100, 101, 2500, 4999};
        const QSet<int> inQueue{2, 7, 250, 4000};
        for (int n : onDisk)
            QVERIFY(touch(path(n) + (n % 2 ? QString() : QString(FileNames::PartSuffix))));
        QVERIFY(QDir(m_dir).mkdir(nameFor(102)));   // a folder by that name counts too
        NameRegistry registry;
        for (int n : inQueue)
            QVERIFY(registry.adopt(path(n)));

        const int count = 5000;
        QSet<QString> handedOut;
        int expected = 0;
        const auto taken = [&](int n) { return onDisk.contains(n) || inQueue.contains(n) || n == 102; };
        for (int i = 0; i < count; ++i) {
            const QString claimed = registry.claim(m_dir, u"get.bin"_s);
            QCOMPARE(claimed, path(expected));
            QVERIFY(!handedOut.contains(claimed));
            handedOut.insert(claimed);
            do {
                ++expected;
            } while (taken(expected));
        }
        QCOMPARE(registry.size(), count + inQueue.size());
    }

    // Names released come back lowest first (unless a file appeared under them meanwhile); names still
    // held never do; and the counting goes on above the highest number handed out.
    void releasesAndReclaims()
    {
        NameRegistry registry;
        QStringList claimed;
        for (int i = 0; i < 1000; ++i)
            claimed.append(registry.claim(m_dir, u"get.bin"_s));
        QCOMPARE(claimed.constLast(), path(999));

        // Every third name is released; of those, every other one then gets a file from elsewhere.
        QSet<int> released;
        QSet<int> foreign;
        for (int n = 3; n < 1000; n += 3) {
            registry.release(path(n));
            released.insert(n);
            if (n % 2 == 0) {
                QVERIFY(touch(path(n)));
                foreign.insert(n);
            }
        }
        registry.release(path(0));   // the plain name too
        QVERIFY(!registry.isClaimed(path(0)));

        QSet<QString> held;
        for (int n = 0; n < 1000; ++n) {
            if (n != 0 && !released.contains(n))
                held.insert(path(n));
        }
        QList<int> reusable;
        for (int n = 3; n < 1000; n += 3) {
            if (!foreign.contains(n))
                reusable.append(n);
        }

        QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(0));
        for (int n : std::as_const(reusable))
            QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(n));
        QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(1000));

        // Released and claimed again many times over: never two holders of one name.
        QSet<QString> now = held;
        for (int n : std::as_const(reusable))
            now.insert(path(n));
        now.insert(path(0));
        now.insert(path(1000));
        QCOMPARE(registry.size(), now.size());
        quint32 seed = 7;
        QStringList live(now.cbegin(), now.cend());
        for (int round = 0; round < 3000; ++round) {
            seed = seed * 1664525u + 1013904223u;
            if (seed % 2 && !live.isEmpty()) {
                const QString gone = live.takeAt(qsizetype((seed >> 8) % quint32(live.size())));
                registry.release(gone);
                now.remove(gone);
            } else {
                const QString fresh = registry.claim(m_dir, u"get.bin"_s);
                QVERIFY(!fresh.isEmpty());
                QVERIFY2(!now.contains(fresh), qPrintable(fresh));
                QVERIFY2(!QFile::exists(fresh), qPrintable(fresh));
                now.insert(fresh);
                live.append(fresh);
            }
        }
        QCOMPARE(registry.size(), now.size());
    }

    // After a restart the numbers come from the disk again: finished files and .parts from the last run
    // are never handed out, and neither are the names the restored queue holds (adopted from the session)
    // even when nothing of theirs is on disk yet.
    void acrossARestart()
    {
        QSet<QString> previous;
        {
            NameRegistry registry;
            for (int i = 0; i < 3000; ++i)
                previous.insert(registry.claim(m_dir, u"get.bin"_s));
        }
        QCOMPARE(previous.size(), 3000);
        QSet<QString> adopted;
        for (int n = 0; n < 3000; ++n) {
            if (n % 3 == 0)
                QVERIFY(touch(path(n)));                                    // finished
            else if (n % 3 == 1)
                QVERIFY(touch(path(n) + FileNames::PartSuffix));            // running when it stopped
            if (n % 3 != 0)
                adopted.insert(path(n));                                    // still in the queue
        }

        NameRegistry restarted;
        for (const QString &held : std::as_const(adopted))
            QVERIFY(restarted.adopt(held));
        for (int i = 0; i < 3000; ++i) {
            const QString fresh = restarted.claim(m_dir, u"get.bin"_s);
            QCOMPARE(fresh, path(3000 + i));
        }
        // A restored item removed gives its number back to the counting rebuilt from the disk.
        restarted.release(path(5));
        QFile::remove(path(5));
        QFile::remove(path(5) + FileNames::PartSuffix);
        QCOMPARE(restarted.claim(m_dir, u"get.bin"_s), path(5));
    }

    // The counting does not look back: a number passed over because its name was in use on disk stays
    // passed over for the run, even once that file is gone. (The old search started at " (1)" for every
    // claim, so the 20,000th same-name link tried 20,000 names.)
    void aClaimDoesNotWalkTheNumbersAgain()
    {
        QVERIFY(touch(path(1)));
        NameRegistry registry;
        QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(0));
        QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(2));
        QVERIFY(QFile::remove(path(1)));
        QCOMPARE(registry.claim(m_dir, u"get.bin"_s), path(3));
        // The case and the normal form of a name do not start a count of their own.
        QCOMPARE(registry.claim(m_dir, u"GET.bin"_s), m_dir + u"/GET (4).bin"_s);
    }

    // Numbers are kept per folder and per base name.
    void countsPerFolderAndName()
    {
        QVERIFY(QDir(m_dir).mkdir(u"sub"_s));
        NameRegistry registry;
        for (int i = 0; i < 3; ++i) {
            registry.claim(m_dir, u"a.txt"_s);
            registry.claim(m_dir, u"b.txt"_s);
        }
        QCOMPARE(registry.claim(m_dir + u"/sub"_s, u"a.txt"_s), m_dir + u"/sub/a.txt"_s);
        QCOMPARE(registry.claim(m_dir + u"/sub"_s, u"a.txt"_s), m_dir + u"/sub/a (1).txt"_s);
        QCOMPARE(registry.claim(m_dir, u"a.txt"_s), m_dir + u"/a (3).txt"_s);
        QCOMPARE(registry.claim(m_dir, u"b.txt"_s), m_dir + u"/b (3).txt"_s);
        // A name given as it is ("a (1).txt" as out=) released later is no number of "a.txt" to reuse
        // unless it is one: it is, so it comes back to a.txt's count.
        registry.release(m_dir + u"/a (1).txt"_s);
        QCOMPARE(registry.claim(m_dir, u"a.txt"_s), m_dir + u"/a (1).txt"_s);
    }

private:
    QString nameFor(int n) const { return FileNames::numbered(u"get.bin"_s, n); }
    QString path(int n) const { return m_dir + u'/' + nameFor(n); }

    std::unique_ptr<QTemporaryDir> m_temporary;
    QString m_dir;
};

QTEST_APPLESS_MAIN(tst_Numbering)

#include "tst_numbering.moc"
