/*
 * Thin interface over the vendor crypto library (mbedTLS, see the SBOM).
 * Implementations live in the board support package, outside this example tree.
 */
#ifndef LVP_CRYPTO_H
#define LVP_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CRYPTO_SHA256_LEN 32u
#define CRYPTO_HMAC_LEN 32u
#define CRYPTO_ECDSA_P256_SIG_LEN 64u

typedef struct {
    uint8_t x[32];
    uint8_t y[32];
} crypto_p256_pubkey_t;

bool crypto_hmac_sha256_verify(const uint8_t *key, size_t key_len,
                               const uint8_t *msg, size_t msg_len,
                               const uint8_t tag[CRYPTO_HMAC_LEN]);

bool crypto_ecdsa_p256_verify(const crypto_p256_pubkey_t *pub,
                              const uint8_t digest[CRYPTO_SHA256_LEN],
                              const uint8_t sig[CRYPTO_ECDSA_P256_SIG_LEN]);

void crypto_sha256(const uint8_t *msg, size_t len, uint8_t out[CRYPTO_SHA256_LEN]);

bool crypto_aes_ccm_open(const uint8_t key[16], const uint8_t nonce[13],
                         const uint8_t *aad, size_t aad_len,
                         const uint8_t *ct, size_t ct_len,
                         const uint8_t tag[8], uint8_t *pt_out);

#endif /* LVP_CRYPTO_H */
