#pragma once

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace flowviz::http {

// What ThreadSanitizer cannot see by itself when a DB worker hands an answer to the HTTP thread
// through Qt's posted-event queue: the queue's lock and the slot object's reference count live
// in the uninstrumented Qt libraries. These calls state that synchronisation on one address
// that stands for the queue (docs/development.md, "Sanitizers"); outside a ThreadSanitizer
// build they compile to nothing.
namespace handoff {

#if defined(__SANITIZE_THREAD__)
inline char queueToken;
inline void release()
{
    __tsan_release(&queueToken);
}
inline void acquire()
{
    __tsan_acquire(&queueToken);
}
#else
inline void release() {}
inline void acquire() {}
#endif

} // namespace handoff
} // namespace flowviz::http
