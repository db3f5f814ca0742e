"""Control-plane actions of the test handle: seed a world, inject faults, read the request journal.

They call the control layer's Python API on the runtime (no HTTP). A control feature the
emulator does not have raises `ControlUnavailable` naming it, instead of silently doing nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from emulator.runtime import Runtime


class ControlUnavailable(RuntimeError):
    """This emulator build has no such control-plane feature."""


class ControlActions:
    """Mixin for `EmulatorHandle`: everything that goes through the control layer."""

    runtime: Runtime

    def _control(self, name: str) -> Any:
        found = getattr(self.runtime, name, None)
        if found is None:
            raise ControlUnavailable(f"this mcf-emulator has no control-plane {name!r} yet")
        return found

    def reset_control(self) -> None:
        """Forget injected faults and journal entries (whichever of them this emulator has)."""
