"""The pinned model set (specs/manifest.toml): where to find it and whether it is intact."""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from emulator.errors import ModelsUnavailable

MODELS_ENV = "MCF_EMULATOR_MODELS"


def specs_file(name: str) -> Path:
    """A file of the project's `specs/` folder: `emulator/specs/` when installed, else the checkout's."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "specs" / name
    return installed if installed.is_file() else package.parent / "specs" / name


MANIFEST_PATH = specs_file("manifest.toml")


@dataclass(frozen=True)
class PinnedFile:
    """One upstream file: its path inside the model set and its sha256."""

    path: str
    sha256: str
    kind: str
    in_scope: bool


@dataclass(frozen=True)
class Manifest:
    """The upstream commit and every file of the model set, pinned by digest."""

    repository: str
    commit: str
    raw_url: str
    files: tuple[PinnedFile, ...]

    @property
    def models(self) -> tuple[PinnedFile, ...]:
        """The Swagger models the emulator serves."""
        return tuple(f for f in self.files if f.kind == "model" and f.in_scope)

    def url_for(self, pinned: PinnedFile) -> str:
        return self.raw_url.format(commit=self.commit, path=pinned.path)


def load_manifest(path: Path = MANIFEST_PATH) -> Manifest:
    """Read specs/manifest.toml."""
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    upstream = doc["upstream"]
    files = tuple(
        PinnedFile(f["path"], f["sha256"], f["kind"], bool(f.get("in_scope", f["kind"] != "model")))
        for f in doc["file"]
    )
    return Manifest(upstream["repository"], upstream["commit"], upstream["raw_url"], files)


def default_cache_dir(manifest: Manifest) -> Path:
    """Where `mcf-emulator specs sync` keeps the models: one folder per upstream commit."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mcf-emulator" / "models" / manifest.commit


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problems_in(directory: Path, manifest: Manifest) -> list[str]:
    """Every pinned file that is missing from `directory` or differs from its digest."""
    found = []
    for pinned in manifest.files:
        file = directory / pinned.path
        if not file.is_file():
            found.append(f"missing: {pinned.path}")
        elif sha256_of(file) != pinned.sha256:
            found.append(f"digest mismatch: {pinned.path}")
    return found


def resolve_models_dir(
    explicit: str | os.PathLike[str] | None, manifest: Manifest, flag: str = "--models"
) -> Path:
    """The verified model directory: `explicit` (given with `flag`), else $MCF_EMULATOR_MODELS, else the
    sync cache. An explicit directory equal to the variable's is named as the variable (settings read it).

    Raises ModelsUnavailable with one message that names where the directory came from and says what can
    fix it.
    """
    env = os.environ.get(MODELS_ENV, "").strip()
    if explicit and not (env and Path(env) == Path(explicit)):
        candidate, origin = Path(explicit), flag
    elif explicit or env:
        candidate, origin = Path(explicit or env), f"the environment variable {MODELS_ENV}"
    else:
        candidate, origin = default_cache_dir(manifest), ""
    pinned = f"a copy of amzn/selling-partner-api-models at commit {manifest.commit}"
    if origin:
        where = f"{candidate} (from {origin})"
        fix = f"Point {origin} at {pinned}, or leave it out to use the cache (`mcf-emulator specs sync`)."
    else:
        where = f"the model cache {candidate}"
        fix = (
            "Run `mcf-emulator specs sync{force}` to download and verify them, "
            f"or point {flag} or {MODELS_ENV} at {pinned}."
        )
    if not candidate.is_dir():
        raise ModelsUnavailable(
            f"Amazon's SP-API models were not found: {where} is not a directory. {fix.format(force='')}"
        )
    problems = problems_in(candidate, manifest)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise ModelsUnavailable(
            f"The SP-API model set in {where} does not match specs/manifest.toml: {shown}. "
            f"{fix.format(force=' --force')}"
        )
    return candidate
