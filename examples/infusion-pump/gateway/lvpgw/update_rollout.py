"""Staged firmware rollout: packages reach pumps only in stages the hospital has approved."""

from dataclasses import dataclass
from datetime import date, timedelta

ROLLOUT_DEADLINE = timedelta(days=30)


@dataclass
class Stage:
    name: str
    pump_ids: list[str]
    approved_by: str | None = None


# @spdf implements SEC-REQ-015, CTRL-010
# @spdf mitigates THR-005
def next_stage(stages: list[Stage], released: date, today: date) -> Stage | None:
    """Returns the next approved stage to offer the package to, or None when waiting for approval.

    Raises when the 30-day deadline for a security update has passed with stages left, so the
    postmarket team is alerted (docs/postmarket-plan.md).
    """
    pending = [s for s in stages if s.pump_ids]
    if pending and today - released > ROLLOUT_DEADLINE:
        raise RuntimeError(f"security update overdue: {len(pending)} stage(s) not rolled out")
    for stage in pending:
        if stage.approved_by is None:
            return None
        return stage
    return None
