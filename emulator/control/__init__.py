"""The emulator's own admin API under `/_emulator/`, kept apart from SP-API paths.

`plane.ControlPlane` is the Python API over the runtime and the SP-API edge; the route modules are its
HTTP face, described by specs/emulator-control.openapi.yaml.
"""
