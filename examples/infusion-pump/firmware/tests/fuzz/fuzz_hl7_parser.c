/* libFuzzer harness for the HL7 parser (TC-FUZZ-001): clang -fsanitize=fuzzer,address. */
#include <stddef.h>
#include <stdint.h>

#include "../../src/comms/hl7_parser.h"

// @spdf verifies SEC-REQ-004
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hl7_span_t payload;
    hl7_message_t msg;
    hl7_program_t prog;

    if (hl7_unwrap_mllp(data, size, &payload) != HL7_OK) {
        return 0;
    }
    if (hl7_split_segments(payload, &msg) != HL7_OK) {
        return 0;
    }
    (void)hl7_parse_rde_program(&msg, &prog);
    return 0;
}
