"""Unit tests of the gateway HL7 allowlist (run with pytest)."""

from lvpgw.hl7_allowlist import check

RDE = "MSH|^~\\&|EHR|HOSP|LVPGW|HOSP|20260401120000||RDE^O11^RDE_O11|1|P|2.6\rRXE|1|42|5000"
QRY = "MSH|^~\\&|EHR|HOSP|LVPGW|HOSP|20260401120000||QBP^Q11^QBP_Q11|2|P|2.6"


# @spdf verifies SEC-REQ-006, CTRL-005
def test_drops_message_types_not_on_the_conduit_list():
    assert check("C-IT-DMZ", RDE).allowed
    assert not check("C-IT-DMZ", QRY).allowed
    assert not check("C-DMZ-NURSECALL", RDE).allowed


# @spdf verifies SEC-REQ-006
def test_drops_oversize_and_unknown_conduits():
    assert not check("C-IT-DMZ", RDE + "X" * 5000).allowed
    assert not check("C-UNKNOWN", RDE).allowed
