"""RSS and Atom feeds: one Document per entry, read with feedparser."""

from __future__ import annotations

import html as html_lib
import io
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from marsad.ingest.boilerplate import drop_boilerplate
from marsad.ingest.common import Hints, choose_published, failure, sha256_hex, short_language
from marsad.ingest.titles import clean_title
from marsad.records import Document, Failure

logger = logging.getLogger(__name__)

BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
)
ENTRY_TAGS = ("item", "entry")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry's content): a line per paragraph, no scripts or styles."""
    if "<" not in markup:
        return html_lib.unescape(markup)
    root = lxml.html.fromstring(f"<div>{markup}</div>")
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")  # a paragraph break where the markup had one
    return str(root.text_content())


def entry_text(entry: Any) -> str:
    """The fullest text an entry carries: its content, else its summary."""
    parts = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or ()]
    if entry.get("summary"):
        parts.append(
            (entry.get("summary") or "", (entry.get("summary_detail") or {}).get("type") or "text/html")
        )
    value, kind = max(parts, key=lambda part: len(part[0]), default=("", ""))
    text = html_to_text(value) if "html" in kind else value
    return "\n".join(drop_boilerplate(text.split("\n"))).strip()


def raw_entries(data: bytes, count: int) -> list[bytes]:
    """The XML of each entry, to archive with its Document; a JSON dump where the XML cannot be cut apart."""
    try:
        root = etree.fromstring(data, parser=_SAFE_XML)
    except etree.XMLSyntaxError:
        return []
    found = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in ENTRY_TAGS]
    return (
        [etree.tostring(el, encoding="utf-8", with_tail=False) for el in found] if len(found) == count else []
    )


def read_feed(data: bytes, source: str, hints: Hints) -> Iterator[Document | Failure]:
    # a stream, never bytes: feedparser opens bytes as a file name
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.bozo or not parsed.version:  # no version: feedparser saw no RSS/Atom at all (an HTML page?)
            reason = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root"
            yield failure(
                source, "not-xml", f"not a readable RSS/Atom feed ({reason}): check the file or URL"
            )
        else:
            yield failure(source, "empty", "the feed has no entries: nothing to read")
        return
    if parsed.bozo:
        logger.warning(
            "%s: feed is not well-formed (%s); reading its entries anyway", source, parsed.bozo_exception
        )
    raws = raw_entries(data, len(parsed.entries))
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        raw = raws[number - 1] if raws else json.dumps(entry, sort_keys=True, default=str).encode("utf-8")
        try:
            yield entry_document(entry, feed, raw, f"{source}#{number}", source, hints)
        except Exception as exc:  # one odd entry must not cost the entries after it
            logger.exception("%s#%d: unexpected error while reading the entry", source, number)
            yield failure(
                f"{source}#{number}", "internal", f"unexpected {type(exc).__name__}: please report it"
            )


def entry_document(
    entry: Any, feed: Any, raw: bytes, where: str, source: str, hints: Hints
) -> Document | Failure:
    text = entry_text(entry) or (entry.get("title") or "").strip()
    if not text:
        return failure(where, "no-text", "this feed entry has no title, summary or content: nothing to read")
    site = (feed.get("title") or "").strip() or None
    title, _ = clean_title(entry.get("title"), site)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    own = date(*stamp[:3]) if stamp else None
    published, published_source = choose_published(own, "feed", text, hints)
    return Document.from_text(
        text,
        url=entry.get("link") or None,
        title=title,
        site=site,
        published=published,
        published_source=published_source,
        language=short_language(feed.get("language")),
        country=hints.country,
        source=source,
        external_id=entry.get("id") or None,
        raw_sha256=sha256_hex(raw),
        raw_format="feed",
        raw=raw,
    )
