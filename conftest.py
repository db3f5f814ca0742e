"""Hypothesis profiles for every test directory, and the models directory as an absolute path.

A relative `MCF_EMULATOR_MODELS` (CI sets `../shared/spapi-models`) is made absolute before any test runs,
because servers, suites and pytester runs that tests start work in other directories.


`ci` (the default, also in CI) is derandomised: each property test draws the same examples on every run,
so a green run means the same thing on every machine. `thorough` draws ten times as many examples at
random and keeps what fails in the local example database (`.hypothesis/`), so the next thorough run
tries it first; run it with `--hypothesis-profile thorough` (see README, Development). A failure it
finds becomes a fixed example (`@example` or a plain test) before it is fixed.
"""

from __future__ import annotations

import os

from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile(
    "thorough",
    derandomize=False,
    deadline=None,
    print_blob=True,
    max_examples=1000,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
)
settings.load_profile("ci")

if os.environ.get("MCF_EMULATOR_MODELS"):
    os.environ["MCF_EMULATOR_MODELS"] = os.path.abspath(os.environ["MCF_EMULATOR_MODELS"])
