"""Model pinning: a missing, partial or tampered model set stops start-up with one clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from emulator.catalog import load_catalog
from emulator.catalog.manifest import MODELS_ENV, load_manifest, problems_in, resolve_models_dir
from emulator.catalog.sync import fetch_local, sync
from emulator.errors import ModelsUnavailable


@pytest.fixture
def manifest():
    return load_manifest()


@pytest.fixture
def copied_models(catalog, tmp_path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(catalog.models_dir, target)
    return target


def test_manifest_pins_every_file_by_sha256(manifest):
    assert manifest.commit == "34dc93fe45f37c9a0b2e56823c808f68b4f81754"
    assert len(manifest.files) == 18
    assert all(len(f.sha256) == 64 for f in manifest.files)
    assert len(manifest.models) == 8


def test_missing_directory_says_how_to_fix_it(manifest, tmp_path):
    with pytest.raises(ModelsUnavailable, match="mcf-emulator specs sync"):
        resolve_models_dir(tmp_path / "nowhere", manifest)


def test_partial_model_set_is_refused(manifest, copied_models):
    (copied_models / "models/fba-inventory-api-model/fbaInventory.json").unlink()
    with pytest.raises(ModelsUnavailable, match="missing: models/fba-inventory-api-model/fbaInventory.json"):
        load_catalog(copied_models)


def test_tampered_model_is_refused(manifest, copied_models):
    model = copied_models / "models/fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json"
    model.write_bytes(model.read_bytes().replace(b'"maxLength": 40', b'"maxLength": 41', 1))
    with pytest.raises(ModelsUnavailable, match="digest mismatch: models/fulfillment-outbound-api-model"):
        load_catalog(copied_models)


def test_explicit_directory_wins_over_the_environment(manifest, copied_models, monkeypatch, tmp_path):
    monkeypatch.setenv(MODELS_ENV, str(tmp_path / "elsewhere"))
    assert resolve_models_dir(copied_models, manifest) == copied_models
    with pytest.raises(ModelsUnavailable, match="environment variable MCF_EMULATOR_MODELS"):
        resolve_models_dir(None, manifest)


def test_cache_is_used_when_nothing_else_is_set(manifest, copied_models, monkeypatch, tmp_path):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(ModelsUnavailable, match="the model cache"):
        resolve_models_dir(None, manifest)
    synced = sync(manifest, fetch_local(copied_models))
    assert synced == tmp_path / "cache" / "mcf-emulator" / "models" / manifest.commit
    assert resolve_models_dir(None, manifest) == synced


def test_sync_refuses_a_tampered_source_and_leaves_nothing_behind(manifest, copied_models, tmp_path):
    (copied_models / "NOTICE").write_text("changed")
    target = tmp_path / "dest"
    with pytest.raises(ModelsUnavailable, match="NOTICE: sha256"):
        sync(manifest, fetch_local(copied_models), target)
    assert not target.exists()
    assert list(tmp_path.glob("dest*")) == [] and not any(tmp_path.glob(".sync-*"))


def test_sync_from_a_local_copy_verifies_every_file(manifest, copied_models, tmp_path):
    target = sync(manifest, fetch_local(copied_models), tmp_path / "dest")
    assert problems_in(target, manifest) == []
