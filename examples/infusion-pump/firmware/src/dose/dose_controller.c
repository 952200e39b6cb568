/*
 * Dose controller of the LVP-300 safety processor: validates therapy programs against the
 * absolute hard limits and the active drug library, holds remote programs until a clinician
 * confirms them at the front panel, and computes the motor set-point.
 */
#include "dose_controller.h"

#include <string.h>

#include "drug_library.h"

/* @spdf hazard HAZ-001, HAZ-002 */
void dose_init(dose_controller_t *dc)
{
    /* Power-up state is "stopped, nothing pending": no delivery without an explicit start. */
    memset(dc, 0, sizeof(*dc));
    dc->running = false;
    dc->pending_valid = false;
}

/* @spdf implements SEC-REQ-003, CTRL-003 */
/* @spdf hazard HAZ-001, HAZ-002 */
dose_status_t dose_check_limits(const dose_program_t *p)
{
    const druglib_limits_t *lim;

    if (p == NULL) {
        return DOSE_ERR_BAD_ARG;
    }
    /* Hard limits first: they hold whatever the source and whatever the drug library says. */
    if (p->rate_dmlh < DOSE_HARD_MIN_RATE_DMLH || p->rate_dmlh > DOSE_HARD_MAX_RATE_DMLH) {
        return DOSE_ERR_HARD_LIMIT;
    }
    if (p->vtbi_dml == 0u || p->vtbi_dml > DOSE_HARD_MAX_VTBI_DML) {
        return DOSE_ERR_HARD_LIMIT;
    }
    lim = druglib_limits_for(p->drug_id);
    if (lim != NULL && !p->soft_limit_override && (p->rate_dmlh > lim->max_rate_dmlh || p->rate_dmlh < lim->min_rate_dmlh)) {
        return DOSE_ERR_SOFT_LIMIT;
    }
    return DOSE_OK;
}

/*
 * Front-panel programs start immediately once checked; programs from the gateway or a tablet
 * are only staged and wait for confirmation at the pump.
 */
/* @spdf implements SEC-REQ-014 */
/* @spdf mitigates THR-002, THR-012 */
dose_status_t dose_submit_program(dose_controller_t *dc, const dose_program_t *p)
{
    dose_status_t st = dose_check_limits(p);

    if (st != DOSE_OK) {
        return st;
    }
    if (p->source == PROGRAM_SOURCE_FRONT_PANEL) {
        dc->active = *p;
        dc->running = true;
        dc->motor_steps_per_hour = dose_rate_to_motor_steps(p->rate_dmlh);
        return DOSE_OK;
    }
    dc->pending = *p;
    dc->pending_valid = true;
    return DOSE_OK;
}

/* @spdf implements SEC-REQ-014, CTRL-006 */
/* @spdf hazard HAZ-001 */
dose_status_t dose_confirm_pending(dose_controller_t *dc, bool clinician_confirmed)
{
    dose_status_t st;

    if (!dc->pending_valid) {
        return DOSE_ERR_NO_PENDING;
    }
    if (!clinician_confirmed) {
        return DOSE_ERR_NOT_CONFIRMED;
    }
    /* Re-check: the drug library may have changed since the program was staged. */
    st = dose_check_limits(&dc->pending);
    if (st != DOSE_OK) {
        dc->pending_valid = false;
        return st;
    }
    dc->active = dc->pending;
    dc->pending_valid = false;
    dc->running = true;
    dc->motor_steps_per_hour = dose_rate_to_motor_steps(dc->active.rate_dmlh);
    return DOSE_OK;
}

/* @spdf implements SEC-REQ-010 */
/* @spdf hazard HAZ-003, HAZ-002 */
void dose_on_comms_lost(dose_controller_t *dc)
{
    /* Fail-operational: a running infusion continues; only staged remote programs are dropped. */
    dc->pending_valid = false;
    dc->comms_advisory = true;
}

uint32_t dose_rate_to_motor_steps(uint32_t rate_dmlh)
{
    /* steps/h = (rate in 0.1 mL/h) * steps per mL / 10 */
    return (rate_dmlh * DOSE_STEPS_PER_ML) / 10u;
}
