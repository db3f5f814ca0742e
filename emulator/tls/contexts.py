"""The server side of TLS: an `ssl.SSLContext` holding a certificate freshly issued by the local CA."""

from __future__ import annotations

import ssl
import tempfile
from pathlib import Path

from emulator.tls.authority import CertificateAuthority


def server_context(authority: CertificateAuthority) -> ssl.SSLContext:
    """TLS 1.2+ and HTTP/1.1 only, with a new server certificate from `authority` (its key never hits
    the CA directory: it passes through a private temporary directory removed at once)."""
    credentials = authority.issue_server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_alpn_protocols(["http/1.1"])
    with tempfile.TemporaryDirectory(prefix="mcf-emulator-tls-") as scratch:
        certificate, key = Path(scratch, "server.pem"), Path(scratch, "server-key.pem")
        certificate.write_bytes(credentials.certificate_pem)
        key.write_bytes(credentials.key_pem)
        context.load_cert_chain(certificate, key)
    return context
