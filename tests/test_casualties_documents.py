"""Whole reports through the pipeline: the killed total a careful coder gives the incident (texts written by the team
in the style of wire stories and of pages saved without their markup)."""

from __future__ import annotations

import datetime

import pytest

from marsad.extract.segment import sentences
from marsad.pipeline import extract
from marsad.records import Document

PUBLISHED = datetime.date(2016, 10, 24)


def _incidents(text: str) -> list[tuple[str | None, int | None]]:
    events = extract(Document.from_text(text, published=PUBLISHED, country="SY"))
    out = []
    for e in events:
        if e.kind == "incident":
            total = e.total("killed")
            out.append((e.location.name if e.location else None, total.best if total else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline the body repeats with no full stop after it (a page saved without its markup): counted once
        (
            "16 dead in heavy bombardment on Idlib province\n\n16 dead in heavy bombardment on Idlib province AFP "
            "Monday 24 Oct 2016 Sixteen civilians including three children were killed on Monday in heavy "
            "bombardment on Idlib province. The Observatory said the toll was likely to rise.",
            [("Idlib", 16)],
        ),
        # the victims' groups joined by "and" are who they were, not a second person named
        (
            "At least 50 jihadists from the Islamic State and Al-Nusra Front were killed overnight by Syrian troops "
            "in the Qalamoun region, a monitor said.",
            [("Qalamoun", 50)],
        ),
        # the toll an update replaced counts no one besides
        (
            "A suicide car bomb hit buses carrying evacuees in Rashidin west of Aleppo. At least 68 children were "
            "among the 126 people killed in the attack, the Observatory said, updating a previous toll of 112 dead.",
            [("Al-Rashidin", 126)],
        ),
    ],
)
def test_casualties_documents_killed_total(text: str, expected: list[tuple[str | None, int | None]]) -> None:
    assert _incidents(text) == expected


def test_casualties_documents_evacuees_home_towns_are_not_the_scene() -> None:
    # "from the besieged towns of Fua and Kefraya": both are where the evacuees came from; the blast was at Rashidin
    text = (
        "A suicide car bomb tore through buses carrying evacuees from the besieged towns of Fua and Kefraya, "
        "killing 126 people. The blast hit the convoy as it waited in Rashidin."
    )
    assert _incidents(text) == [("Al-Rashidin", 126)]


def test_casualties_documents_a_repeated_headline_is_no_sentence_of_its_own() -> None:
    title = "Suicide bomber kills six in Aleppo restaurant"
    text = f"{title}\n\n{title} AFP Friday 23 Aug 2013 A suicide bombing in a restaurant killed six people."
    body = [s.span.text for s in sentences(text) if s.paragraph == 2]
    assert body == ["AFP Friday 23 Aug 2013 A suicide bombing in a restaurant killed six people."]
    # with its full stop, or written once, the text is read as it stands
    stopped = f"{title}\n\n{title}. A suicide bombing in a restaurant killed six people."
    assert next(s.span.text for s in sentences(stopped) if s.paragraph == 2) == f"{title}."
    short = "Aleppo\n\nAleppo AFP Friday: six killed."
    assert [s.span.text for s in sentences(short)] == ["Aleppo", "Aleppo AFP Friday: six killed."]
