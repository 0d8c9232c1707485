// NumberSequence: the arithmetic of the numbers one base name hands out (see nameregistry.h for how
// NameRegistry checks each of them against the claims and the disk).

#include "disk/numbersequence.h"

#include <QTest>

using namespace Quiver;

class tst_NumberSequence : public QObject
{
    Q_OBJECT

private slots:
    void countsUpFromOne()
    {
        NumberSequence numbers;
        QCOMPARE(numbers.next(), 1);
        for (int n = 1; n <= 1000; ++n)
            QCOMPARE(numbers.take(), n);
        QCOMPARE(numbers.next(), 1001);
        QCOMPARE(numbers.givenBackCount(), 0);
    }

    void givenBackComeFirstLowestFirst()
    {
        NumberSequence numbers;
        for (int n = 1; n <= 10; ++n)
            numbers.take();
        numbers.giveBack(7);
        numbers.giveBack(3);
        numbers.giveBack(5);
        QCOMPARE(numbers.givenBackCount(), 3);
        QCOMPARE(numbers.take(), 3);
        QCOMPARE(numbers.take(), 5);
        QCOMPARE(numbers.take(), 7);
        QCOMPARE(numbers.take(), 11);
        QCOMPARE(numbers.givenBackCount(), 0);
    }

    void givingBackTwiceGivesItOnce()
    {
        NumberSequence numbers;
        for (int n = 1; n <= 5; ++n)
            numbers.take();
        numbers.giveBack(2);
        numbers.giveBack(2);
        QCOMPARE(numbers.take(), 2);
        QCOMPARE(numbers.take(), 6);
    }

    void numbersNeverHandedOutAreIgnored()
    {
        NumberSequence numbers;
        numbers.take();   // 1
        numbers.giveBack(0);
        numbers.giveBack(-4);
        numbers.giveBack(2);      // not handed out yet
        numbers.giveBack(500);
        QCOMPARE(numbers.givenBackCount(), 0);
        QCOMPARE(numbers.next(), 2);
        QCOMPARE(numbers.take(), 2);
    }

    void theTopComesBackAsNeverHandedOut()
    {
        NumberSequence numbers;
        for (int n = 1; n <= 10; ++n)
            numbers.take();
        numbers.giveBack(4);
        numbers.giveBack(10);
        QCOMPARE(numbers.next(), 10);
        QCOMPARE(numbers.givenBackCount(), 1);
        numbers.giveBack(8);
        numbers.giveBack(9);   // 8 and 9 are now the top too
        QCOMPARE(numbers.next(), 8);
        QCOMPARE(numbers.givenBackCount(), 1);
        // Everything back: nothing is kept, and counting starts again at 1.
        for (int n : {1, 2, 3, 5, 6, 7})
            numbers.giveBack(n);
        QCOMPARE(numbers.next(), 1);
        QCOMPARE(numbers.givenBackCount(), 0);
        QCOMPARE(numbers.take(), 1);
    }

    // Taking and giving back in any order hands out every number at most once at a time, and always
    // the lowest one that is not out.
    void alwaysTheLowestNotOut()
    {
        NumberSequence numbers;
        QList<bool> out(2001, false);
        quint32 seed = 12345;
        const auto random = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        for (int step = 0; step < 20000; ++step) {
            if (random() % 3 != 0) {
                const int n = numbers.take();
                QVERIFY(n >= 1 && n <= 2000);
                QVERIFY2(!out.at(n), qPrintable(QString::number(n)));
                for (int lower = 1; lower < n; ++lower)
                    QVERIFY2(out.at(lower), "a lower number was free");
                out[n] = true;
            } else {
                const int n = int(random() % 2000) + 1;
                if (out.at(n)) {
                    numbers.giveBack(n);
                    out[n] = false;
                }
            }
            if (numbers.next() > 1900) {
                for (int n = 1; n < out.size(); ++n) {
                    if (out.at(n))
                        numbers.giveBack(n);
                    out[n] = false;
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(tst_NumberSequence)

#include "tst_numbersequence.moc"
