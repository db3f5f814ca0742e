"""`serve`'s collector tuning, checked in a child process (it is process-wide, and this one is pytest's)."""

from __future__ import annotations

import subprocess
import sys

from emulator.edge.tuning import THRESHOLDS


def test_tune_gc_freezes_start_up_objects_and_raises_thresholds() -> None:
    code = (
        "import gc; from emulator.edge.tuning import tune_gc; tune_gc(); "
        "print(gc.get_threshold(), gc.get_freeze_count() > 1000)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"{THRESHOLDS} True"
