/*
 * Security event log: each record carries the SHA-256 of the previous record, so removal or
 * alteration of a record is evident when the gateway collects the log.
 */
#include "security_log.h"

#include <string.h>

#include "../crypto/crypto.h"

#define SECLOG_CAPACITY 256u

typedef struct {
    uint32_t timestamp_s;
    uint16_t event;
    uint16_t reserved;
    uint32_t detail;
    uint8_t prev_hash[CRYPTO_SHA256_LEN];
} seclog_record_t;

static seclog_record_t s_log[SECLOG_CAPACITY];
static uint32_t s_next;
static uint8_t s_last_hash[CRYPTO_SHA256_LEN];

extern uint32_t rtc_now_seconds(void);

/* @spdf implements SEC-REQ-011, CTRL-016 */
/* @spdf mitigates THR-010 */
void seclog_append(seclog_event_t event, uint32_t detail)
{
    seclog_record_t *rec = &s_log[s_next % SECLOG_CAPACITY];

    /* Fail open: logging never blocks the caller (SR 2.10 response to audit processing failures). */
    rec->timestamp_s = rtc_now_seconds();
    rec->event = (uint16_t)event;
    rec->reserved = 0u;
    rec->detail = detail;
    memcpy(rec->prev_hash, s_last_hash, sizeof(s_last_hash));
    crypto_sha256((const uint8_t *)rec, sizeof(*rec), s_last_hash);
    s_next++;
}
