"""HTML pages: trafilatura finds the article text and page metadata; we clean title and site, pick a date."""

from __future__ import annotations

import html as html_lib
import logging
import re
from datetime import date
from typing import Any

import trafilatura

from marsad.ingest.boilerplate import drop_boilerplate
from marsad.ingest.common import Hints, choose_published, failure, sha256_hex, short_language
from marsad.ingest.titles import clean_title, drop_title_line, split_site
from marsad.records import Document, Failure

logger = logging.getLogger(__name__)

HEAD_CHARS = 20000  # language and <title> sit in <html> and <head>: no need to scan the body
MIN_SENTENCE_WORDS = 6  # a page whose every line is shorter is a menu or an index, not a report
_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})?)"""
    r"""|<meta\b[^>]{0,200}?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)["']?"""
    r"""[^>]{0,200}?content\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})?)""",
    re.IGNORECASE,
)
_TITLE = re.compile(r"<title\b[^>]{0,200}>([^<]{1,1000})</title>", re.IGNORECASE)


def extract(html: str, url: str | None) -> Any:
    """trafilatura's result (text + metadata) or None. Precision first: a page's furniture in the text
    turns into false incidents downstream; balanced mode is the fallback for short articles it drops."""
    common: dict[str, Any] = {
        "url": url,
        "include_comments": False,
        "with_metadata": True,
        # metadata only: a date guessed from the body text or the URL is not the publication date
        "date_extraction_params": {
            "extensive_search": False,
            "original_date": True,
            "max_date": date.today().isoformat(),
        },
    }
    result: Any = trafilatura.bare_extraction(html, favor_precision=True, **common)
    if result is None or not (result.text or "").strip():
        result = trafilatura.bare_extraction(html, **common)
    return result if result is not None and (result.text or "").strip() else None


def page_language(html: str) -> str | None:
    match = _LANG.search(html[:HEAD_CHARS])
    return short_language(match.group(1) or match.group(2)) if match else None


def page_title(html: str) -> str | None:
    """The <title> as the browser shows it: where the site name sits when no og:site_name says it."""
    match = _TITLE.search(html[:HEAD_CHARS])
    if match is None:
        return None
    return " ".join(html_lib.unescape(match.group(1)).split()) or None


def article_text(result: Any, titles: tuple[str | None, ...]) -> str:
    """The main text without boilerplate or the headline repeated on top; "" when it is no article."""
    lines = drop_boilerplate(drop_title_line((result.text or "").split("\n"), titles))
    if not any(len(line.split()) >= MIN_SENTENCE_WORDS for line in lines):
        return ""
    return "\n".join(lines).strip()


def read_html(html: str, raw: bytes, source: str, hints: Hints) -> Document | Failure:
    result = extract(html, hints.url)
    tag_title = page_title(html)
    site = ((result.sitename or "").strip() or None) if result is not None else None
    if site is None and tag_title:
        site = split_site(tag_title)[1]
    title, site = clean_title(result.title if result is not None else tag_title, site, _sections(result))
    text = article_text(result, (title, result.title, tag_title)) if result is not None else ""
    if not text:
        return failure(
            source,
            "no-text",
            "no article text found in this HTML page (an index, a JavaScript-only page or a paywall?): "
            "save the article itself, or its text as .txt",
        )
    published, published_source = choose_published(_iso_date(result.date), "html-meta", text, hints)
    return Document.from_text(
        text,
        url=hints.url or result.url,
        title=title,
        site=site,
        published=published,
        published_source=published_source,
        language=page_language(html),
        country=hints.country,
        source=source,
        raw_sha256=sha256_hex(raw),
        raw_format="html",
        raw=raw,
    )


def _sections(result: Any) -> tuple[str, ...]:
    return tuple(result.categories or ()) if result is not None else ()


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        logger.debug("unreadable page date %r", value)
        return None
