"""Emulator state: the store, the clock, id generation and time-driven transitions.

Imports nothing from the edge, the APIs or the control plane; knows nothing about HTTP.
"""

from emulator.state.clock import Clock
from emulator.state.ids import IdFactory
from emulator.state.scheduler import Scheduler
from emulator.state.store import Store, Table, TenantState

__all__ = ["Clock", "IdFactory", "Scheduler", "Store", "Table", "TenantState"]
