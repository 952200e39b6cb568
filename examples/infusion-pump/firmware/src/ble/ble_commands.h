/* BLE GATT therapy service of the communications processor. */
#ifndef LVP_BLE_COMMANDS_H
#define LVP_BLE_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BLE_MAX_BONDS 4u
#define BLE_CMD_MAX_LEN 48u
#define BLE_SESSION_IDLE_MS (5u * 60u * 1000u)

typedef enum {
    BLE_PAIRING_JUST_WORKS = 0,
    BLE_PAIRING_PASSKEY,
    BLE_PAIRING_NUMERIC_COMPARISON,
    BLE_PAIRING_OOB
} ble_pairing_method_t;

typedef struct {
    bool lesc;
    ble_pairing_method_t method;
    uint32_t numeric_value;
} ble_pairing_request_t;

typedef struct {
    uint8_t bond_index;
    uint32_t counter;
    uint8_t body_len;
    uint8_t body[BLE_CMD_MAX_LEN];
    uint8_t hmac[32];
} ble_command_t;

typedef struct {
    bool in_use;
    uint8_t signing_key[32];
    uint32_t last_counter;
    uint32_t last_activity_ms;
} ble_bond_t;

typedef enum {
    BLE_OK = 0,
    BLE_ERR_REJECTED,
    BLE_ERR_BAD_SIGNATURE,
    BLE_ERR_REPLAY,
    BLE_ERR_FORMAT
} ble_status_t;

void ble_bonds_reset(void);
ble_bond_t *ble_bond_slot(uint8_t index);
ble_status_t ble_on_pairing_request(const ble_pairing_request_t *req, bool confirmed_on_display);
ble_status_t ble_verify_command(const ble_command_t *cmd);
ble_status_t ble_handle_therapy_write(const uint8_t *data, size_t len, uint32_t now_ms);
void ble_session_idle_timeout(uint32_t now_ms);

#endif /* LVP_BLE_COMMANDS_H */
