/* @spdf implements SEC-REQ-OK */
int set_rate(int rate) { return rate; }

/* @spdf implements SEC-REQ-PART */
int check_limit(int rate) { return rate < 100; }

/* @spdf implements SEC-REQ-FAIL, SEC-REQ-NRUN, SEC-REQ-JUNIT, SEC-REQ-OVR, SEC-REQ-BROKEN, SEC-REQ-JUST */
int confirm(int rate) { return rate > 0; }

int clamp(int rate) {
    /* @relation(SEC-REQ-OK, scope=range_start) */
    if (rate > 100) rate = 100;
    if (rate < 0) rate = 0;
    /* @relation(SEC-REQ-OK, scope=range_end) */
    return rate;
}

int limit_hit(int rate) {
    return rate >= 100; /* @relation(SEC-REQ-PART, scope=line) */
}
