/* @spdf verifies SEC-REQ-NRUN */
void test_never_ran(void) {}

/* @spdf verifies SEC-REQ-JUNIT */
void test_passes(void) {}
