"""Forwards gateway and pump security events to the hospital SIEM (RFC 5424 over TLS)."""

import socket
import ssl
from datetime import datetime, timezone

SIEM_PORT = 6514


def format_event(host: str, event: str, detail: str) -> bytes:
    ts = datetime.now(timezone.utc).isoformat()
    msg = f"<84>1 {ts} {host} lvpgw - SEC - {event} {detail}\n"
    return msg.encode("utf-8")


# @spdf implements SEC-REQ-017, CTRL-018
# @spdf mitigates THR-006, THR-010
def forward(events: list[tuple[str, str]], siem_host: str, context: ssl.SSLContext) -> int:
    """Sends events over mutually authenticated TLS; returns how many were sent."""
    sent = 0
    with socket.create_connection((siem_host, SIEM_PORT), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=siem_host) as tls:
            for event, detail in events:
                tls.sendall(format_event("lvpgw", event, detail))
                sent += 1
    return sent
