"""Plain text reports, including web pages saved as text (a title line naming the site, boilerplate after)."""

from __future__ import annotations

from marsad.ingest.boilerplate import drop_boilerplate
from marsad.ingest.common import Hints, choose_published, failure, sha256_hex
from marsad.ingest.dateline import date_only_line
from marsad.ingest.titles import drop_title_line, page_title_line
from marsad.records import Document, Failure


def split_saved_page(text: str) -> tuple[str | None, str | None, list[str]]:
    """(title, site, body lines) of a text. A first line "<title> • <Site>" gives title and site and is
    dropped, with the title line a saved page repeats below it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = _next_filled(lines, 0)
    if first is None:
        return None, None, lines
    parsed = page_title_line(lines[first])
    if parsed is None:
        return _headline_over_date(lines, first)
    title, site, with_section = parsed
    return title, site, drop_title_line(lines[first + 1 :], (title, with_section, lines[first]))


def _headline_over_date(lines: list[str], first: int) -> tuple[str | None, None, list[str]]:
    """A short first line over a line holding only a date is the headline: it becomes the title and leaves the
    text (a headline is not a second report of the same incident); the date line stays for the dateline reader."""
    second = _next_filled(lines, first + 1)
    headline = lines[first].strip()
    if second is None or len(headline) > 200 or date_only_line(lines[second]) is None:
        return None, None, lines
    return headline, None, lines[first + 1 :]


def clean_text(text: str) -> tuple[str | None, str | None, str]:
    """(title, site, article text) of a text file or saved page."""
    title, site, lines = split_saved_page(text)
    return title, site, "\n".join(drop_boilerplate(lines)).strip()


def read_text(text: str, raw: bytes, source: str, hints: Hints) -> Document | Failure:
    title, site, body = clean_text(text)
    if not body:
        return failure(
            source, "no-text", "no article text left once page furniture was removed: check the file"
        )
    published, published_source = choose_published(None, "", body, hints)
    return Document.from_text(
        body,
        url=hints.url,
        title=title,
        site=site,
        published=published,
        published_source=published_source,
        country=hints.country,
        source=source,
        raw_sha256=sha256_hex(raw),
        raw_format="text",
        raw=raw,
    )


def _next_filled(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)
