#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of the code under test. A broken one aborts, which libFuzzer reports as a crash
// and saves the input for; assert() would vanish in a release build.
#define FUZZ_ASSERT(condition)                                                                     \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
