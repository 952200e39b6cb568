/*
 * BLE GATT therapy service: pairing policy, command authentication and forwarding of therapy
 * programs to the safety processor.
 */
#include "ble_commands.h"

#include <string.h>

#include "../crypto/crypto.h"
#include "../security/security_log.h"

extern bool ipc_send_program(const uint8_t *body, size_t len);

static ble_bond_t s_bonds[BLE_MAX_BONDS];

void ble_bonds_reset(void)
{
    memset(s_bonds, 0, sizeof(s_bonds));
}

ble_bond_t *ble_bond_slot(uint8_t index)
{
    return index < BLE_MAX_BONDS ? &s_bonds[index] : NULL;
}

/* @spdf implements SEC-REQ-001, CTRL-001 */
/* @spdf mitigates THR-001 */
ble_status_t ble_on_pairing_request(const ble_pairing_request_t *req, bool confirmed_on_display)
{
    /* Only LE Secure Connections with numeric comparison shown on the pump display. */
    if (req == NULL || !req->lesc || req->method != BLE_PAIRING_NUMERIC_COMPARISON) {
        seclog_append(SECLOG_PAIRING_REJECTED, 0u);
        return BLE_ERR_REJECTED;
    }
    if (!confirmed_on_display) {
        seclog_append(SECLOG_PAIRING_REJECTED, req->numeric_value);
        return BLE_ERR_REJECTED;
    }
    seclog_append(SECLOG_PAIRING_ACCEPTED, req->numeric_value);
    return BLE_OK;
}

// @spdf implements SEC-REQ-002, CTRL-002
// @spdf mitigates THR-001
ble_status_t ble_verify_command(const ble_command_t *cmd)
{
    uint8_t msg[4 + BLE_CMD_MAX_LEN];
    ble_bond_t *bond;

    if (cmd == NULL || cmd->body_len > BLE_CMD_MAX_LEN) {
        return BLE_ERR_FORMAT;
    }
    bond = ble_bond_slot(cmd->bond_index);
    if (bond == NULL || !bond->in_use) {
        seclog_append(SECLOG_COMMAND_REJECTED, cmd->counter);
        return BLE_ERR_REJECTED;
    }
    msg[0] = (uint8_t)(cmd->counter >> 24);
    msg[1] = (uint8_t)(cmd->counter >> 16);
    msg[2] = (uint8_t)(cmd->counter >> 8);
    msg[3] = (uint8_t)cmd->counter;
    memcpy(&msg[4], cmd->body, cmd->body_len);
    if (!crypto_hmac_sha256_verify(bond->signing_key, sizeof(bond->signing_key), msg, 4u + cmd->body_len, cmd->hmac)) {
        seclog_append(SECLOG_COMMAND_REJECTED, cmd->counter);
        return BLE_ERR_BAD_SIGNATURE;
    }
    if (cmd->counter <= bond->last_counter) {
        seclog_append(SECLOG_COMMAND_REPLAYED, cmd->counter);
        return BLE_ERR_REPLAY;
    }
    bond->last_counter = cmd->counter;
    return BLE_OK;
}

// @spdf implements SEC-REQ-002
// @spdf hazard HAZ-001, HAZ-002
ble_status_t ble_handle_therapy_write(const uint8_t *data, size_t len, uint32_t now_ms)
{
    ble_command_t cmd;
    ble_status_t st;

    if (data == NULL || len != sizeof(cmd)) {
        return BLE_ERR_FORMAT;
    }
    memcpy(&cmd, data, sizeof(cmd));
    st = ble_verify_command(&cmd);
    if (st != BLE_OK) {
        return st;
    }
    s_bonds[cmd.bond_index].last_activity_ms = now_ms;
    /* The safety processor re-checks limits and waits for confirmation at the front panel. */
    return ipc_send_program(cmd.body, cmd.body_len) ? BLE_OK : BLE_ERR_REJECTED;
}

// @spdf implements SEC-REQ-099
void ble_session_idle_timeout(uint32_t now_ms)
{
    uint8_t i;

    for (i = 0; i < BLE_MAX_BONDS; i++) {
        if (s_bonds[i].in_use && now_ms - s_bonds[i].last_activity_ms > BLE_SESSION_IDLE_MS) {
            /* Require a fresh confirmation on the display before the next therapy write. */
            s_bonds[i].last_counter = 0u;
            s_bonds[i].in_use = false;
        }
    }
}
