/* Unit tests of the bounded HL7 parser. */
#include <string.h>

#include "../src/comms/hl7_parser.h"
#include "test_harness.h"

static size_t frame(uint8_t *out, const char *msg)
{
    size_t n = strlen(msg);
    out[0] = MLLP_START;
    memcpy(&out[1], msg, n);
    out[n + 1u] = MLLP_END1;
    out[n + 2u] = MLLP_END2;
    return n + 3u;
}

// @spdf verifies SEC-REQ-004, CTRL-007
static void test_rejects_missing_mllp_trailer(void)
{
    uint8_t buf[64];
    hl7_span_t payload;
    size_t n = frame(buf, "MSH|^~\\&|GW");

    CHECK(hl7_unwrap_mllp(buf, n - 1u, &payload) == HL7_ERR_FRAMING);
    CHECK(hl7_unwrap_mllp(buf, n, &payload) == HL7_OK);
}

// @spdf verifies SEC-REQ-004
static void test_rejects_oversized_segment(void)
{
    static char big[HL7_MAX_SEGMENT_LEN + 16u];
    hl7_message_t msg;
    hl7_span_t payload;

    memset(big, 'A', sizeof(big));
    memcpy(big, "MSH|", 4u);
    payload.start = big;
    payload.len = sizeof(big);
    CHECK(hl7_split_segments(payload, &msg) == HL7_ERR_SEGMENT);
}

// @spdf verifies SEC-REQ-004
static void test_rejects_non_numeric_rate(void)
{
    const char *text = "MSH|^~\\&|GW\rRXE|1|42|5000|||||||||||||||||||||12x";
    hl7_message_t msg;
    hl7_program_t prog;
    hl7_span_t payload = {text, strlen(text)};

    CHECK(hl7_split_segments(payload, &msg) == HL7_OK);
    CHECK(hl7_parse_rde_program(&msg, &prog) == HL7_ERR_FIELD);
}

int main(void)
{
    RUN(test_rejects_missing_mllp_trailer);
    RUN(test_rejects_oversized_segment);
    RUN(test_rejects_non_numeric_rate);
    return g_failures;
}
