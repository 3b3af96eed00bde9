"""Page titles without their furniture: "ISIS resurgence | <headline> • The Syrian Observatory For ..."

A browser title is often "<section> | <headline> <sep> <site>". The headline is what a reader (and UCDP's
source_headline) wants; the site goes to ``Document.site``; the section is dropped.
"""

from __future__ import annotations

import re

STRONG_SEPARATORS = ("•", "|", "·", "::", "»")
WEAK_SEPARATORS = ("–", "—", "-")  # also written inside headlines ("Syria – four killed"), so trusted less
_SEPARATOR = re.compile(r"\s(" + "|".join(re.escape(s) for s in STRONG_SEPARATORS + WEAK_SEPARATORS) + r")\s")
# Lower-case words a site name may contain ("The Syrian Observatory for Human Rights", "Al Jazeera").
SITE_SMALL_WORDS = frozenset(
    {"for", "of", "the", "and", "on", "in", "de", "al", "el", "la", "le", "du", "des", "&"}
)
_DOMAIN = re.compile(r"[\w-]+(\.[\w-]+)+", re.IGNORECASE)
MAX_SECTION_WORDS = 4
MIN_HEADLINE_WORDS = 4


def site_like(name: str, *, strong: bool) -> bool:
    """Whether ``name`` reads as a site name: a domain, or a few capitalised words, no digits or full stop."""
    name = name.strip()
    if not name or len(name) > 80:
        return False
    if _DOMAIN.fullmatch(name):
        return True
    words = name.split()
    if len(words) > (8 if strong else 4) or name[-1] in ".!?:;,\"”'" or any(ch.isdigit() for ch in name):
        return False
    # scripts without case (Arabic) pass: islower() is False for them
    return all(not w[0].islower() or w.lower() in SITE_SMALL_WORDS for w in words)


def split_site(title: str, site: str | None = None) -> tuple[str, str | None]:
    """(title without its site suffix, site name). ``site``, when known, is kept and stripped from the end."""
    title = " ".join(title.split())
    if site:
        for match in reversed(list(_SEPARATOR.finditer(title))):
            if title[match.end() :].casefold() == site.casefold().strip():
                return title[: match.start()].strip(), site.strip()
    matches = list(_SEPARATOR.finditer(title))
    if not matches:
        return title, site
    last = matches[-1]
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    strong = last.group(1) in STRONG_SEPARATORS
    if len(head.split()) >= 2 and len(head) > len(tail) and site_like(tail, strong=strong):
        return head, site or tail
    return title, site


def drop_section(title: str, sections: tuple[str, ...] = ()) -> str:
    """The title without a leading section label ("ISIS resurgence | ")."""
    match = next((m for m in _SEPARATOR.finditer(title) if m.group(1) in STRONG_SEPARATORS), None)
    if match is None:
        return title
    head, rest = title[: match.start()].strip(), title[match.end() :].strip()
    known = head.casefold() in {s.casefold().strip() for s in sections}
    short = len(head.split()) <= MAX_SECTION_WORDS and not any(ch in head for ch in ".!?")
    if rest and (known or (short and len(rest.split()) > len(head.split()))):
        return rest
    return title


def clean_title(
    raw: str | None, site: str | None = None, sections: tuple[str, ...] = ()
) -> tuple[str | None, str | None]:
    """(headline, site) from a page title and whatever site name the page states."""
    if not raw or not raw.strip():
        return None, site
    title, site = split_site(raw, site)
    return drop_section(title, sections) or None, site


def page_title_line(line: str) -> tuple[str, str, str] | None:
    """(headline, site, title with section) when a text line is a saved page's title ("<title> • <Site>").

    Only a line with a site suffix counts: a report's first sentence has none.
    """
    line = " ".join(line.split())
    if not line or len(line) > 300:
        return None
    with_section, site = split_site(line)
    if site is None:
        return None
    headline = drop_section(with_section)
    if len(headline.split()) < MIN_HEADLINE_WORDS:  # "ISAF Joint Command - Afghanistan" is a letterhead
        return None
    return headline, site, with_section


def drop_title_line(lines: list[str], titles: tuple[str | None, ...]) -> list[str]:
    """The lines without a leading repeat of the title: it is kept in ``Document.title``, and a headline
    counted again in the text would read as a second report of the same incident."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    keys = {" ".join(t.split()).casefold() for t in titles if t}
    if first is not None and " ".join(lines[first].split()).casefold() in keys:
        return lines[first + 1 :]
    return lines
