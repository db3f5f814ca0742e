"""The HTTP edge for SP-API paths: routing, authentication, rate-limit headers, validation, dispatch.

May import catalog, registry, state, lwa.accounts, errors and context; the APIs never import it.
"""
