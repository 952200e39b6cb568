"""HL7 v2 allowlist applied by the integration gateway on every conduit it terminates."""

from dataclasses import dataclass

# Message types allowed per conduit (mirrors `filtering.allow` in model/zones.spdf.yaml).
ALLOWED = {
    "C-IT-DMZ": frozenset({"RDE^O11", "ORU^R01", "ACK"}),
    "C-DMZ-PUMP": frozenset({"RDE^O11", "ORU^R01", "ORU^R40", "ACK"}),
    "C-DMZ-NURSECALL": frozenset({"ORU^R40"}),
}

MAX_MESSAGE_BYTES = 4096


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str


def message_type(message: str) -> str:
    """Returns MSH-9 (message code^trigger event) of an HL7 v2 message, or '' when absent."""
    msh = message.split("\r", 1)[0]
    if not msh.startswith("MSH") or len(msh) < 4:
        return ""
    fields = msh.split(msh[3])
    if len(fields) < 9:
        return ""
    parts = fields[8].split("^")
    return "^".join(parts[:2])


# @spdf implements SEC-REQ-006, CTRL-005
# @spdf mitigates THR-002, THR-009, THR-011
def check(conduit: str, message: str) -> Verdict:
    """Allows a message only if its type is on the conduit's list; everything else is dropped."""
    if len(message.encode("utf-8")) > MAX_MESSAGE_BYTES:
        return Verdict(False, "oversize")
    allowed = ALLOWED.get(conduit)
    if allowed is None:
        return Verdict(False, f"unknown conduit {conduit}")
    kind = message_type(message)
    if kind not in allowed:
        return Verdict(False, f"{kind or 'unparseable'} not allowed on {conduit}")
    return Verdict(True, "allowed")
