/* Unit tests of the dose controller (host build with stubbed drug library). */
#include "../src/dose/dose_controller.h"
#include "../src/dose/drug_library.h"
#include "test_harness.h"

static const druglib_limits_t k_heparin = {42u, 10u, 400u};

const druglib_limits_t *druglib_limits_for(uint32_t drug_id)
{
    return drug_id == k_heparin.drug_id ? &k_heparin : NULL;
}

// @spdf verifies SEC-REQ-003, CTRL-003
static void test_rejects_rate_above_hard_limit(void)
{
    dose_program_t p = {7u, DOSE_HARD_MAX_RATE_DMLH + 1u, 1000u, PROGRAM_SOURCE_FRONT_PANEL};
    CHECK(dose_check_limits(&p) == DOSE_ERR_HARD_LIMIT);
    p.rate_dmlh = DOSE_HARD_MAX_RATE_DMLH;
    CHECK(dose_check_limits(&p) == DOSE_OK);
}

// @spdf verifies SEC-REQ-003
static void test_drug_library_cannot_raise_hard_limit(void)
{
    dose_program_t p = {42u, 500u, 1000u, PROGRAM_SOURCE_TABLET};
    CHECK(dose_check_limits(&p) == DOSE_ERR_SOFT_LIMIT);
    p.vtbi_dml = DOSE_HARD_MAX_VTBI_DML + 1u;
    CHECK(dose_check_limits(&p) == DOSE_ERR_HARD_LIMIT);
}

// @spdf verifies SEC-REQ-014, CTRL-006
static void test_remote_program_waits_for_confirmation(void)
{
    dose_controller_t dc;
    dose_program_t p = {42u, 100u, 500u, PROGRAM_SOURCE_GATEWAY};

    dose_init(&dc);
    CHECK(dose_submit_program(&dc, &p) == DOSE_OK);
    CHECK(!dc.running);
    CHECK(dose_confirm_pending(&dc, false) == DOSE_ERR_NOT_CONFIRMED);
    CHECK(dose_confirm_pending(&dc, true) == DOSE_OK);
    CHECK(dc.running);
}

// @spdf verifies SEC-REQ-010
static void test_comms_loss_keeps_infusion_running(void)
{
    dose_controller_t dc;
    dose_program_t p = {42u, 100u, 500u, PROGRAM_SOURCE_FRONT_PANEL};

    dose_init(&dc);
    CHECK(dose_submit_program(&dc, &p) == DOSE_OK);
    dose_on_comms_lost(&dc);
    CHECK(dc.running);
    CHECK(dc.comms_advisory);
}

int main(void)
{
    RUN(test_rejects_rate_above_hard_limit);
    RUN(test_drug_library_cannot_raise_hard_limit);
    RUN(test_remote_program_waits_for_confirmation);
    RUN(test_comms_loss_keeps_infusion_running);
    return g_failures;
}
