"""The performance suite behind `mcf-emulator bench`.

`suite` runs it (cold start, per-test reset, wrk load on the emulator, Prism and bare Starlette),
`report` prints it; `server` and `bare` are the processes under load, `world` builds their state.
"""
