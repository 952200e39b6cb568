/*
 * Dose controller of the LVP-300 safety processor.
 * Units: rates in 0.1 mL/h, volumes in 0.1 mL.
 */
#ifndef LVP_DOSE_CONTROLLER_H
#define LVP_DOSE_CONTROLLER_H

#include <stdbool.h>
#include <stdint.h>

/* Absolute hard limits: compiled in, independent of any drug library (SEC-REQ-003). */
#define DOSE_HARD_MAX_RATE_DMLH 12000u /* 1200.0 mL/h */
#define DOSE_HARD_MIN_RATE_DMLH 1u     /* 0.1 mL/h */
#define DOSE_HARD_MAX_VTBI_DML 99990u  /* 9999.0 mL */

/* Motor: 0.005 mL per step (set-point resolution of the peristaltic mechanism). */
#define DOSE_STEPS_PER_ML 200u

typedef enum {
    PROGRAM_SOURCE_FRONT_PANEL = 0,
    PROGRAM_SOURCE_GATEWAY,
    PROGRAM_SOURCE_TABLET
} program_source_t;

typedef enum {
    DOSE_OK = 0,
    DOSE_ERR_BAD_ARG,
    DOSE_ERR_HARD_LIMIT,
    DOSE_ERR_SOFT_LIMIT,
    DOSE_ERR_NO_PENDING,
    DOSE_ERR_NOT_CONFIRMED
} dose_status_t;

typedef struct {
    uint32_t drug_id;
    uint32_t rate_dmlh;
    uint32_t vtbi_dml;
    program_source_t source;
    bool soft_limit_override; /* clinician confirmed a rate outside the drug library's soft limits */
} dose_program_t;

typedef struct {
    dose_program_t active;
    bool running;
    dose_program_t pending;
    bool pending_valid;
    bool comms_advisory;
    uint32_t motor_steps_per_hour;
} dose_controller_t;

void dose_init(dose_controller_t *dc);
dose_status_t dose_check_limits(const dose_program_t *p);
dose_status_t dose_submit_program(dose_controller_t *dc, const dose_program_t *p);
dose_status_t dose_confirm_pending(dose_controller_t *dc, bool clinician_confirmed);
void dose_on_comms_lost(dose_controller_t *dc);
uint32_t dose_rate_to_motor_steps(uint32_t rate_dmlh);

#endif /* LVP_DOSE_CONTROLLER_H */
