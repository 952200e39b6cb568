/*
 * Alarm manager of the pump controller firmware (safety processor). The local audible and
 * visual alarm is primary (IEC 60601-1-8); forwarding to the nurse-call system is best effort.
 */
#include <stdbool.h>
#include <stdint.h>

typedef enum { ALARM_OCCLUSION = 1, ALARM_AIR_IN_LINE, ALARM_INFUSION_COMPLETE, ALARM_LOW_BATTERY } alarm_id_t;

extern void buzzer_start(uint8_t priority);
extern void display_show_alarm(alarm_id_t id);
extern bool ipc_queue_alarm_forward(alarm_id_t id);

bool alarm_forward(alarm_id_t id);

// @spdf implements SEC-REQ-016, CTRL-015
// @spdf hazard HAZ-003
void alarm_raise(alarm_id_t id, uint8_t priority)
{
    /* Local annunciation first and unconditionally. */
    buzzer_start(priority);
    display_show_alarm(id);
    (void)alarm_forward(id);
}

// @spdf implements SEC-REQ-016
// @spdf mitigates THR-009
bool alarm_forward(alarm_id_t id)
{
    /* Queue for the communications processor; a full queue or a dead link is not an error here. */
    return ipc_queue_alarm_forward(id);
}
