"""The command line as a user types it (subprocesses): options before the command, usage errors, stdin."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator

from emulator.cli import build_parser
from emulator.control.durations import FORMS


def mcf(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emulator", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_global_options_before_the_command_and_a_seed_from_standard_input(live, live_url):
    done = mcf("--url", live_url, "seed", "-", stdin='{"inventory": [{"sku": "MUG-01", "quantity": 4}]}')
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("seeded standard input: ") and "1 inventory" in done.stdout
    health = mcf("--url", live_url, "health")
    assert health.returncode == 0 and json.loads(health.stdout)["status"] == "ok"


def test_an_unknown_option_shows_the_usage_of_its_command():
    done = mcf("serve", "--prot", "1")
    assert done.returncode == 2 and done.stderr.startswith("usage: mcf-emulator serve ")
    assert done.stderr.rstrip().endswith("mcf-emulator serve: error: unrecognized arguments: --prot 1")
    misplaced = mcf("--url", "http://127.0.0.1:1", "ca", "show")
    assert misplaced.returncode == 2 and "--url is not an option of this command" in misplaced.stderr


def test_a_bad_duration_is_one_line_listing_the_accepted_forms(live, live_url):
    done = mcf("clock", "advance", "2x", "--url", live_url)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"mcf-emulator: clock advance: cannot read '2x' as a duration; use {FORMS}\n"
    assert "oneOf" not in done.stderr
    helped = mcf("clock", "advance", "--help")
    assert "1d12h" in helped.stdout and "P1DT2H" in helped.stdout


def test_coverage_asks_a_running_emulator(live, live_url):
    done = mcf("coverage", "--url", live_url, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == live.control.coverage()


def _actions(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction | argparse._VersionAction):
            yield path, action


def test_every_option_and_argument_has_help_text():
    missing = [
        f"{path} {'/'.join(action.option_strings) or action.dest}"
        for path, action in _actions(build_parser(), "mcf-emulator")
        if not action.help
    ]
    assert missing == []
