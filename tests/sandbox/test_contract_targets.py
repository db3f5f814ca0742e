"""The contract suite against real servers given as URLs: a static-mode and a dynamic emulator, both green;
an unreachable URL is one clear error before any operation is tried.

The two runs go side by side at one example per operation and phase, without the coverage phase (its
boundary requests multiply the count tenfold): the whole suite, every test, in about half a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from emulator.lwa.accounts import DEFAULTS
from emulator.protocol import LWA_TOKEN_PATH
from tests.processes import emulator_serve, free_port

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
QUICK = ("--volume", "1", "--contract-phases", "examples,fuzzing", "-q", "-p", "no:cacheprovider")


def suite(base: str, cwd: Path, *options: str) -> subprocess.Popen[str]:
    """`pytest contracts --target base` as a process, with the emulator's default LWA credentials."""
    env = os.environ | {
        "SPAPI_LWA_CLIENT_ID": DEFAULTS.client_id,
        "SPAPI_LWA_CLIENT_SECRET": DEFAULTS.client_secret,
        "SPAPI_LWA_REFRESH_TOKEN": DEFAULTS.refresh_token,
        "SPAPI_LWA_TOKEN_URL": base + LWA_TOKEN_PATH,
    }
    command = [sys.executable, "-m", "pytest", str(CONTRACTS), "--target", base, *options]
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_the_contract_suite_is_green_against_remote_static_and_dynamic_emulators(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "dynamic").mkdir()
    with (
        emulator_serve("--sandbox-mode", "static", "--strict-responses") as static,
        emulator_serve("--strict-responses") as dynamic,
    ):
        runs = {
            "static": (static, suite(static, tmp_path / "static", *QUICK)),
            "dynamic": (dynamic, suite(dynamic, tmp_path / "dynamic", *QUICK)),
        }
        outputs = {mode: run.communicate(timeout=300)[0] for mode, (_, run) in runs.items()}  # both, always
        for mode, (base, run) in runs.items():
            out = outputs[mode]
            assert run.returncode == 0, out[-6000:]
            assert f"target: {base}, sandbox mode {mode}" in out
            assert " passed" in out and " failed" not in out


def test_an_unreachable_target_is_one_clear_error_before_any_test(tmp_path):
    run = suite(f"http://127.0.0.1:{free_port()}", tmp_path, "-p", "no:cacheprovider")
    out, _ = run.communicate(timeout=120)
    assert run.returncode == 4, out
    assert "contract suite: http://127.0.0.1:" in out and "cannot be reached" in out
    assert (
        out.count("cannot be reached") == 1 and " passed" not in out and " failed" not in out
    )  # nothing tried
