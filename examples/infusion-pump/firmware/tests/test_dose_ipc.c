/* Unit tests of inter-processor frame authentication (host AES-CCM shim with a test key). */
#include <stdbool.h>
#include <stdint.h>

#include "../src/dose/dose_controller.h"
#include "test_harness.h"

typedef struct ipc_frame ipc_frame_t;

extern const ipc_frame_t *test_frame(uint8_t cmd, const void *payload, uint8_t len, int corrupt_tag);
extern bool ipc_frame_authenticate(const ipc_frame_t *f, uint8_t *plain_out);
extern dose_status_t ipc_dispatch(dose_controller_t *dc, const ipc_frame_t *f);

// @spdf verifies SEC-REQ-013, CTRL-017
static void test_rejects_frame_with_bad_tag(void)
{
    uint8_t plain[64];
    dose_program_t p = {42u, 100u, 500u, PROGRAM_SOURCE_TABLET};

    CHECK(!ipc_frame_authenticate(test_frame(0x01u, &p, sizeof(p), 1), plain));
    CHECK(ipc_frame_authenticate(test_frame(0x01u, &p, sizeof(p), 0), plain));
}

// @spdf verifies SEC-REQ-013
static void test_rejects_front_panel_source_and_unknown_command(void)
{
    dose_controller_t dc;
    dose_program_t p = {42u, 100u, 500u, PROGRAM_SOURCE_FRONT_PANEL};

    dose_init(&dc);
    CHECK(ipc_dispatch(&dc, test_frame(0x01u, &p, sizeof(p), 0)) == DOSE_ERR_BAD_ARG);
    CHECK(ipc_dispatch(&dc, test_frame(0x7Fu, &p, sizeof(p), 0)) == DOSE_ERR_BAD_ARG);
    CHECK(!dc.running);
}

int main(void)
{
    RUN(test_rejects_frame_with_bad_tag);
    RUN(test_rejects_front_panel_source_and_unknown_command);
    return g_failures;
}
