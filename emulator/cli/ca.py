"""`mcf-emulator ca init|show|export`: the local certificate authority behind `serve --tls` and the proxy."""

from __future__ import annotations

import argparse
import ssl
import sys
from pathlib import Path
from typing import Any

from emulator.settings import Settings
from emulator.tls.authority import CertificateAuthority
from emulator.tls.contexts import server_context
from emulator.tls.hosts import AMAZON_HOSTS, certificate_names


def register(commands: Any) -> None:
    cmd = commands.add_parser("ca", help="the local certificate authority for Amazon's hostnames")
    actions = cmd.add_subparsers(dest="action", required=True)
    init = actions.add_parser("init", help="create the CA (once; --force replaces it)")
    init.add_argument(
        "--force", action="store_true", help="replace an existing CA (clients must trust the new one)"
    )
    init.set_defaults(run=run_init)
    show = actions.add_parser("show", help="where the CA is, its fingerprint, validity and how to trust it")
    show.set_defaults(run=run_show)
    export = actions.add_parser("export", help="write the CA certificate (PEM) to a file or stdout")
    export.add_argument("-o", "--output", type=Path, default=None, help="file to write (default stdout)")
    export.set_defaults(run=run_export)
    for action in (init, show, export):
        action.add_argument(
            "--ca-dir",
            type=Path,
            default=None,
            help="CA directory (default $MCF_EMULATOR_CA_DIR, else user data)",
        )


def _directory(args: argparse.Namespace) -> Path:
    return Settings.from_env(ca_dir=args.ca_dir).ca_directory


def trust_hints(certificate: Path) -> list[str]:
    """How each runtime is told to trust the CA certificate at `certificate`."""
    return [
        f"    Node.js   NODE_EXTRA_CA_CERTS={certificate}",
        f"    Python    REQUESTS_CA_BUNDLE={certificate} (requests)",
        f"              SSL_CERT_FILE={certificate} (httpx, urllib, aiohttp)",
        f"    Java      keytool -importcert -noprompt -alias mcf-emulator -file {certificate} "
        "-keystore mcf-emulator.jks -storepass changeit",
    ]


def run_init(args: argparse.Namespace) -> int:
    directory = _directory(args)
    if CertificateAuthority.exists(directory) and not args.force:
        authority = CertificateAuthority.load(directory)
        print(f"a CA already exists in {directory} (SHA-256 {authority.fingerprint}); --force replaces it")
        return 0
    authority = CertificateAuthority.create(directory)
    print(f"created a CA in {directory}\n  certificate {authority.certificate_path}")
    print(f"  SHA-256     {authority.fingerprint}\n  trust it with:")
    print("\n".join(trust_hints(authority.certificate_path)))
    return 0


def run_show(args: argparse.Namespace) -> int:
    authority = CertificateAuthority.load(_directory(args))
    certificate = authority.certificate
    dns, addresses = certificate_names()
    print(f"certificate   {authority.certificate_path}")
    print(f"subject       {certificate.subject.rfc4514_string()}")
    print(f"SHA-256       {authority.fingerprint}")
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    print(f"valid         {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    print(f"serves        {', '.join([*dns, *addresses])}")
    print("trust it with:")
    print("\n".join(trust_hints(authority.certificate_path)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    pem = CertificateAuthority.load(_directory(args)).certificate_pem
    if args.output is None:
        sys.stdout.write(pem.decode("ascii"))
    else:
        args.output.write_bytes(pem)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def secure(settings: Settings) -> tuple[ssl.SSLContext | None, str]:
    """For `serve`: the server's SSL context when TLS or the proxy is on (the CA is created on first
    use), and the banner lines saying how to reach them."""
    if not settings.tls and settings.proxy_port is None:
        return None, ""
    authority, created = CertificateAuthority.ensure(settings.ca_directory)
    lines = [f"  HTTPS           : https://{settings.host}:{settings.tls_port}"] if settings.tls else []
    if settings.proxy_port is not None:
        proxy = f"http://{settings.host}:{settings.proxy_port}"
        lines.append(
            f"  CONNECT proxy   : {proxy}  (HTTPS_PROXY={proxy}; only Amazon's hosts, nothing forwarded)"
        )
    lines.append(f"  Amazon hosts    : {', '.join(AMAZON_HOSTS)}")
    state = "created now" if created else "kept"
    lines.append(
        f"  local CA        : {authority.certificate_path} ({state}; SHA-256 {authority.fingerprint[:23]}...)"
    )
    lines.append("  trust it with:")
    lines.extend(trust_hints(authority.certificate_path))
    return server_context(authority), "\n" + "\n".join(lines)
