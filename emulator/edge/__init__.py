"""The HTTP edge for SP-API paths: routing, authentication, faults, throttling, validation, dispatch.

`pipeline.SpApiEdge` builds the steps from explicit parts of the runtime; the edge imports neither the
runtime nor the control plane, and the APIs never import it.
"""
