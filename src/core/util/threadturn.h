#pragma once

#include <QtGlobal>
#include <QThread>

#include <atomic>

namespace Quiver {

// Whose turn it is with an object that threads take turns with, such as a .part: opened and filled on a
// disk thread, synced, hashed and renamed on a worker, closed on its owner's thread. What orders the turns
// lives elsewhere (a mutex hand-off, a finished future); this checks that they are ordered. A thread that
// uses the object out of turn fails an assertion in debug and sanitizer builds instead of racing silently.
// Release builds carry nothing of it.
class ThreadTurn final
{
    Q_DISABLE_COPY_MOVE(ThreadTurn)

public:
    ThreadTurn() = default;

    // Holds the turn for this thread while it lives.
    class Scope final
    {
        Q_DISABLE_COPY_MOVE(Scope)
    public:
        explicit Scope(ThreadTurn &turn) : m_turn(turn) { m_turn.take(); }
        ~Scope() { m_turn.give(); }
    private:
        ThreadTurn &m_turn;
    };

    void take()
    {
#ifndef QT_NO_DEBUG
        Qt::HANDLE expected = nullptr;
        const bool free = m_holder.compare_exchange_strong(expected, QThread::currentThreadId());
        Q_ASSERT_X(free, "ThreadTurn::take", "another thread is using the object: its turn was not handed over");
#endif
    }

    void give()
    {
#ifndef QT_NO_DEBUG
        Qt::HANDLE expected = QThread::currentThreadId();
        const bool held = m_holder.compare_exchange_strong(expected, nullptr);
        Q_ASSERT_X(held, "ThreadTurn::give", "the turn was not this thread's");
#endif
    }

    // Asserts that this thread holds the turn.
    void check() const
    {
#ifndef QT_NO_DEBUG
        Q_ASSERT_X(m_holder.load() == QThread::currentThreadId(), "ThreadTurn::check",
                   "used by a thread whose turn it is not");
#endif
    }

private:
#ifndef QT_NO_DEBUG
    std::atomic<Qt::HANDLE> m_holder{nullptr};
#endif
};

} // namespace Quiver
