"""Bytes to text, refusing what is not text: binary and undecodable inputs raise InputError with a code."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from marsad.errors import InputError

SNIFF_BYTES = 8192  # the head looked at to call a file binary
DETECT_BYTES = 65536  # the sample charset detection reads: detection on a whole 20 MB file is slow
MAX_CONTROL_SHARE = 0.05  # real text has almost no control characters besides tab and newlines
# Magic numbers of formats people drop in a folder of reports by mistake, so that the message can name them.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def check_not_binary(data: bytes) -> None:
    """Raise InputError(code="binary") for data that is not text."""
    head = data[:SNIFF_BYTES]
    kind = next((name for magic, name in MAGIC if head.startswith(magic)), None)
    if kind:
        raise InputError(f"this is {kind}, not a report: convert it to text or HTML first", code="binary")
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return  # NUL bytes are how UTF-16/32 spell ASCII
    controls = sum(1 for byte in head if byte in _CONTROL)
    if b"\x00" in head or controls > MAX_CONTROL_SHARE * len(head):
        raise InputError(
            "binary data (NUL or control bytes), not text: give marsad HTML, text, RSS/Atom or JSONL files",
            code="binary",
        )


def decode(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: a byte-order mark, else UTF-8, else the declared charset, else a detected one."""
    bom = bom_encoding(data)
    candidates = [bom] if bom else ["utf-8", declared or declared_charset(data)]
    for encoding in candidates:
        text = _try_decode(data, encoding)
        if text is not None:
            return text
    best = from_bytes(data[:DETECT_BYTES]).best()
    text = _try_decode(data, best.encoding) if best is not None else None
    if text is None:
        raise InputError(
            "cannot tell the character encoding of this file: save it as UTF-8 and read it again",
            code="undecodable",
        )
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first bytes."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):  # an unknown name or the wrong guess
        return None
