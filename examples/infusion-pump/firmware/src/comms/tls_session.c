/*
 * TLS client configuration for the gateway link: TLS 1.2 minimum, mutual authentication with
 * the device certificate from the secure element, pinned hospital gateway CA.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    uint16_t min_version;
    bool require_peer_cert;
    const char *ca_bundle;
    const char *client_cert_slot;
    const char *const *cipher_suites;
} tls_config_t;

#define TLS_VERSION_1_2 0x0303u

static const char *const k_suites[] = {
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    NULL,
};

// @spdf implements SEC-REQ-005, CTRL-004
// @spdf mitigates THR-002
void tls_session_configure(tls_config_t *cfg)
{
    cfg->min_version = TLS_VERSION_1_2;
    cfg->require_peer_cert = true;
    cfg->ca_bundle = "se:/pki/hospital-gateway-ca";
    cfg->client_cert_slot = "se:/pki/device-cert";
    cfg->cipher_suites = k_suites;
}

// @spdf implements SEC-REQ-005
bool tls_verify_peer_name(const char *presented_cn, const char *expected_gateway)
{
    if (presented_cn == NULL || expected_gateway == NULL) {
        return false;
    }
    return strcmp(presented_cn, expected_gateway) == 0;
}
