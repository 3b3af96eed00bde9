"""The seed report: a Syrian Observatory article saved as page text, read in place from ../shared/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import read_bytes, read_paths
from marsad.records import Document

# ``seed_path`` (tests/conftest.py) reads ../shared/corpus in place: skipped when absent, failed in CI.


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    [doc] = list(read_paths([seed_path]))
    assert isinstance(doc, Document), doc
    return doc


def test_ingest_seed_title_and_site(seed: Document) -> None:
    assert (
        seed.title == "12 regime soldiers killed and wounded in attack on military bus in Deir ez-Zor desert"
    )
    assert seed.site == "The Syrian Observatory For Human Rights"


def test_ingest_seed_text_without_page_furniture(seed: Document) -> None:
    assert seed.text.startswith("SOHR activists say")
    assert seed.text.endswith("ISIS lost 17 members in Russian airstrikes and clashes.")
    for furniture in ("ISIS resurgence", "You might also like", "cookies", "Accept Read More", "•"):
        assert furniture not in seed.text
    assert seed.text.count("12 regime soldiers") == 1


def test_ingest_seed_provenance(seed: Document, seed_path: Path) -> None:
    assert seed.raw == seed_path.read_bytes()
    assert seed.raw_format == "text"
    assert seed.source == str(seed_path)
    # the page states no date: nothing is invented
    assert (seed.published, seed.published_source) == (None, None)


def test_ingest_seed_same_id_from_bytes_and_crlf(seed: Document, seed_path: Path) -> None:
    data = seed_path.read_bytes()
    [again] = list(read_bytes(data.replace(b"\n", b"\r\n"), "copy.txt"))
    assert isinstance(again, Document)
    assert again.id == seed.id
    assert again.title == seed.title
