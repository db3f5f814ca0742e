"""Login with Amazon: applications, sellers, the token endpoint and the consent (authorization) flow.

`accounts` and `grants` know nothing about HTTP; `routes` is the Starlette face of both.
"""
