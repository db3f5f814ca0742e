"""How many examples a property test draws under the Hypothesis profile in force (see the root conftest)."""

from __future__ import annotations

from hypothesis import settings

THOROUGH_FACTOR = 10


def examples(ci: int) -> int:
    """`ci` examples under the `ci` profile, `THOROUGH_FACTOR` times as many under `thorough`."""
    thorough = settings.get_current_profile_name() == "thorough"
    return ci * THOROUGH_FACTOR if thorough else ci
