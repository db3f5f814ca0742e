"""The local certificate authority: created once in a directory, it issues the emulator's server certificates.

The CA is name-constrained to Amazon's SP-API and LWA hosts, `localhost` and the loopback addresses, so a
machine that trusts it lets the emulator answer for those names and no others. Keys are ECDSA P-256;
everything is built with `cryptography`.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from emulator.errors import EmulatorError
from emulator.tls.hosts import certificate_names

CA_CERT_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
CA_LIFETIME = timedelta(days=3650)
SERVER_LIFETIME = timedelta(days=397)  # the longest lifetime browsers and Apple's TLS policy accept
BACKDATE = timedelta(hours=1)  # tolerate clients whose clock is a little behind
CA_NAME = "mcf-emulator local CA"


class CaUnavailable(EmulatorError):
    """The CA directory holds no CA, or one that cannot be read."""


@dataclass(frozen=True, slots=True)
class ServerCredentials:
    """A server certificate and its private key, both PEM."""

    certificate_pem: bytes
    key_pem: bytes


def _key_usage(*, signer: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not signer,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=signer,
        crl_sign=signer,
        encipher_only=False,
        decipher_only=False,
    )


def _names() -> list[x509.GeneralName]:
    dns, addresses = certificate_names()
    return [
        *(x509.DNSName(name) for name in dns),
        *(x509.IPAddress(ipaddress.ip_address(address)) for address in addresses),
    ]


def _name_constraints() -> x509.NameConstraints:
    dns, addresses = certificate_names()
    return x509.NameConstraints(
        permitted_subtrees=[
            *(x509.DNSName(name) for name in dns),
            *(x509.IPAddress(ipaddress.ip_network(address)) for address in addresses),
        ],
        excluded_subtrees=None,
    )


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write(path: Path, data: bytes, mode: int) -> None:
    """Write `data` atomically with permissions `mode` (a reader never sees half a file)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


class CertificateAuthority:
    """A CA certificate with its key, kept as `ca.pem` and `ca-key.pem` in `directory`."""

    def __init__(
        self, directory: Path, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey
    ) -> None:
        self.directory = directory
        self.certificate = certificate
        self.key = key

    @property
    def certificate_path(self) -> Path:
        return self.directory / CA_CERT_FILE

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        """SHA-256 fingerprint, colon-separated hex (as `openssl x509 -fingerprint -sha256` prints it)."""
        return ":".join(f"{byte:02X}" for byte in self.certificate.fingerprint(hashes.SHA256()))

    @classmethod
    def exists(cls, directory: Path) -> bool:
        return (directory / CA_CERT_FILE).is_file() and (directory / CA_KEY_FILE).is_file()

    @classmethod
    def create(cls, directory: Path, now: datetime | None = None) -> CertificateAuthority:
        """Make a new CA in `directory`, replacing any CA kept there."""
        now = now or datetime.now(UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "mcf-emulator"),
                x509.NameAttribute(NameOID.COMMON_NAME, f"{CA_NAME} {now:%Y-%m-%d %H:%M:%S}"),
            ]
        )
        public = key.public_key()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE)
            .not_valid_after(now + CA_LIFETIME)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(signer=True), critical=True)
            .add_extension(_name_constraints(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, hashes.SHA256())
        )
        directory.mkdir(parents=True, exist_ok=True)
        _write(directory / CA_KEY_FILE, _key_pem(key), 0o600)
        _write(directory / CA_CERT_FILE, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
        return cls(directory, certificate, key)

    @classmethod
    def load(cls, directory: Path) -> CertificateAuthority:
        """The CA kept in `directory`; CaUnavailable when there is none or it cannot be read."""
        if not cls.exists(directory):
            raise CaUnavailable(f"no CA in {directory}: run `mcf-emulator ca init`")
        try:
            certificate = x509.load_pem_x509_certificate((directory / CA_CERT_FILE).read_bytes())
            key = serialization.load_pem_private_key((directory / CA_KEY_FILE).read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as error:
            raise CaUnavailable(
                f"the CA in {directory} cannot be read ({error}); `ca init --force` replaces it"
            ) from None
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
            raise CaUnavailable(f"{directory / CA_KEY_FILE} is not the key of {directory / CA_CERT_FILE}")
        return cls(directory, certificate, key)

    @classmethod
    def ensure(cls, directory: Path) -> tuple[CertificateAuthority, bool]:
        """The CA in `directory`, created first when there is none; (CA, whether it was created)."""
        if cls.exists(directory):
            return cls.load(directory), False
        return cls.create(directory), True

    def issue_server(self, now: datetime | None = None) -> ServerCredentials:
        """A fresh server certificate for every Amazon host, `localhost` and loopback, with its key."""
        now = now or datetime.now(UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key()
        dns, _ = certificate_names()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, dns[0])]))
            .issuer_name(self.certificate.subject)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE)
            .not_valid_after(min(now + SERVER_LIFETIME, self.certificate.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signer=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectAlternativeName(_names()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False
            )
            .sign(self.key, hashes.SHA256())
        )
        return ServerCredentials(certificate.public_bytes(serialization.Encoding.PEM), _key_pem(key))
