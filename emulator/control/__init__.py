"""The emulator's own admin API under `/_emulator/`, kept apart from SP-API paths."""
