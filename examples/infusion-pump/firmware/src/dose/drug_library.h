/* Drug library held by the safety processor: per-drug soft limits signed by the hospital pharmacy. */
#ifndef LVP_DRUG_LIBRARY_H
#define LVP_DRUG_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DRUGLIB_MAX_ENTRIES 512u

typedef struct {
    uint32_t drug_id;
    uint32_t min_rate_dmlh;
    uint32_t max_rate_dmlh;
} druglib_limits_t;

typedef enum {
    DRUGLIB_OK = 0,
    DRUGLIB_ERR_FORMAT,
    DRUGLIB_ERR_SIGNATURE,
    DRUGLIB_ERR_VERSION
} druglib_status_t;

druglib_status_t druglib_verify_and_activate(const uint8_t *pkg, size_t len);
const druglib_limits_t *druglib_limits_for(uint32_t drug_id);

#endif /* LVP_DRUG_LIBRARY_H */
