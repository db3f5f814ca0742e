"""Start-up stays lean: building the app does not import what only a rare operation needs."""

from __future__ import annotations

import subprocess
import sys

# Modules that cost a noticeable share of a cold start and serve one operation family only.
DEFERRED = ("fpdf", "fontTools")


def test_building_the_app_leaves_heavy_optional_modules_unloaded():
    probe = (
        "import sys\n"
        "from emulator.app import create_app\n"
        "from emulator.settings import Settings\n"
        "create_app(Settings())\n"
        f"print(sorted(name for name in {DEFERRED!r} if name in sys.modules))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]", loaded.stdout + loaded.stderr
