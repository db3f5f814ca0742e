"""The local CA and the certificates it issues: names, validity, key usage, name constraints, rotation."""

from __future__ import annotations

import ipaddress
import stat
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from emulator.cli import main
from emulator.tls.authority import CaUnavailable, CertificateAuthority
from emulator.tls.hosts import AMAZON_HOSTS, lookup

SPAPI_HOSTS = [
    f"{prefix}sellingpartnerapi-{r}.amazon.com" for r in ("na", "eu", "fe") for prefix in ("", "sandbox.")
]


@pytest.fixture
def authority(tmp_path) -> CertificateAuthority:
    return CertificateAuthority.create(tmp_path / "ca")


def server_certificate(authority: CertificateAuthority) -> x509.Certificate:
    return x509.load_pem_x509_certificate(authority.issue_server().certificate_pem)


def verify(ca: x509.Certificate, leaf: x509.Certificate, name: x509.DNSName | x509.IPAddress) -> None:
    """Verify `leaf` for `name` as a TLS client does, trusting only `ca`."""
    verifier = PolicyBuilder().store(Store([ca])).time(datetime.now(UTC)).build_server_verifier(name)
    verifier.verify(leaf, [])


def test_every_amazon_host_is_known_with_its_service_and_region():
    assert set(SPAPI_HOSTS) | {"api.amazon.com", "api.amazon.co.uk", "api.amazon.co.jp"} == set(AMAZON_HOSTS)
    assert lookup("SellingPartnerAPI-EU.amazon.com:443").region == "EU"
    assert lookup(b"sandbox.sellingpartnerapi-fe.amazon.com.").sandbox is True
    assert lookup("api.amazon.com").service == "lwa"
    assert lookup("example.com") is None and lookup("") is None and lookup("[::1]:443") is None


def test_the_ca_is_a_name_constrained_signing_only_authority(authority):
    ca = authority.certificate
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca and constraints.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    assert not usage.value.digital_signature
    names = ca.extensions.get_extension_for_class(x509.NameConstraints)
    permitted = {n.value for n in names.value.permitted_subtrees}
    assert names.critical and set(AMAZON_HOSTS) | {"localhost"} <= permitted
    assert ipaddress.ip_network("127.0.0.1/32") in permitted and names.value.excluded_subtrees is None
    assert isinstance(ca.public_key(), ec.EllipticCurvePublicKey)
    lifetime = ca.not_valid_after_utc - ca.not_valid_before_utc
    assert timedelta(days=3649) < lifetime < timedelta(days=3652)
    assert stat.S_IMODE((authority.directory / "ca-key.pem").stat().st_mode) == 0o600


def test_server_certificates_cover_amazons_hosts_and_loopback(authority):
    leaf = server_certificate(authority)
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert set(san.get_values_for_type(x509.DNSName)) == set(AMAZON_HOSTS) | {"localhost"}
    assert {str(a) for a in san.get_values_for_type(x509.IPAddress)} == {"127.0.0.1", "::1"}
    for host in [*AMAZON_HOSTS, "localhost"]:
        verify(authority.certificate, leaf, x509.DNSName(host))
    verify(authority.certificate, leaf, x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    with pytest.raises(VerificationError):
        verify(authority.certificate, leaf, x509.DNSName("www.amazon.com"))


def test_server_certificates_are_for_servers_only_and_short_lived(authority):
    leaf = server_certificate(authority)
    assert leaf.issuer == authority.certificate.subject
    assert leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and not usage.value.key_cert_sign
    extended = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(extended) == [ExtendedKeyUsageOID.SERVER_AUTH]
    now = datetime.now(UTC)
    assert leaf.not_valid_before_utc <= now < leaf.not_valid_after_utc
    assert leaf.not_valid_after_utc - leaf.not_valid_before_utc <= timedelta(days=397, hours=1)
    key_id = authority.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier == key_id
    assert server_certificate(authority).serial_number != leaf.serial_number  # a new one each time


def test_the_name_constraints_stop_the_ca_from_vouching_for_other_hosts(authority):
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    forged = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "example.com")]))
        .issuer_name(authority.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("example.com")]), critical=False)
        .sign(authority.key, hashes.SHA256())
    )
    with pytest.raises(VerificationError):
        verify(authority.certificate, forged, x509.DNSName("example.com"))


def test_ca_init_creates_once_and_force_rotates(tmp_path, capsys):
    directory = tmp_path / "ca"
    assert main(["ca", "init", "--ca-dir", str(directory)]) == 0
    first = CertificateAuthority.load(directory)
    assert "NODE_EXTRA_CA_CERTS=" in capsys.readouterr().out
    assert main(["ca", "init", "--ca-dir", str(directory)]) == 0
    assert "already exists" in capsys.readouterr().out
    assert CertificateAuthority.load(directory).fingerprint == first.fingerprint
    old_leaf = server_certificate(first)

    assert main(["ca", "init", "--force", "--ca-dir", str(directory)]) == 0
    rotated = CertificateAuthority.load(directory)
    assert rotated.fingerprint != first.fingerprint
    assert rotated.certificate.public_key() != first.certificate.public_key()
    new_leaf = server_certificate(rotated)
    verify(rotated.certificate, new_leaf, x509.DNSName("api.amazon.com"))
    with pytest.raises(VerificationError):  # clients that trust the old CA no longer accept the server
        verify(first.certificate, new_leaf, x509.DNSName("api.amazon.com"))
    with pytest.raises(VerificationError):
        verify(rotated.certificate, old_leaf, x509.DNSName("api.amazon.com"))


def test_ca_show_and_export(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MCF_EMULATOR_CA_DIR", str(tmp_path / "ca"))
    assert main(["ca", "init"]) == 0
    authority = CertificateAuthority.load(tmp_path / "ca")
    capsys.readouterr()
    assert main(["ca", "show"]) == 0
    shown = capsys.readouterr().out
    assert (
        authority.fingerprint in shown and "sellingpartnerapi-fe.amazon.com" in shown and "127.0.0.1" in shown
    )
    assert main(["ca", "export"]) == 0
    assert capsys.readouterr().out.encode() == authority.certificate_pem
    assert main(["ca", "export", "-o", str(tmp_path / "out.pem")]) == 0
    assert (tmp_path / "out.pem").read_bytes() == authority.certificate_pem


def test_a_missing_or_broken_ca_is_one_clear_line(tmp_path, capsys):
    assert main(["ca", "show", "--ca-dir", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mcf-emulator ca init" in err
    directory = tmp_path / "broken"
    CertificateAuthority.create(directory)
    (directory / "ca-key.pem").write_text("not a key")
    with pytest.raises(CaUnavailable, match="cannot be read"):
        CertificateAuthority.load(directory)
    other = CertificateAuthority.create(tmp_path / "other")
    (directory / "ca-key.pem").write_bytes((other.directory / "ca-key.pem").read_bytes())
    with pytest.raises(CaUnavailable, match="is not the key of"):
        CertificateAuthority.load(directory)
