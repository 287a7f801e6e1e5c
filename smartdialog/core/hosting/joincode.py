"""The join code: where a hosted event is, and the secret that lets a laptop in.

A code is 16 characters in four groups, e.g. ``K7Q2-M9XA-4F8T-B3WC``:

- 8 characters (40 bits): a format number (3 bits), the host's IPv4 address
  (32 bits) and the port's slot (5 bits, port 54320 + slot);
- 7 characters (35 bits): the secret from which the database password is derived;
- 1 check character (Luhn mod 32): a mistyped character or two swapped
  neighbours are caught before the network is asked.

The alphabet is the digits and the capital letters without I and O (they
look like 1 and 0) and without Y and Z: a barcode scanner set to an English
keyboard types Z for Y on a German one.  For the same reason the QR code
carries the characters without dashes, behind the prefix ``SDJ``.

The password is derived from the secret with PBKDF2 (200,000 rounds), so
that somebody who overheard a login on the venue's network still has to try
2^35 secrets at a cost of a PBKDF2 each, and then SCRAM's own 4,096 rounds.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import ipaddress
import secrets
from dataclasses import dataclass

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.hosting.server import DB_NAME, PG_USER, PORT_BASE, PORT_SLOTS

ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
QR_PREFIX = "SDJ"
FORMAT = 0
HOST_CHARS = 8
SECRET_CHARS = 7
CODE_CHARS = HOST_CHARS + SECRET_CHARS + 1
KDF_ROUNDS = 200_000
KDF_SALT = b"smartdialog join code v0"
CONNECT_TIMEOUT_S = 5

# What people type instead: lower case, O for 0, I for 1 (L is a character of its own).
_READS_AS = {"O": "0", "I": "1"}


class JoinCodeError(DomainError):
    """The text is not a join code."""


def _wrong_code() -> JoinCodeError:
    return JoinCodeError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This is not a valid join code. Check it against the join card on the hosting laptop "
            "(16 characters, e.g. K7Q2-M9XA-4F8T-B3WC) and type it again.",
        )
    )


def _encode(value: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def _decode(text: str) -> int:
    value = 0
    for ch in text:
        value = (value << 5) | ALPHABET.index(ch)
    return value


def check_character(body: str) -> str:
    """Luhn mod 32 over ``body``."""
    factor = 2
    total = 0
    for ch in reversed(body):
        addend = factor * ALPHABET.index(ch)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return ALPHABET[(32 - total % 32) % 32]


def new_secret() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(SECRET_CHARS))


@functools.lru_cache(maxsize=8)
def derive_password(secret: str) -> str:
    key = hashlib.pbkdf2_hmac("sha256", secret.encode("ascii"), KDF_SALT, KDF_ROUNDS)
    return base64.b32encode(key).decode("ascii").rstrip("=").lower()


def host_part(address: str, port: int) -> str:
    """The first two groups of a code for the host at ``address:port`` (from an announcement).

    The rest (secret and check character) is on the join card only.
    """
    host = (FORMAT << 37) | (int(ipaddress.IPv4Address(address)) << 5) | (port - PORT_BASE)
    encoded = _encode(host, HOST_CHARS)
    return f"{encoded[:4]}-{encoded[4:]}-"


@dataclass(frozen=True)
class JoinCode:
    address: str
    port: int
    secret: str

    def __post_init__(self) -> None:
        ip = ipaddress.ip_address(self.address)
        if ip.version != 4:
            raise ValueError("join codes carry IPv4 addresses only")
        if not PORT_BASE <= self.port < PORT_BASE + PORT_SLOTS:
            raise ValueError(f"port {self.port} is outside the join code's range")
        if len(self.secret) != SECRET_CHARS or any(c not in ALPHABET for c in self.secret):
            raise ValueError("bad secret")

    @property
    def compact(self) -> str:
        body = host_part(self.address, self.port).replace("-", "") + self.secret
        return body + check_character(body)

    @property
    def text(self) -> str:
        """The code as shown and typed: four groups of four."""
        c = self.compact
        return "-".join(c[i : i + 4] for i in range(0, CODE_CHARS, 4))

    @property
    def qr_payload(self) -> str:
        return QR_PREFIX + self.compact

    @property
    def password(self) -> str:
        return derive_password(self.secret)

    def url(self, *, hide_password: bool = False, timeout: int = CONNECT_TIMEOUT_S) -> str:
        password = "***" if hide_password else self.password
        return (
            f"postgresql+psycopg://{PG_USER}:{password}@{self.address}:{self.port}/{DB_NAME}"
            f"?connect_timeout={timeout}"
        )

    @classmethod
    def parse(cls, typed: str) -> JoinCode:
        """Read a typed or scanned code; raises JoinCodeError with a sentence when it is none."""
        text = "".join(ch for ch in typed.upper() if ch.isalnum())
        if text.startswith(QR_PREFIX) and len(text) == CODE_CHARS + len(QR_PREFIX):
            text = text[len(QR_PREFIX) :]
        text = "".join(_READS_AS.get(ch, ch) for ch in text)
        if len(text) != CODE_CHARS or any(ch not in ALPHABET for ch in text):
            raise _wrong_code()
        body, check = text[:-1], text[-1]
        if check_character(body) != check:
            raise _wrong_code()
        host = _decode(body[:HOST_CHARS])
        if host >> 37 != FORMAT:
            raise JoinCodeError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This join code comes from a newer version of smartdialog. Install the same "
                    "version on this laptop as on the hosting laptop.",
                )
            )
        address = str(ipaddress.IPv4Address((host >> 5) & 0xFFFFFFFF))
        return cls(address, PORT_BASE + (host & 31), body[HOST_CHARS:])
