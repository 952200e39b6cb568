"""Telemetry export to the manufacturer cloud: direct identifiers never leave the hospital."""

import hashlib
import hmac

DIRECT_IDENTIFIERS = ("patient_id", "patient_name", "mrn", "date_of_birth", "bed_label")


# @spdf implements SEC-REQ-012, CTRL-014
# @spdf mitigates THR-008
def pseudonymise(record: dict, site_key: bytes) -> dict:
    """Drops direct identifiers and replaces the pump serial with a keyed hash."""
    out = {k: v for k, v in record.items() if k not in DIRECT_IDENTIFIERS}
    serial = str(record.get("pump_serial", ""))
    out["pump_serial"] = hmac.new(site_key, serial.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
    return out
