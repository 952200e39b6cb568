/* Unit tests of BLE command authentication (host build, HMAC from the host crypto shim). */
#include <string.h>

#include "../src/ble/ble_commands.h"
#include "test_harness.h"

extern void test_sign_command(ble_command_t *cmd, const uint8_t key[32]);

static const uint8_t k_key[32] = {1, 2, 3, 4, 5, 6, 7, 8};

static ble_command_t make_command(uint32_t counter)
{
    ble_command_t cmd;
    memset(&cmd, 0, sizeof(cmd));
    cmd.bond_index = 0u;
    cmd.counter = counter;
    cmd.body_len = 12u;
    test_sign_command(&cmd, k_key);
    return cmd;
}

static void bond_setup(void)
{
    ble_bond_t *b;
    ble_bonds_reset();
    b = ble_bond_slot(0u);
    b->in_use = true;
    memcpy(b->signing_key, k_key, sizeof(k_key));
}

// @spdf verifies SEC-REQ-002, CTRL-002
static void test_rejects_unsigned_command(void)
{
    ble_command_t cmd;

    bond_setup();
    cmd = make_command(1u);
    cmd.hmac[0] ^= 0xFFu;
    CHECK(ble_verify_command(&cmd) == BLE_ERR_BAD_SIGNATURE);
}

// @spdf verifies SEC-REQ-002
static void test_rejects_replayed_counter(void)
{
    ble_command_t cmd;

    bond_setup();
    cmd = make_command(5u);
    CHECK(ble_verify_command(&cmd) == BLE_OK);
    CHECK(ble_verify_command(&cmd) == BLE_ERR_REPLAY);
}

// @spdf verifies SEC-REQ-001, CTRL-001
static void test_rejects_just_works_pairing(void)
{
    ble_pairing_request_t req = {true, BLE_PAIRING_JUST_WORKS, 0u};
    CHECK(ble_on_pairing_request(&req, true) == BLE_ERR_REJECTED);
    req.method = BLE_PAIRING_NUMERIC_COMPARISON;
    CHECK(ble_on_pairing_request(&req, false) == BLE_ERR_REJECTED);
    CHECK(ble_on_pairing_request(&req, true) == BLE_OK);
}

int main(void)
{
    RUN(test_rejects_unsigned_command);
    RUN(test_rejects_replayed_counter);
    RUN(test_rejects_just_works_pairing);
    return g_failures;
}
