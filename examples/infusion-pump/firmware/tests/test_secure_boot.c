/* Unit tests of the secure boot image checks (host crypto shim, OTP counter stub). */
#include <stdbool.h>
#include <stdint.h>

#include "test_harness.h"

typedef struct fw_header fw_header_t;
typedef enum { BOOT_SLOT_A = 0, BOOT_SLOT_B = 1, BOOT_SLOT_NONE = 2 } boot_slot_t;

extern const fw_header_t *test_image_header(uint32_t version, int corrupt);
extern const uint8_t *test_image_body(void);
extern void test_set_rollback_counter(uint32_t value);
extern bool secure_boot_verify_image(const fw_header_t *hdr, const uint8_t *image);
extern boot_slot_t secure_boot_select_slot(const fw_header_t *a, const uint8_t *img_a,
                                           const fw_header_t *b, const uint8_t *img_b);

// @spdf verifies SEC-REQ-007, CTRL-009
static void test_rejects_unsigned_image(void)
{
    test_set_rollback_counter(1u);
    CHECK(!secure_boot_verify_image(test_image_header(2u, 1), test_image_body()));
    CHECK(secure_boot_verify_image(test_image_header(2u, 0), test_image_body()));
}

// @spdf verifies SEC-REQ-007
static void test_rejects_rollback_and_falls_back(void)
{
    test_set_rollback_counter(3u);
    CHECK(!secure_boot_verify_image(test_image_header(2u, 0), test_image_body()));
    CHECK(secure_boot_select_slot(test_image_header(2u, 0), test_image_body(),
                                  test_image_header(3u, 0), test_image_body()) == BOOT_SLOT_B);
}

int main(void)
{
    RUN(test_rejects_unsigned_image);
    RUN(test_rejects_rollback_and_falls_back);
    return g_failures;
}
