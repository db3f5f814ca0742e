"""Snapshots: the whole world of one emulator (store, scheduler, id factory, clock) as versioned JSON.

    {"format": "mcf-emulator/state", "version": 1, "takenAt": ..., "clock": {...}, "ids": {...},
     "store": {"version": 1, "shared": ..., "tenants": ..., "scheduler": [...]}}

Restoring puts the clock back at the snapshot's instant and speed (a frozen clock stays frozen), so a
restored world replays exactly; fault rules, rate-limit settings and the journal are configuration and
observation, not state, and are left as they are.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING, Any

from emulator import __version__
from emulator.state.clock import iso
from emulator.state.sqlite import meta_of, restore_meta

if TYPE_CHECKING:
    from emulator.runtime import Runtime

FORMAT = "mcf-emulator/state"
VERSION = 1


def take(rt: Runtime) -> dict[str, Any]:
    """The current world as a snapshot document."""
    meta = meta_of(rt.store, rt.ids, rt.clock)
    return {"format": FORMAT, "version": VERSION, "emulatorVersion": __version__,
            "takenAt": iso(rt.clock.now()),
            "clock": rt.clock.describe() | {"epoch": meta["clock"]["at"]},
            "ids": meta["ids"], "store": rt.store.snapshot()}


def check(document: Any) -> None:
    """Raise ValueError unless `document` is a snapshot this version can restore."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not an emulator snapshot (expected format {FORMAT!r})")
    if document.get("version") != VERSION:
        raise ValueError(f"unsupported snapshot version {document.get('version')!r}; expected {VERSION}")
    for name, kind in (("clock", dict), ("ids", dict), ("store", dict)):
        if not isinstance(document.get(name), kind):
            raise ValueError(f"snapshot field {name!r} is missing or not an object")
    state = document["ids"].get("state")
    try:
        random.Random().setstate((state[0], tuple(state[1]), state[2]))
    except (TypeError, ValueError, IndexError, KeyError):
        raise ValueError("snapshot field 'ids.state' is not an id-factory state") from None
    clock = document["clock"]
    if not isinstance(clock.get("epoch"), int | float) or not isinstance(clock.get("speed"), int | float):
        raise ValueError("snapshot field 'clock' needs numeric 'epoch' and 'speed'")


def restore(rt: Runtime, document: dict[str, Any]) -> None:
    """Replace the world with `document` (checked first: a bad document changes nothing)."""
    check(document)
    before = rt.store.snapshot()
    try:
        rt.store.restore(document["store"])
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        rt.store.restore(before)
        raise ValueError(f"snapshot store is invalid: {error}") from None
    clock = document["clock"]
    restore_meta({"ids": document["ids"],
                  "clock": {"at": clock["epoch"], "real": time.time(), "speed": clock["speed"]}},
                 rt.store, rt.ids, rt.clock)
