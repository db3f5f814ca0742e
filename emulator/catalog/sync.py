"""Fill the model cache from upstream (or a local folder), checking every digest before it is used."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from emulator.catalog.manifest import Manifest, PinnedFile, default_cache_dir, problems_in
from emulator.errors import ModelsUnavailable

Fetch = Callable[[PinnedFile], bytes]


def fetch_upstream(manifest: Manifest, timeout: float = 60.0) -> Fetch:
    """A fetcher that downloads each pinned file from the upstream raw URL at the pinned commit."""
    import httpx

    def fetch(pinned: PinnedFile) -> bytes:
        url = manifest.url_for(pinned)
        try:
            response = httpx.get(url, timeout=timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise ModelsUnavailable(
                f"could not download {url}: {exc}. Without network access, copy the "
                f"models from a local checkout: `mcf-emulator specs sync --from DIR`."
            ) from exc
        return response.content

    return fetch


def fetch_local(source: Path) -> Fetch:
    """A fetcher that copies each pinned file from a local folder laid out like the upstream repository."""

    def fetch(pinned: PinnedFile) -> bytes:
        file = source / pinned.path
        if not file.is_file():
            raise ModelsUnavailable(f"{file} is missing; {source} is not a copy of the pinned model set")
        return file.read_bytes()

    return fetch


def sync(manifest: Manifest, fetch: Fetch, destination: Path | None = None) -> Path:
    """Write every pinned file into `destination` (default: the cache), all digests checked first.

    Files land in a temporary folder that replaces the destination only once all of them verified,
    so an interrupted or tampered sync never leaves a half-written model set behind.
    """
    destination = destination or default_cache_dir(manifest)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".sync-", dir=destination.parent))
    try:
        for pinned in manifest.files:
            content = fetch(pinned)
            digest = hashlib.sha256(content).hexdigest()
            if digest != pinned.sha256:
                raise ModelsUnavailable(
                    f"{pinned.path}: sha256 {digest} does not match the pinned "
                    f"{pinned.sha256}; refusing to use it"
                )
            target = staging / pinned.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if destination.exists():
            shutil.rmtree(destination)
        staging.rename(destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    leftover = problems_in(destination, manifest)
    if leftover:
        raise ModelsUnavailable(f"sync of {destination} is incomplete: {leftover[:3]}")
    return destination
