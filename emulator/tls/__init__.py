"""Amazon's hostnames over TLS: a local certificate authority, HTTPS listeners and a CONNECT proxy.

`hosts` names the SP-API and LWA hosts, `authority` keeps the CA and issues server certificates,
`contexts` builds the server's SSL context, `connect` terminates CONNECT tunnels locally and
`listeners` runs the extra listeners beside uvicorn's plain one.
"""
