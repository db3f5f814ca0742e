"""Contract suite: schemathesis runs of Amazon's SP-API models against the emulator or any endpoint.

Run `pytest contracts` (in-process emulator) or `pytest contracts --target https://...` (LWA
credentials from `SPAPI_LWA_*` variables). See the README section "Contract suite".
"""
