"""Replaying Amazon's static sandbox cases against any SP-API endpoint: `mcf-emulator parity` and the
contract suite's targets share this."""
