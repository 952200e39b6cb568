/*
 * Drug library activation. A package is: header (magic, version, entry count), entries, and an
 * ECDSA P-256 signature over the SHA-256 of header and entries, made with the hospital pharmacy
 * key enrolled at commissioning.
 */
#include "drug_library.h"

#include <string.h>

#include "../crypto/crypto.h"

#define DRUGLIB_MAGIC 0x4C565044u /* "LVPD" */

typedef struct {
    uint32_t magic;
    uint32_t version;
    uint32_t count;
} druglib_header_t;

static druglib_limits_t s_entries[DRUGLIB_MAX_ENTRIES];
static uint32_t s_count;
static uint32_t s_version;

extern const crypto_p256_pubkey_t g_pharmacy_pubkey;

/* @spdf implements SEC-REQ-008, CTRL-008 */
/* @spdf mitigates THR-004 */
druglib_status_t druglib_verify_and_activate(const uint8_t *pkg, size_t len)
{
    druglib_header_t hdr;
    uint8_t digest[CRYPTO_SHA256_LEN];
    size_t body;

    if (pkg == NULL || len < sizeof(hdr) + CRYPTO_ECDSA_P256_SIG_LEN) {
        return DRUGLIB_ERR_FORMAT;
    }
    memcpy(&hdr, pkg, sizeof(hdr));
    if (hdr.magic != DRUGLIB_MAGIC || hdr.count > DRUGLIB_MAX_ENTRIES) {
        return DRUGLIB_ERR_FORMAT;
    }
    body = sizeof(hdr) + (size_t)hdr.count * sizeof(druglib_limits_t);
    if (len != body + CRYPTO_ECDSA_P256_SIG_LEN) {
        return DRUGLIB_ERR_FORMAT;
    }
    crypto_sha256(pkg, body, digest);
    if (!crypto_ecdsa_p256_verify(&g_pharmacy_pubkey, digest, pkg + body)) {
        /* Keep the last valid library; the pump never runs on an unverified one. */
        return DRUGLIB_ERR_SIGNATURE;
    }
    if (hdr.version <= s_version) {
        return DRUGLIB_ERR_VERSION;
    }
    memcpy(s_entries, pkg + sizeof(hdr), (size_t)hdr.count * sizeof(druglib_limits_t));
    s_count = hdr.count;
    s_version = hdr.version;
    return DRUGLIB_OK;
}

/* @spdf implements SEC-REQ-003 */
/* @spdf hazard HAZ-001 */
const druglib_limits_t *druglib_limits_for(uint32_t drug_id)
{
    uint32_t i;

    for (i = 0; i < s_count; i++) {
        if (s_entries[i].drug_id == drug_id) {
            return &s_entries[i];
        }
    }
    return NULL;
}
