"""Durations as people write them for the clock: `90`, `45s`, `2h`, `1d12h`, `1.5h` or ISO-8601 `P1DT2H`."""

from __future__ import annotations

import re

from emulator.errors import ControlError

#: The accepted forms, as help and errors list them.
FORMS = "seconds (90, 1.5), units w d h m s (45s, 2h, 1d12h, 1.5h, 1w) or ISO-8601 (P1DT2H)"
_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([wdhms])")
_ISO_DURATION = re.compile(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\Z")


def parse_duration(value: str | float | int) -> float:
    """Seconds in `value`: a number of seconds, `1d2h30m`, `90s`, `1.5h`, or ISO-8601 `P1DT2H`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip()
        iso_match = _ISO_DURATION.match(text.upper())
        if iso_match and text.upper() not in ("P", "PT"):
            weeks, days, hours, minutes, secs = (float(g) if g else 0.0 for g in iso_match.groups())
            seconds = weeks * 604800 + days * 86400 + hours * 3600 + minutes * 60 + secs
        elif text and _DURATION.sub("", text.lower()) == "":
            seconds = sum(float(n) * _UNITS[u] for n, u in _DURATION.findall(text.lower()))
        else:
            try:
                seconds = float(text)
            except ValueError:
                raise ControlError(
                    400,
                    "InvalidDuration",
                    f"cannot read {value!r} as a duration; use {FORMS}",
                ) from None
    if seconds < 0:
        raise ControlError(400, "InvalidDuration", "durations must not be negative")
    return seconds
