"""Scenarios: one YAML file per integrator QA story (world, faults, throttling, clock, then SP-API steps).

loader      read and check a `*.scenario.yaml` (JSON Schema, errors name file, line and field)
model       the typed scenario: steps, expectations, captures
target      an emulator seen over HTTP: the control API for setup, SP-API calls with LWA tokens
engine      run one scenario against a target, step by step
matching    JSONPath expectations, captures and ${name} substitution
results     what a run found, and the readable report of a failing step
junit       JUnit XML of a replay
inprocess   an emulator in this process, for replay's default target
recorder    turn proxied traffic into a draft scenario
world       preload a scenario's world, faults and clock into a runtime (`serve --world`)
collect     the pytest plugin's collector of `*.scenario.yaml`
"""
