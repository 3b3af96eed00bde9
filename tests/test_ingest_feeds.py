"""RSS and Atom feeds: one Document per entry, in feed order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.ingest import read_bytes, read_paths
from marsad.ingest.feeds import html_to_text
from marsad.records import Document, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest" / "feeds"


def _docs(name: str, **hints: object) -> list[Document]:
    out = list(read_paths([FIXTURES / name], **hints))  # type: ignore[arg-type]
    assert all(isinstance(d, Document) for d in out), out
    return out  # type: ignore[return-value]


def test_ingest_rss_entries() -> None:
    docs = _docs("observatory.rss", published=date(2021, 2, 1))
    assert [d.title for d in docs] == [
        "Three regime soldiers killed in landmine explosion in Deir ez-Zor desert",
        "Turkish forces shell villages in Ain Issa countryside",
        "Unknown gunmen assassinate former rebel commander in Daraa",
    ]
    assert [d.url for d in docs] == [f"https://www.syriahr.com/en/0000{n}/" for n in (10, 11, 12)]
    assert [(d.published, d.published_source) for d in docs] == [
        (date(2021, 1, 26), "feed"),
        (date(2021, 1, 25), "feed"),
        (date(2021, 1, 24), "dateline"),  # no pubDate: the dateline in the text
    ]
    assert {d.site for d in docs} == {"The Syrian Observatory For Human Rights"}
    assert {d.language for d in docs} == {"en"}
    assert docs[0].external_id == "https://www.syriahr.com/en/?p=000010"


def test_ingest_rss_content_preferred_and_cleaned() -> None:
    first = _docs("observatory.rss")[0]
    # content:encoded is fuller than the description, and its WordPress trailer and script are gone
    assert [line for line in first.text.split("\n") if line] == [
        "SOHR activists say that three regime soldiers were killed when a landmine left by ISIS exploded "
        "near their vehicle in the desert of Al-Mayadin in Deir ez-Zor countryside.",
        "Two other soldiers were injured and taken to a hospital in Deir ez-Zor city.",
    ]


def test_ingest_rss_raw_is_the_entry_xml() -> None:
    docs = _docs("observatory.rss")
    assert all(d.raw.startswith(b"<item") and d.raw.endswith(b"</item>") for d in docs)
    assert b"000011" in docs[1].raw and b"000010" not in docs[1].raw
    assert len({d.raw_sha256 for d in docs}) == 3


def test_ingest_atom_entries() -> None:
    docs = _docs("monitor.atom", country="SY")
    assert [d.title for d in docs] == [
        "Seven civilians reported killed in strike on Raqqa residential building",
        "Clashes in Tabqa countryside",
    ]
    assert [d.published for d in docs] == [date(2017, 6, 12), date(2017, 6, 11)]  # published, else updated
    assert docs[0].text.split("\n") == [
        "At least seven civilians, among them three children, were reportedly killed when an airstrike hit a "
        "residential building in the al-Bado neighbourhood of Raqqa city.",
        "Local sources said several residents remain under the rubble.",
    ]
    assert docs[1].text.startswith("Fighters of the Syrian Democratic Forces")
    assert {(d.site, d.language, d.country, d.raw_format) for d in docs} == {
        ("Example Conflict Monitor", "en", "SY", "feed")
    }
    assert docs[1].external_id == "urn:uuid:7d7cb1b8-0d4b-4a6b-9a55-2f3c5d1a0003"
    assert all(b"<entry" in d.raw for d in docs)


def test_ingest_feed_entry_without_text_uses_title_or_fails() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Five killed in car bomb in Azaz</title><link>https://w.example/1</link></item>
    <item><link>https://w.example/2</link></item>
    </channel></rss>"""
    out = list(read_bytes(feed, "wire.rss"))
    assert isinstance(out[0], Document) and out[0].text == "Five killed in car bomb in Azaz"
    assert isinstance(out[1], Failure) and (out[1].code, out[1].source) == ("no-text", "wire.rss#2")


def test_ingest_feed_ignores_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Clashes in Azaz</title><description>Clashes in Azaz &xxe; left two dead.</description></item>
</channel></rss>""".encode()
    out = list(read_bytes(feed, "wire.rss"))
    assert all(
        b"TOP SECRET" not in d.raw and "TOP SECRET" not in d.text for d in out if isinstance(d, Document)
    )


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain words", "plain words"),
        ("<p>One.</p><p>Two.</p>", "One.\nTwo."),
        ("<p>One<br>Two</p><script>x()</script><style>p{}</style>", "One\nTwo"),
        ("Clashes &amp; shelling", "Clashes & shelling"),
    ],
)
def test_ingest_feed_html_to_text(markup: str, text: str) -> None:
    assert "\n".join(line for line in html_to_text(markup).split("\n") if line) == text


def test_ingest_feed_odd_entry_costs_only_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ingest.feeds as feeds

    real = feeds.entry_text

    def flaky(entry: object) -> str:
        if "Ain Issa" in str(entry):
            raise RuntimeError("odd markup")
        return real(entry)

    monkeypatch.setattr(feeds, "entry_text", flaky)
    out = list(read_paths([FIXTURES / "observatory.rss"]))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Document"]
    assert isinstance(out[1], Failure) and out[1].source.endswith("observatory.rss#2")
