"""Which reader a piece of input goes to (file suffix, HTTP content type, then the bytes), and the checks
every input passes first: size, emptiness, binary, encoding."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import PurePosixPath

from marsad.errors import MarsadError
from marsad.ingest.common import Hints, failure
from marsad.ingest.decode import check_not_binary, decode
from marsad.ingest.feeds import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.text import read_text
from marsad.records import Document, Failure

logger = logging.getLogger(__name__)

SUFFIXES: dict[str, str] = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
    "text/plain": "text",
}  # fmt: skip


def sniff(data: bytes) -> str:
    """The format the first bytes look like: feed, html, jsonl or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        if any(tag in head for tag in (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")):
            return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def format_of(source: str, data: bytes, content_type: str | None = None) -> str:
    """The suffix decides; for a URL without one, the server's content type; failing both, the content."""
    suffix = PurePosixPath(source.split("?")[0].split("#")[0]).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    by_type = CONTENT_TYPES.get((content_type or "").split(";")[0].strip().lower())
    sniffed = sniff(data)
    if by_type == "feed":
        # XML types also carry XHTML pages; anything else served as a feed must fail as one (not-xml)
        return "html" if sniffed == "html" else "feed"
    if by_type in ("html", "jsonl"):
        return by_type
    return sniffed  # text/plain is often a mislabelled page or feed: trust the content


def read_data(data: bytes, source: str, hints: Hints, max_bytes: int) -> Iterator[Document | Failure]:
    """Documents (or Failures) of one input; no exception gets out."""
    try:
        yield from _read(data, source, hints, max_bytes)
    except MarsadError as exc:
        yield failure(source, exc.code, str(exc))
    except Exception as exc:  # a library bug must cost one input, not the run
        logger.exception("%s: unexpected error while reading", source)
        yield failure(
            source, "internal", f"unexpected {type(exc).__name__} while reading: please report it ({exc})"
        )


def _read(data: bytes, source: str, hints: Hints, max_bytes: int) -> Iterator[Document | Failure]:
    if len(data) > max_bytes:
        yield too_large(source, len(data), max_bytes)
        return
    if not data.strip():
        yield failure(source, "empty", "the input is empty: nothing to read")
        return
    check_not_binary(data)
    kind = format_of(source, data, hints.content_type)
    if kind == "feed":
        yield from read_feed(data, source, hints)
        return
    text = decode(data, _charset(hints.content_type))
    if not text.strip(" \t\r\n\ufeff"):
        yield failure(source, "empty", "the input holds only blank characters: nothing to read")
    elif kind == "html":
        yield read_html(text, data, source, hints)
    elif kind == "jsonl":
        yield from read_jsonl(text, source, hints)
    else:
        yield read_text(text, data, source, hints)


def too_large(source: str, size: int, max_bytes: int) -> Failure:
    return failure(
        source,
        "too-large",
        f"{size:,} bytes is more than the {max_bytes:,} allowed: split it, or raise MARSAD_MAX_INPUT_BYTES",
    )


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
