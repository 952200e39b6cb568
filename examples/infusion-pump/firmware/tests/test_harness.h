/* Minimal test harness: each failing check prints file:line and counts; main returns the count. */
#ifndef LVP_TEST_HARNESS_H
#define LVP_TEST_HARNESS_H

#include <stdio.h>

static int g_failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            g_failures++;                                                  \
        }                                                                  \
    } while (0)

#define RUN(test)          \
    do {                   \
        test();            \
        printf("ran %s\n", #test); \
    } while (0)

#endif /* LVP_TEST_HARNESS_H */
