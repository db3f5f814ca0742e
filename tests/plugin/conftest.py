"""Plugin tests run small suites with pytester (enabled by `-p pytester` in the pytest settings)."""

import pytest


@pytest.fixture(autouse=True)
def _models_for_inner_runs(catalog, monkeypatch):
    """Inner runs start in a temporary directory: give them the models as an absolute path."""
    monkeypatch.setenv("MCF_EMULATOR_MODELS", str(catalog.models_dir.resolve()))
