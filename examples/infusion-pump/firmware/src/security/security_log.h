/* Hash-chained security event log of the communications processor. */
#ifndef LVP_SECURITY_LOG_H
#define LVP_SECURITY_LOG_H

#include <stdint.h>

typedef enum {
    SECLOG_PAIRING_ACCEPTED = 1,
    SECLOG_PAIRING_REJECTED,
    SECLOG_COMMAND_REJECTED,
    SECLOG_COMMAND_REPLAYED,
    SECLOG_HL7_REJECTED,
    SECLOG_SIGNATURE_FAILURE,
    SECLOG_CONFIG_CHANGED
} seclog_event_t;

void seclog_append(seclog_event_t event, uint32_t detail);

#endif /* LVP_SECURITY_LOG_H */
