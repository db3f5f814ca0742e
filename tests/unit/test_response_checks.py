"""Response checks outside strict mode: one response in N, violations logged and counted, never blocked."""

from __future__ import annotations

import logging

from emulator.edge.violations import Violations
from emulator.errors import MESSAGE_LIMIT, InvalidInput, clamp


def test_clamp_summarises_what_it_cuts():
    assert clamp("short", 10) == "short"
    cut = clamp("x" * 5000, 2048)
    assert len(cut) <= 2048 and cut.endswith("more characters)")
    assert len(InvalidInput("y" * 10_000, "z" * 100_000).message) <= MESSAGE_LIMIT


def test_sampled_checks_count_and_log_but_never_block(catalog, caplog):
    op = catalog["getInventorySummaries"]
    sampled = Violations(strict=False, sample_every=2)
    with caplog.at_level(logging.ERROR, logger="mcf_emulator"):
        found = [sampled.check(op, 200, {"payload": "not an object"}, f"r{i}") for i in range(4)]
    assert found == [[], [], [], []]  # the response goes out as it is
    assert sampled.describe() == {"mode": "sampled", "checkEvery": 2, "checked": 2, "violations": 2}
    assert "RESPONSE VIOLATES THE MODEL" in caplog.text
    strict = Violations(strict=True, sample_every=2)
    assert strict.check(op, 200, {"payload": "not an object"}, "r") != []
    assert strict.describe()["checkEvery"] == 1
