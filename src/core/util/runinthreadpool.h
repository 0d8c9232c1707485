#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace Quiver {

// Runs work on QThreadPool::globalInstance() and hands its result over through the future (QtConcurrent
// is not linked). work must not touch anything the calling thread may be changing meanwhile.
template <typename T>
QFuture<T> runInThreadPool(std::function<T()> work)
{
    // QPromise is move-only and QThreadPool::start takes a copyable std::function, so it is shared.
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

} // namespace Quiver
