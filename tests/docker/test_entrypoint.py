"""The image's entrypoint, run as the image runs it but without a container engine: the build stage's
files are built into a wheel, installed (not editable) into a clean virtual environment, and the final
stage's ENTRYPOINT + CMD run there with the final stage's environment; then the HEALTHCHECK command,
an LWA token and an SP-API call must all work.

No network: the wheel is built without build isolation, and the clean environment finds the
dependencies in this test run's own site-packages (a .pth line), never the checkout's sources.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx
from dockerfile_parse import DockerfileParser

from emulator.lwa.accounts import DEFAULTS
from tests.docker.test_dockerfile import ROOT, instruction


def build_context(into: Path) -> Path:
    """The files the build stage COPYs from the context (not other stages, not the models)."""
    into.mkdir()
    for step in DockerfileParser(str(ROOT / "Dockerfile")).structure:
        if step["instruction"] != "COPY" or step["value"].startswith("--from") or "${" in step["value"]:
            continue
        for source in step["value"].split()[:-1]:
            origin = ROOT / source
            if origin.is_dir():
                shutil.copytree(origin, into / source, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(origin, into / source)
    return into


def clean_environment(tmp: Path) -> Path:
    """A virtual environment holding only the project's wheel (plus a path to the dependencies)."""
    context = build_context(tmp / "context")
    wheels = tmp / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(context)], check=True
    )
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    wheel = next(wheels.glob("mcf_emulator-*.whl"))
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def image_environment(venv: Path, models: Path, port: int) -> dict[str, str]:
    """The final stage's ENV with this machine's paths: the models, the venv, a free port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MCF_EMULATOR_")}
    env |= DockerfileParser(str(ROOT / "Dockerfile")).envs
    env |= {
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "MCF_EMULATOR_MODELS": str(models),
        "MCF_EMULATOR_PORT": str(port),
        "MCF_EMULATOR_STATE": "sqlite:world.db",  # in the working directory, the image's volume
    }
    return env


def test_the_image_entrypoint_serves_in_a_clean_environment(tmp_path, catalog):
    venv = clean_environment(tmp_path)
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import emulator; print(emulator.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(venv)), f"emulator imported from {where}, not the installed wheel"
    port = free_port()
    env = image_environment(venv, catalog.models_dir.resolve(), port)
    command = json.loads(instruction("ENTRYPOINT")) + json.loads(instruction("CMD"))
    workdir = tmp_path / "data"
    workdir.mkdir()
    assert instruction("WORKDIR") == "/data"
    process = subprocess.Popen(
        [str(venv / "bin" / command[0]), *command[1:]],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        health = json.loads(instruction("HEALTHCHECK").partition(" CMD ")[2])
        deadline = time.monotonic() + 30
        while subprocess.run(health, env=env, cwd=workdir, capture_output=True, check=False).returncode:
            assert process.poll() is None, process.communicate()[0]
            assert time.monotonic() < deadline, "the healthcheck never passed"
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        token = httpx.post(
            base + "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": DEFAULTS.refresh_token,
                "client_id": DEFAULTS.client_id,
                "client_secret": DEFAULTS.client_secret,
            },
        )
        assert token.status_code == 200, token.text
        summaries = httpx.get(
            base + "/fba/inventory/v1/summaries",
            params={
                "granularityType": "Marketplace",
                "granularityId": "ATVPDKIKX0DER",
                "marketplaceIds": "ATVPDKIKX0DER",
            },
            headers={"x-amz-access-token": token.json()["access_token"]},
        )
        assert summaries.status_code == 200, summaries.text
        assert (workdir / "world.db").is_file()
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert process.returncode == 0, output
    assert f"listening on http://0.0.0.0:{port}" in output
