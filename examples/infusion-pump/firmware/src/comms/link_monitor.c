/*
 * Link supervision on the communications processor. Loss of Wi-Fi, BLE or the gateway never
 * stops a running infusion; the safety processor only drops staged remote programs.
 */
#include <stdbool.h>
#include <stdint.h>

#define LINK_TIMEOUT_MS 30000u

typedef struct {
    uint32_t last_gateway_ms;
    bool advisory_shown;
} link_monitor_t;

extern void ipc_notify_comms_lost(void);
extern void display_show_comms_advisory(void);

// @spdf implements SEC-REQ-010, CTRL-013
// @spdf mitigates THR-007, THR-003
void link_monitor_tick(link_monitor_t *lm, uint32_t now_ms)
{
    if (now_ms - lm->last_gateway_ms > LINK_TIMEOUT_MS && !lm->advisory_shown) {
        ipc_notify_comms_lost();
        display_show_comms_advisory();
        lm->advisory_shown = true;
    }
}

void link_monitor_on_gateway_frame(link_monitor_t *lm, uint32_t now_ms)
{
    lm->last_gateway_ms = now_ms;
    lm->advisory_shown = false;
}
