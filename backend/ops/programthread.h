#pragma once

#include <exception>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_ignore_thread_begin();
#endif

namespace flowviz::ops {

// Runs `work`, which starts programs with QProcess, on a thread of its own, waits for it and
// returns what it returned (or throws what it threw).
//
// Qt 6.4 starts a child with clone(CLONE_VM | CLONE_VFORK): until it execs, the child runs in
// the parent's memory with the calling thread's thread-local storage. ThreadSanitizer keeps its
// state of a thread there, and the child leaves it as its last intercepted call had it: every
// later lock the calling thread takes goes unrecorded, and data it guards correctly is reported
// as a race (the restore's migration through DbPool::runOnce, from the main thread). A thread
// that only runs programs and ends keeps that away from the threads that go on to work. Its own
// end is one of the synchronisations lost, so under ThreadSanitizer it tells it to ignore what
// it reads and writes: the caller waits for it and nothing else runs beside it, so nothing is
// missed. For a command that runs a few programs, one thread each is nothing.
template <typename Work> std::invoke_result_t<Work &> onProgramThread(Work &&work)
{
    using Result = std::invoke_result_t<Work &>;
    static_assert(!std::is_void_v<Result>, "work answers what happened");
    std::optional<Result> result;
    std::exception_ptr error;
    std::thread([&] {
#if defined(__SANITIZE_THREAD__)
        __tsan_ignore_thread_begin();
#endif
        try {
            result.emplace(work());
        } catch (...) {
            error = std::current_exception();
        }
    }).join();
    if (error)
        std::rethrow_exception(error);
    return std::move(*result);
}

} // namespace flowviz::ops
