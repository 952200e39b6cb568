/* @spdf implements SEC-REQ-OK */
int set_rate(int rate) { return rate; }

/* @spdf implements SEC-REQ-PART */
int check_limit(int rate) { return rate < 100; }

/* @spdf implements SEC-REQ-FAIL, SEC-REQ-NRUN, SEC-REQ-JUNIT, SEC-REQ-OVR, SEC-REQ-BROKEN, SEC-REQ-JUST */
int confirm(int rate) { return rate > 0; }
