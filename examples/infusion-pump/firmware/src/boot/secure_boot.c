/*
 * First-stage bootloader checks for the communications and safety processors: ECDSA P-256
 * signature with the manufacturer release key and an anti-rollback counter in OTP fuses.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../crypto/crypto.h"

typedef struct fw_header {
    uint32_t magic;
    uint32_t version;
    uint32_t image_len;
    uint8_t signature[CRYPTO_ECDSA_P256_SIG_LEN];
} fw_header_t;

typedef enum { BOOT_SLOT_A = 0, BOOT_SLOT_B = 1, BOOT_SLOT_NONE = 2 } boot_slot_t;

#define FW_MAGIC 0x4C565046u /* "LVPF" */

extern const crypto_p256_pubkey_t g_release_pubkey;
extern uint32_t otp_rollback_counter(void);

// @spdf implements SEC-REQ-007, CTRL-009
// @spdf mitigates THR-005
bool secure_boot_verify_image(const fw_header_t *hdr, const uint8_t *image)
{
    uint8_t digest[CRYPTO_SHA256_LEN];

    if (hdr == NULL || image == NULL || hdr->magic != FW_MAGIC) {
        return false;
    }
    if (hdr->version < otp_rollback_counter()) {
        return false;
    }
    crypto_sha256(image, hdr->image_len, digest);
    return crypto_ecdsa_p256_verify(&g_release_pubkey, digest, hdr->signature);
}

// @spdf implements SEC-REQ-007
boot_slot_t secure_boot_select_slot(const fw_header_t *a, const uint8_t *img_a,
                                    const fw_header_t *b, const uint8_t *img_b)
{
    bool ok_a = secure_boot_verify_image(a, img_a);
    bool ok_b = secure_boot_verify_image(b, img_b);

    /* Prefer the newer valid image; fall back to the other slot so the pump stays bootable. */
    if (ok_a && ok_b) {
        return a->version >= b->version ? BOOT_SLOT_A : BOOT_SLOT_B;
    }
    if (ok_a) {
        return BOOT_SLOT_A;
    }
    return ok_b ? BOOT_SLOT_B : BOOT_SLOT_NONE;
}
