"""Inbound identifiers: 38 characters, `^[a-zA-Z0-9-]*$`, prefixed as Amazon's examples are.

`fresh` draws one from the emulator's id factory; `derived` computes one from an operation id and a label,
so a finisher that runs on the clock (without an id factory) makes the same ids every time it is replayed.
"""

from __future__ import annotations

import hashlib
import uuid

from emulator.state import IdFactory

PLAN, SHIPMENT, PACKING, PLACEMENT, GROUP, PACKAGE = "wf", "sh", "po", "pl", "pg", "pk"
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fresh(ids: IdFactory, prefix: str) -> str:
    return prefix + ids.uuid()


def derived(prefix: str, seed: str, label: str) -> str:
    """A 38-character id that depends only on `seed` and `label`."""
    digest = hashlib.sha256(f"{seed}/{label}".encode()).digest()
    return prefix + str(uuid.UUID(bytes=digest[:16], version=4))


def confirmation_id(seed: str) -> str:
    """A `shipmentConfirmationId` such as `FBA15DJ9SVVD`: FBA and 9 upper-case letters and digits."""
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    chars = []
    for _ in range(9):
        number, digit = divmod(number, 36)
        chars.append(_BASE36[digit])
    return "FBA" + "".join(chars)
