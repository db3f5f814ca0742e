"""pytester for the plugin tests: each runs a small test suite in a fresh directory."""

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _models_for_inner_runs(catalog, monkeypatch):
    """Inner runs start in a temporary directory: give them the models as an absolute path."""
    monkeypatch.setenv("MCF_EMULATOR_MODELS", str(catalog.models_dir.resolve()))
