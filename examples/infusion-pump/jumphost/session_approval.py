"""PAM account hook of the vendor jump host: a session opens only with MFA and a hospital approval."""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

MAX_SESSION = timedelta(hours=2)


@dataclass(frozen=True)
class Approval:
    ticket: str
    approved_by: str
    valid_until: datetime


# @spdf implements SEC-REQ-009, CTRL-011
# @spdf mitigates THR-006
def may_open_session(user: str, mfa_verified: bool, approval: Approval | None, now: datetime | None = None) -> tuple[bool, str]:
    """Returns (allowed, reason); the reason is written to the recorded session log."""
    now = now or datetime.now(timezone.utc)
    if not mfa_verified:
        return False, f"{user}: MFA not verified"
    if approval is None:
        return False, f"{user}: no hospital approval ticket"
    if now > approval.valid_until or approval.valid_until - now > MAX_SESSION:
        return False, f"{user}: approval {approval.ticket} outside its window"
    return True, f"{user}: session approved by {approval.approved_by} ({approval.ticket})"
