"""Page furniture and page titles: the rules file, the lines it drops, and title/site splitting."""

from __future__ import annotations

import time
from importlib import resources

import pytest

from marsad.ingest.boilerplate import KINDS, boilerplate_kind, drop_boilerplate, parse_rules, rules
from marsad.ingest.text import clean_text
from marsad.ingest.titles import clean_title, page_title_line, site_like

ARTICLE = (
    "Two fighters of the Syrian Democratic Forces were killed on Tuesday evening when a Turkish drone struck "
    "their vehicle on the road between Qamishli and Amuda, in the northern countryside of al-Hasakah."
)


def test_ingest_boilerplate_rules_file_integrity() -> None:
    text = resources.files("marsad.ingest").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    parsed = parse_rules(text)
    assert parsed == rules()
    assert {r.kind for r in parsed} == set(KINDS)
    patterns = [r.pattern.pattern for r in parsed]
    assert len(patterns) == len(set(patterns)), "duplicate rule"
    for rule in parsed:  # no rule may eat an ordinary report sentence
        assert not rule.pattern.fullmatch(ARTICLE)


@pytest.mark.parametrize(
    ("text", "error"),
    [("drop cookies", "expected 'tail PATTERN'"), ("line (unclosed", "bad pattern"), ("tail", "expected")],
)
def test_ingest_boilerplate_bad_rules_rejected(text: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_rules(text)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("You might also like", "tail"),
        ("You may also like:", "tail"),
        ("Related posts", "tail"),
        ("Related Articles:", "tail"),
        ("Read also", "tail"),
        ("Most read", "tail"),
        ("Leave a Reply", "tail"),
        ("This website uses cookies to improve your experience. We'll assume you're ok with this, but you "
         "can opt-out if you wish. Accept Read More", "line"),
        ("We use cookies to ensure that we give you the best experience on our website.", "line"),
        ("By continuing to use this site, you agree to our use of cookies.", "line"),
        ("Accept All Cookies", "line"),
        ("Share this:", "line"),
        ("Share on Facebook", "line"),
        ("Facebook Twitter WhatsApp Telegram", "line"),
        ("Read more", "line"),
        ("Subscribe to our newsletter", "line"),
        ("Sign up for our daily newsletter", "line"),
        ("Follow us on Twitter", "line"),
        ("Advertisement", "line"),
        ("Please enable JavaScript to view this site.", "line"),
        ("Tags: Idlib, Russia, airstrikes", "line"),
        ("© 2021 The Syrian Observatory For Human Rights. All rights reserved.", "line"),
        ("The post Four killed in Idlib appeared first on Enab Baladi.", "line"),
        (ARTICLE, None),
        ("Share prices fell after the attack on the oil field near Deir ez-Zor.", None),
        ("Read the full statement of the Syrian Democratic Forces below.", None),
        ("Subscribers to the channel said 12 people were killed.", None),
        ("The campaign, according to sources, will continue in the coming days, and the website of the "
         "ministry uses cookies-like tracking, activists said, adding that civilians were killed.", None),
        ("", None),
    ],
)  # fmt: skip
def test_ingest_boilerplate_line_kinds(line: str, kind: str | None) -> None:
    assert boilerplate_kind(line) == kind


def test_ingest_boilerplate_long_lines_are_text() -> None:
    assert boilerplate_kind("We use cookies " + "and more words " * 40) is None


def test_ingest_boilerplate_tail_only_after_article() -> None:
    # a "Related posts" menu above the article must not swallow it
    lines = [
        "Related posts",
        "",
        ARTICLE,
        "",
        "You might also like",
        "Clashes in Tal Tamr",
        "Shelling on Ain Issa",
    ]
    assert drop_boilerplate(lines) == ["", ARTICLE, ""]


def test_ingest_boilerplate_is_fast_on_long_lines() -> None:
    lines = ["a" * 400, "share " * 66, "cookies " * 50, "facebook " * 44] * 200
    start = time.perf_counter()
    drop_boilerplate(lines)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("raw", "site", "sections", "title", "found_site"),
    [
        ("ISIS resurgence | 12 regime soldiers killed and wounded in attack on military bus in Deir ez-Zor "
         "desert • The Syrian Observatory For Human Rights", None, (),
         "12 regime soldiers killed and wounded in attack on military bus in Deir ez-Zor desert",
         "The Syrian Observatory For Human Rights"),
        ("Car bomb kills five near checkpoint south of Damascus - Reuters", None, (),
         "Car bomb kills five near checkpoint south of Damascus", "Reuters"),
        ("Coalition strike kills seven civilians in Raqqa | Airwars", None, (),
         "Coalition strike kills seven civilians in Raqqa", "Airwars"),
        ("Coalition strike kills seven civilians in Raqqa | Airwars", "Airwars", (),
         "Coalition strike kills seven civilians in Raqqa", "Airwars"),
        ("Escalation in Idlib | Four civilians killed in shelling", "SOHR", ("Escalation in Idlib",),
         "Four civilians killed in shelling", "SOHR"),
        ("Assad forces shell Daraa countryside - SANA.sy", None, (), "Assad forces shell Daraa countryside",
         "SANA.sy"),
        ("Syria – four civilians killed in Idlib market", None, (),
         "Syria – four civilians killed in Idlib market", None),
        ("Airstrikes Hit Idlib – Dozens Killed In Market", None, (),
         "Airstrikes Hit Idlib – Dozens Killed In Market", None),
        ("Four killed in Idlib", None, (), "Four killed in Idlib", None),
        ("", "Airwars", (), None, "Airwars"),
        (None, None, (), None, None),
    ],
)  # fmt: skip
def test_ingest_titles_split(
    raw: str | None, site: str | None, sections: tuple[str, ...], title: str | None, found_site: str | None
) -> None:
    assert clean_title(raw, site, sections) == (title, found_site)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Turkish drone strike kills two SDF fighters near Qamishli – Enab Baladi",
         ("Turkish drone strike kills two SDF fighters near Qamishli", "Enab Baladi")),
        ("Regime shelling kills four in Ariha | North Press Agency",
         ("Regime shelling kills four in Ariha", "North Press Agency")),
        ("SOHR activists say that 12 regime soldiers were killed and injured, as a bus was targeted.", None),
        ("KABUL, Afghanistan (Jan. 25, 2013) - During a security operation in Andar district", None),
        ("Killed - Reuters", None),  # too short to be a headline
        ("ISAF Joint Command - Afghanistan", None),  # a letterhead
        ("Sunday 24 January 2021", None),
    ],
)  # fmt: skip
def test_ingest_titles_page_title_line(line: str, expected: tuple[str, str] | None) -> None:
    found = page_title_line(line)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("name", "strong", "expected"),
    [
        ("The Syrian Observatory For Human Rights", True, True),
        ("The Syrian Observatory For Human Rights", False, False),  # too long after a dash
        ("Reuters", False, True),
        ("Al Jazeera", False, True),
        ("syriahr.com", False, True),
        ("عنب بلدي", False, True),
        ("four civilians killed", True, False),
        ("12 Killed", True, False),
        ("Idlib.", True, False),
        ("", True, False),
    ],
)
def test_ingest_titles_site_like(name: str, strong: bool, expected: bool) -> None:
    assert site_like(name, strong=strong) is expected


def test_ingest_text_saved_page_general() -> None:
    text = (
        "Clashes | Regime shelling kills four in Ariha countryside · Example Monitor\n\n"
        "Clashes | Regime shelling kills four in Ariha countryside\n\n"
        f"{ARTICLE}\n\nShare this:\nFacebook Twitter\n\nRelated posts\nAnother report\n"
    )
    assert clean_text(text) == ("Regime shelling kills four in Ariha countryside", "Example Monitor", ARTICLE)


def test_ingest_text_without_title_line_kept_whole() -> None:
    text = f"{ARTICLE}\n\nLocal sources said a third person was wounded."
    assert clean_text(text) == (None, None, text)
