/*
 * Safety-processor side of the inter-processor link. Frames from the communications processor
 * are AES-CCM protected under a per-device key provisioned at manufacturing; only allowlisted
 * commands are dispatched.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../crypto/crypto.h"
#include "dose_controller.h"

#define IPC_MAX_PAYLOAD 64u
#define IPC_TAG_LEN 8u

typedef enum {
    IPC_CMD_SET_PROGRAM = 0x01,
    IPC_CMD_CONFIRM_REQUEST = 0x02,
    IPC_CMD_STAGE_DRUG_LIBRARY = 0x03,
    IPC_CMD_STATUS = 0x10
} ipc_cmd_t;

typedef struct ipc_frame {
    uint8_t nonce[13];
    uint8_t cmd;
    uint8_t len;
    uint8_t payload[IPC_MAX_PAYLOAD];
    uint8_t tag[IPC_TAG_LEN];
} ipc_frame_t;

extern const uint8_t g_ipc_device_key[16];

/* @spdf implements SEC-REQ-013, CTRL-017 */
/* @spdf mitigates THR-012 */
bool ipc_frame_authenticate(const ipc_frame_t *f, uint8_t *plain_out)
{
    uint8_t aad[2];

    if (f == NULL || plain_out == NULL || f->len > IPC_MAX_PAYLOAD) {
        return false;
    }
    aad[0] = f->cmd;
    aad[1] = f->len;
    return crypto_aes_ccm_open(g_ipc_device_key, f->nonce, aad, sizeof(aad), f->payload, f->len, f->tag, plain_out);
}

/* @spdf implements SEC-REQ-013 */
/* @spdf hazard HAZ-001, HAZ-002 */
dose_status_t ipc_dispatch(dose_controller_t *dc, const ipc_frame_t *f)
{
    uint8_t plain[IPC_MAX_PAYLOAD];
    dose_program_t prog;

    if (!ipc_frame_authenticate(f, plain)) {
        return DOSE_ERR_BAD_ARG;
    }
    switch (f->cmd) {
    case IPC_CMD_SET_PROGRAM:
        if (f->len != sizeof(prog)) {
            return DOSE_ERR_BAD_ARG;
        }
        memcpy(&prog, plain, sizeof(prog));
        if (prog.source == PROGRAM_SOURCE_FRONT_PANEL) {
            /* The front panel is wired to the safety processor; it never arrives over the link. */
            return DOSE_ERR_BAD_ARG;
        }
        return dose_submit_program(dc, &prog);
    case IPC_CMD_CONFIRM_REQUEST:
        /* Only raises the confirmation prompt on the display; confirmation itself is local. */
        return dc->pending_valid ? DOSE_OK : DOSE_ERR_NO_PENDING;
    case IPC_CMD_STATUS:
        return DOSE_OK;
    default:
        /* Drug libraries arrive through their own signed path (drug_library.c). */
        return DOSE_ERR_BAD_ARG;
    }
}
