"""Each input format read into Documents: golden pages with must-have and must-not-have expectations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.ingest import read_bytes, read_paths
from marsad.records import Document, Failure, document_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HINT = date(2021, 2, 1)

# file, title, site, published, published_source, language, text start, text end, words the text must not hold
GOLDEN = [
    (
        "pages/observatory-idlib-shelling.html",
        "Four civilians killed in regime shelling on Ariha countryside",
        "The Syrian Observatory For Human Rights",
        date(2021, 3, 14),
        "html-meta",
        "en",
        "SOHR activists have reported that four civilians",
        "north-western countryside of Hama.",
        ("cookies", "You might also like", "Three regime soldiers killed", "Share this", "Subscribe", "Home"),
    ),
    (
        "pages/wire-damascus-blast.html",
        "Car bomb kills five near checkpoint south of Damascus, monitor says",
        "Reuters",
        date(2021, 1, 24),  # from "DAMASCUS, Jan 24 (Reuters)", the year from the hint
        "dateline",
        "en",
        "DAMASCUS, Jan 24 (Reuters) - A car bomb exploded",
        None,
        ("cookies", "Oil prices", "More from Reuters", "All quotes delayed", "Markets"),
    ),
    (
        "pages/airwars-civcas.html",
        "Coalition strike on Raqqa apartment block reportedly kills seven civilians",
        "Airwars",
        date(2017, 6, 12),
        "html-meta",
        "en",
        "At least seven civilians, among them three children",
        None,
        ("Subscribe", "Follow us", "Donate"),
    ),
    (
        "pages/enab-idlib-shelling-cp1256.html",
        "مقتل أربعة مدنيين بقصف مدفعي على ريف إدلب",
        "عنب بلدي",
        date(2019, 5, 6),
        "html-meta",
        "ar",
        "قتل أربعة مدنيين، بينهم طفلان",
        "لقصف شبه يومي بالمدفعية والصواريخ.",
        ("الرئيسية", "جميع الحقوق محفوظة"),
    ),
    (
        "text/saved-page-enab.txt",
        "Turkish drone strike kills two SDF fighters near Qamishli",
        "Enab Baladi",
        HINT,
        "hint",
        None,
        "Two fighters of the Syrian Democratic Forces (SDF) were killed",
        "in north-eastern Syria since the start of the year.",
        ("Share this", "Read more", "Related posts", "Tal Tamr", "Leave a Reply", "cookies", "Enab Baladi\n"),
    ),
    (
        "text/isaf-style-release.txt",
        None,
        None,
        date(2012, 11, 18),
        "dateline",
        None,
        "2012-11-S-041\n\nKABUL, Afghanistan (Nov. 18, 2012) — An Afghan and coalition security force",
        "No civilians were harmed during the operation.",
        (),
    ),
    (
        "text/plain-report.txt",
        None,
        None,
        date(2021, 1, 24),
        "dateline",
        None,
        "Sunday 24 January 2021\n\nThree members of a family",
        "remain scattered across the area.",
        (),
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "site", "published", "published_source", "language", "starts", "ends", "absent"),
    GOLDEN,
    ids=[row[0] for row in GOLDEN],
)
def test_ingest_golden_documents(
    name: str,
    title: str | None,
    site: str | None,
    published: date,
    published_source: str,
    language: str | None,
    starts: str,
    ends: str | None,
    absent: tuple[str, ...],
) -> None:
    [doc] = list(read_paths([FIXTURES / name], published=HINT, country="SY"))
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.site) == (title, site)
    assert (doc.published, doc.published_source) == (published, published_source)
    assert doc.language == language
    assert doc.text.startswith(starts)
    assert ends is None or doc.text.endswith(ends)
    for words in absent:
        assert words not in doc.text
    assert doc.country == "SY"  # the hint: none of these files names a country
    assert doc.source == str(FIXTURES / name)


@pytest.mark.parametrize(
    ("name", "raw_format"),
    [
        ("pages/observatory-idlib-shelling.html", "html"),
        ("text/plain-report.txt", "text"),
        ("feeds/observatory.rss", "feed"),
        ("feeds/monitor.atom", "feed"),
        ("jsonl/reports.jsonl", "jsonl"),
    ],
)
def test_ingest_records_raw_format_and_hash(name: str, raw_format: str) -> None:
    docs = [d for d in read_paths([FIXTURES / name]) if isinstance(d, Document)]
    assert docs
    for doc in docs:
        assert doc.raw_format == raw_format
        assert doc.raw
        assert doc.raw_sha256 is not None and len(doc.raw_sha256) == 64
        assert doc.id == document_id(doc.text)
    if raw_format in ("html", "text"):
        assert docs[0].raw == (FIXTURES / name).read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "pages/observatory-idlib-shelling.html",
        "pages/enab-idlib-shelling-cp1256.html",
        "text/saved-page-enab.txt",
        "feeds/observatory.rss",
        "jsonl/reports.jsonl",
    ],
)
def test_ingest_same_document_twice_same_id(name: str) -> None:
    first = [(d.id, d.raw_sha256) for d in read_paths([FIXTURES / name]) if isinstance(d, Document)]
    twice = read_paths([FIXTURES / name, FIXTURES / name])
    again = [(d.id, d.raw_sha256) for d in twice if isinstance(d, Document)]
    assert first and again == first + first


def test_ingest_id_ignores_line_endings_and_spacing() -> None:
    text = "Three civilians were killed in shelling on Kafranbel.\n\nLocal sources said the toll may rise.\n"
    unix = list(read_bytes(text.encode(), "a.txt"))
    windows = list(read_bytes(text.replace("\n", "\r\n").encode(), "b.txt"))
    spaced = list(read_bytes(text.replace(" ", "  ").encode("utf-8-sig"), "c.txt"))
    ids = {d.id for d in unix + windows + spaced if isinstance(d, Document)}
    assert len(ids) == 1
    assert len({d.raw_sha256 for d in unix + windows + spaced if isinstance(d, Document)}) == 3


@pytest.mark.parametrize(
    ("source", "data", "raw_format"),
    [
        ("page", b"<!DOCTYPE html><html><body><article><p>" + b"Clashes erupted in Tafas. " * 8 + b"</p>"
         b"</article></body></html>", "html"),
        ("feed", (FIXTURES / "feeds/monitor.atom").read_bytes(), "feed"),
        ("feed", (FIXTURES / "feeds/observatory.rss").read_bytes(), "feed"),
        ("lines", b'{"id": "a", "text": "Two fighters were killed near Qamishli."}\n', "jsonl"),
        ("notes", b"Two fighters were killed near Qamishli on Tuesday.", "text"),
    ],
)  # fmt: skip
def test_ingest_sniffs_format_without_suffix(source: str, data: bytes, raw_format: str) -> None:
    out = list(read_bytes(data, source))
    assert out and all(isinstance(d, Document) and d.raw_format == raw_format for d in out), out


def test_ingest_suffix_wins_over_content() -> None:
    # a page saved as .txt is read as text: the user said so
    data = b"<html><body><p>Two fighters were killed near Qamishli on Tuesday evening.</p></body></html>"
    [doc] = list(read_bytes(data, "saved.txt"))
    assert isinstance(doc, Document) and doc.raw_format == "text"


def test_ingest_hints_do_not_override_the_document() -> None:
    [doc] = list(read_paths([FIXTURES / "pages/observatory-idlib-shelling.html"], published=date(2000, 1, 1)))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (date(2021, 3, 14), "html-meta")
    out = list(read_paths([FIXTURES / "jsonl/reports.jsonl"], country="IQ"))
    countries = [d.country for d in out if isinstance(d, Document)]
    assert countries == ["AF", "SY", "IQ"]


def test_ingest_no_hint_no_date() -> None:
    [doc] = list(read_bytes(b"Two fighters were killed near Qamishli on Tuesday evening.", "note.txt"))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source, doc.country) == (None, None, None)


def test_ingest_failures_are_failures_not_documents() -> None:
    out = list(read_paths([FIXTURES / "pages/index-no-text.html"]))
    assert [type(o) for o in out] == [Failure]
