/* Unit tests of drug library signature verification (host crypto shim with test keys). */
#include <string.h>

#include "../src/dose/drug_library.h"
#include "test_harness.h"

extern size_t test_build_signed_library(uint8_t *out, size_t cap, uint32_t version, int corrupt_signature);

// @spdf verifies SEC-REQ-008, CTRL-008
static void test_rejects_library_with_bad_signature(void)
{
    uint8_t pkg[256];
    size_t n = test_build_signed_library(pkg, sizeof(pkg), 3u, 1);
    CHECK(druglib_verify_and_activate(pkg, n) == DRUGLIB_ERR_SIGNATURE);
}

// @spdf verifies SEC-REQ-008
static void test_rejects_older_library_version(void)
{
    uint8_t pkg[256];
    size_t n = test_build_signed_library(pkg, sizeof(pkg), 5u, 0);
    CHECK(druglib_verify_and_activate(pkg, n) == DRUGLIB_OK);
    n = test_build_signed_library(pkg, sizeof(pkg), 4u, 0);
    CHECK(druglib_verify_and_activate(pkg, n) == DRUGLIB_ERR_VERSION);
}

int main(void)
{
    RUN(test_rejects_library_with_bad_signature);
    RUN(test_rejects_older_library_version);
    return g_failures;
}
