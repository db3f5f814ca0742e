"""Snapshots: the whole world of one emulator (store, scheduler, id factory, clock) as versioned JSON.

    {"format": "mcf-emulator/state", "version": 2, "takenAt": ..., "clock": {...}, "ids": {...},
     "store": {"version": 2, "shared": ..., "tenants": ..., "scheduler": [...], "events": {...}}}

Restoring puts the clock back at the snapshot's instant and speed (a frozen clock stays frozen), so a
restored world replays exactly; fault rules, rate-limit settings and the journal are configuration and
observation, not state, and are left as they are.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from typing import Any

from emulator import __version__
from emulator.state import Clock, IdFactory, Store
from emulator.state.clock import MAX_SPEED, in_span, iso
from emulator.state.sqlite import meta_of, restore_meta

FORMAT = "mcf-emulator/state"
VERSION = 2  # 1: untyped records, no events


def take(store: Store, ids: IdFactory, clock: Clock) -> dict[str, Any]:
    """The current world as a snapshot document."""
    meta = meta_of(store, ids, clock)
    return {
        "format": FORMAT,
        "version": VERSION,
        "emulatorVersion": __version__,
        "takenAt": iso(clock.now()),
        "clock": clock.describe() | {"epoch": meta["clock"]["at"]},
        "ids": meta["ids"],
        "store": store.snapshot(),
    }


def _check_partition(name: str, tables: Any) -> None:
    if not isinstance(tables, dict) or not all(
        isinstance(rows, dict) and all(isinstance(r, dict) for r in rows.values()) for rows in tables.values()
    ):
        raise ValueError(f"snapshot partition {name!r} must map table names to objects of records")


def _check_store(store: dict[str, Any], kinds: Iterable[str]) -> None:
    _check_partition("shared", store.get("shared", {}))
    tenants = store.get("tenants", {})
    if not isinstance(tenants, dict):
        raise ValueError("snapshot field 'store.tenants' must be an object")
    for seller, tables in tenants.items():
        _check_partition(seller, tables)
    known = set(kinds)
    for entry in store.get("scheduler", []) if isinstance(store.get("scheduler", []), list) else [None]:
        if not (
            isinstance(entry, list)
            and len(entry) == 4
            and isinstance(entry[0], int | float)
            and entry[1] in known
            and isinstance(entry[2], str)
            and isinstance(entry[3], dict)
        ):
            raise ValueError(f"snapshot scheduler entry {entry!r} is not [due, known kind, seller, payload]")


def check(document: Any, kinds: Iterable[str] = ()) -> None:
    """Raise ValueError unless `document` is a snapshot this version can restore (`kinds`: known
    transition kinds, which every scheduled event must name)."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not an emulator snapshot (expected format {FORMAT!r})")
    if document.get("version") != VERSION:
        raise ValueError(
            f"snapshot format {document.get('version')!r} was written by another emulator version; "
            f"this one reads format {VERSION}"
        )
    for name, kind in (("clock", dict), ("ids", dict), ("store", dict)):
        if not isinstance(document.get(name), kind):
            raise ValueError(f"snapshot field {name!r} is missing or not an object")
    if not isinstance(document["ids"].get("seed"), int):
        raise ValueError("snapshot field 'ids.seed' must be an integer")
    state = document["ids"].get("state")
    try:
        random.Random().setstate((state[0], tuple(state[1]), state[2]))
    except (TypeError, ValueError, IndexError, KeyError):
        raise ValueError("snapshot field 'ids.state' is not an id-factory state") from None
    clock = document["clock"]
    epoch, speed = clock.get("epoch"), clock.get("speed")
    if not (
        isinstance(epoch, int | float)
        and isinstance(speed, int | float)
        and in_span(epoch)
        and 0 <= speed <= MAX_SPEED
    ):
        raise ValueError("snapshot field 'clock' needs an 'epoch' and a 'speed' in range")
    _check_store(document["store"], kinds)


def restore(
    document: dict[str, Any], store: Store, ids: IdFactory, clock: Clock, kinds: Iterable[str]
) -> None:
    """Replace the world with `document` (checked first: a bad document changes nothing); `kinds` are
    the transition kinds the emulator knows."""
    check(document, kinds)
    before = store.snapshot()
    try:
        store.restore(document["store"])
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        store.restore(before)
        raise ValueError(f"snapshot store is invalid: {error}") from None
    saved = document["clock"]
    restore_meta(
        {
            "ids": document["ids"],
            "clock": {"at": saved["epoch"], "real": time.time(), "speed": saved["speed"]},
        },
        store,
        ids,
        clock,
    )
