"""Fixtures for the Reports tests."""

from tests.api.outbound.support import mcf  # noqa: F401  (the `mcf` fixture)
from tests.api.reports.support import reports  # noqa: F401  (the `reports` fixture)
