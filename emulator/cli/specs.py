"""`mcf-emulator specs sync|verify`: get Amazon's models onto this machine, verified by digest."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from emulator.catalog.manifest import load_manifest, resolve_models_dir
from emulator.catalog.sync import fetch_local, fetch_upstream, sync
from emulator.errors import ModelsUnavailable


def register(commands: Any) -> None:
    cmd = commands.add_parser("specs", help="fetch or verify Amazon's SP-API models")
    actions = cmd.add_subparsers(dest="action", required=True)
    do_sync = actions.add_parser("sync", help="fill the model cache (digests checked)")
    do_sync.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=None,
        help="copy from a local folder instead of downloading from upstream",
    )
    do_sync.add_argument("--dest", type=Path, default=None, help="target folder (default: the user cache)")
    do_sync.add_argument("--force", action="store_true", help="sync even if a verified model set is found")
    do_sync.set_defaults(run=run_sync)
    verify = actions.add_parser("verify", help="check the model set the emulator would use")
    verify.add_argument(
        "--models",
        type=Path,
        default=None,
        help="directory to verify (default $MCF_EMULATOR_MODELS, else the cache)",
    )
    verify.set_defaults(run=run_verify)


def run_sync(args: argparse.Namespace) -> int:
    manifest = load_manifest()
    if not args.force and args.dest is None and args.source is None:
        try:
            found = resolve_models_dir(None, manifest)
        except ModelsUnavailable:
            pass
        else:
            print(f"models already present and verified: {found}")
            return 0
    fetch = fetch_local(args.source) if args.source else fetch_upstream(manifest)
    target = sync(manifest, fetch, args.dest)
    print(f"synced {len(manifest.files)} files (upstream commit {manifest.commit}) into {target}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    manifest = load_manifest()
    found = resolve_models_dir(args.models, manifest)
    print(f"verified {len(manifest.files)} files in {found} (upstream commit {manifest.commit})")
    return 0
