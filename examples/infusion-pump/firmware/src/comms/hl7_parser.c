/*
 * Bounded HL7 v2 parsing on the communications processor. Every index is checked against the
 * message length; nothing is copied into fixed buffers without a length check.
 */
#include "hl7_parser.h"

#include <string.h>

#include "../security/security_log.h"

static hl7_status_t reject(hl7_status_t st)
{
    seclog_append(SECLOG_HL7_REJECTED, (uint32_t)st);
    return st;
}

/* Parses an unsigned decimal field of at most 9 digits; rejects empty, signed or oversize input. */
static hl7_status_t parse_uint_field(const char *s, size_t len, uint32_t *out)
{
    uint32_t v = 0u;
    size_t i;

    if (len == 0u || len > 9u) {
        return HL7_ERR_FIELD;
    }
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return HL7_ERR_FIELD;
        }
        v = v * 10u + (uint32_t)(s[i] - '0');
    }
    *out = v;
    return HL7_OK;
}

/* Returns field number n (0-based after the segment ID) of a segment, or an empty span. */
static hl7_span_t field_of(hl7_span_t seg, unsigned n)
{
    hl7_span_t f = {NULL, 0u};
    size_t i, start = 0u;
    unsigned idx = 0u;

    for (i = 0; i <= seg.len; i++) {
        if (i == seg.len || seg.start[i] == '|') {
            if (idx == n + 1u) {
                f.start = seg.start + start;
                f.len = i - start;
                return f;
            }
            idx++;
            start = i + 1u;
        }
    }
    return f;
}

/* @spdf implements SEC-REQ-004, CTRL-007 */
/* @spdf mitigates THR-003 */
hl7_status_t hl7_unwrap_mllp(const uint8_t *frame, size_t len, hl7_span_t *payload)
{
    if (frame == NULL || payload == NULL || len < 3u) {
        return reject(HL7_ERR_FRAMING);
    }
    if (len > HL7_MAX_MESSAGE + 3u) {
        return reject(HL7_ERR_TOO_LONG);
    }
    if (frame[0] != MLLP_START || frame[len - 2u] != MLLP_END1 || frame[len - 1u] != MLLP_END2) {
        return reject(HL7_ERR_FRAMING);
    }
    payload->start = (const char *)&frame[1];
    payload->len = len - 3u;
    return HL7_OK;
}

/* @spdf implements SEC-REQ-004 */
hl7_status_t hl7_split_segments(hl7_span_t payload, hl7_message_t *msg)
{
    size_t i, start = 0u;

    msg->count = 0u;
    for (i = 0; i <= payload.len; i++) {
        if (i == payload.len || payload.start[i] == '\r') {
            size_t seg_len = i - start;
            if (seg_len > 0u) {
                if (seg_len > HL7_MAX_SEGMENT_LEN || seg_len < 3u) {
                    return reject(HL7_ERR_SEGMENT);
                }
                if (msg->count == HL7_MAX_SEGMENTS) {
                    return reject(HL7_ERR_TOO_LONG);
                }
                msg->segments[msg->count].start = payload.start + start;
                msg->segments[msg->count].len = seg_len;
                msg->count++;
            }
            start = i + 1u;
        }
    }
    if (msg->count == 0u || strncmp(msg->segments[0].start, "MSH", 3u) != 0) {
        return reject(HL7_ERR_SEGMENT);
    }
    return HL7_OK;
}

/* @spdf implements SEC-REQ-004 */
/* @spdf mitigates THR-002 */
hl7_status_t hl7_parse_rde_program(const hl7_message_t *msg, hl7_program_t *out)
{
    size_t i;
    int have_rxe = 0;

    for (i = 1; i < msg->count; i++) {
        hl7_span_t seg = msg->segments[i];
        if (seg.len >= 3u && strncmp(seg.start, "RXE", 3u) == 0) {
            /* RXE-2 give code, RXE-24 give rate amount, RXE-3 give amount (VTBI, 0.1 mL). */
            hl7_span_t code = field_of(seg, 1u);
            hl7_span_t rate = field_of(seg, 23u);
            hl7_span_t vtbi = field_of(seg, 2u);
            if (parse_uint_field(code.start, code.len, &out->drug_id) != HL7_OK ||
                parse_uint_field(rate.start, rate.len, &out->rate_dmlh) != HL7_OK ||
                parse_uint_field(vtbi.start, vtbi.len, &out->vtbi_dml) != HL7_OK) {
                return reject(HL7_ERR_FIELD);
            }
            have_rxe = 1;
        }
    }
    return have_rxe ? HL7_OK : reject(HL7_ERR_UNSUPPORTED);
}
