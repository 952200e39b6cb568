/* Minimal, bounded HL7 v2 parser for the messages the pump accepts (RDE^O11, ADT^A01/A08). */
#ifndef LVP_HL7_PARSER_H
#define LVP_HL7_PARSER_H

#include <stddef.h>
#include <stdint.h>

#define HL7_MAX_MESSAGE 4096u
#define HL7_MAX_SEGMENTS 32u
#define HL7_MAX_SEGMENT_LEN 512u

#define MLLP_START 0x0Bu
#define MLLP_END1 0x1Cu
#define MLLP_END2 0x0Du

typedef enum {
    HL7_OK = 0,
    HL7_ERR_FRAMING,
    HL7_ERR_TOO_LONG,
    HL7_ERR_SEGMENT,
    HL7_ERR_FIELD,
    HL7_ERR_UNSUPPORTED
} hl7_status_t;

typedef struct {
    const char *start;
    size_t len;
} hl7_span_t;

typedef struct {
    hl7_span_t segments[HL7_MAX_SEGMENTS];
    size_t count;
} hl7_message_t;

typedef struct {
    uint32_t drug_id;
    uint32_t rate_dmlh;
    uint32_t vtbi_dml;
} hl7_program_t;

hl7_status_t hl7_unwrap_mllp(const uint8_t *frame, size_t len, hl7_span_t *payload);
hl7_status_t hl7_split_segments(hl7_span_t payload, hl7_message_t *msg);
hl7_status_t hl7_parse_rde_program(const hl7_message_t *msg, hl7_program_t *out);

#endif /* LVP_HL7_PARSER_H */
