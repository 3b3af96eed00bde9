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
        # the countries the dead came from name no one of them ("Egypt" is no person killed besides the 61)
        (
            "In another air strike more than 60 foreign mercenaries from the former Soviet Union Tunisia and Egypt "
            "were killed in the Euphrates Valley south of Deir Ezzor.",
            [("Deir ez-Zor", 61)],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title's running total over a story that tells it with no word for the toll and quotes an older
        # headline's "Over 20 Dead" (a Sputnik page saved as text)
        (
            "Death Toll in Blast Targeting Evacuees in Aleppo Rises to 70\n\nDeath Toll in Blast Targeting Evacuees "
            "in Aleppo Rises to 70 Get short URL A source told Sputnik that a suicide blast targeting a bus convoy "
            "with evacuees has risen to 70. The previous death toll was 20 with 50 others injured. Blast Occurs "
            "Near Bus Convoy Evacuating Syrians to Aleppo Over 20 Dead The explosion hit the Rashidin area on the "
            "outskirts of Aleppo.",
            [("Al-Rashidin", 70)],
        ),
        # the title's dead over a story that tells the shelling but not its dead
        (
            "5 killed in regime shelling on Aleppo\n\nRegime forces shelled the Bustan al-Qasr neighbourhood of "
            "Aleppo on Monday. The shelling destroyed several houses.",
            [("Bustan al-Qasr", 5)],
        ),
        # the story's older tolls under a title's newer one
        (
            "Death toll in Aleppo blast rises to 70\n\nA car bomb exploded near a bus convoy in Rashidin on Saturday. "
            "The death toll rose to 10 in the morning. The death toll later rose to 20. The blast destroyed buses.",
            [("Al-Rashidin", 70)],
        ),
        # a month's tally is no count of the title's incident
        (
            "5 killed in regime shelling on Aleppo\n\nRegime forces shelled the Bustan al-Qasr neighbourhood of "
            "Aleppo on Monday. The shelling destroyed several houses. More than 3000 people have been killed in "
            "Syria during the past month.",
            [("Bustan al-Qasr", 5)],
        ),
        # a story that counts more than its title: the story's count
        (
            "2 killed in regime shelling on Idlib\n\nRegime shelling killed five civilians in Idlib city on Monday. "
            "Rescuers searched the rubble for survivors.",
            [("Idlib", 5)],
        ),
        # a title that sums up the report's incidents adds nothing to the first
        (
            "Shelling kills 5 in Idlib\n\nShelling killed three civilians in Idlib city on Monday. In Aleppo, two "
            "fighters were killed in clashes with regime forces on Monday.",
            [("Idlib", 3), ("Aleppo", 2)],
        ),
        # a vague title count where the story counts no one ("dozens": 24) ...
        (
            "Dozens killed in air strikes on Idlib\n\nWarplanes struck the town of Maarat al-Numan in Idlib "
            "province on Monday. Rescuers searched the rubble for survivors.",
            [("Ma'arrat an Nu'man", 24)],
        ),
        # ... never over an exact one
        (
            "Dozens killed in air strikes on Idlib\n\nAir strikes killed 30 people in the town of Maarat al-Numan "
            "in Idlib province on Monday. Rescuers searched the rubble.",
            [("Ma'arrat an Nu'man", 30)],
        ),
        # "including women and children" between the dead and their verb, its commas lost
        (
            "At least 16 civilians including women and children were killed on Monday during an air raid on the "
            "Tareeq al-Bab neighbourhood of Aleppo.",
            [("Tareeq al-Bab, Aleppo", 16)],
        ),
        # a source's tag opens a sentence that tells the toll again: not one sentence counting it twice
        (
            "At least 45 killed in US airstrike in Raqqa\n\nTue Oct 3 2017 At least 45 killed in US airstrike in "
            "Raqqa. At least 45 people have been killed in the latest US airstrike in Syria. (presstv) - At least "
            "45 people have been killed in the latest US airstrike in Syria. According to local sources the "
            "civilians were killed after US jets targeted the al-Touseeiyah district in the city of Raqqah.",
            [("Ar Raqqah", 45)],
        ),
        # the banks of a river are no other scene than the province the strikes were told in
        (
            "US airstrikes kill 23 civilians in Deir ezzor\n\nThu Dec 14 2017 US airstrikes kill 23 civilians in "
            "Deir ezzor. At least 23 civilians have been killed in US airstrikes on the eastern Deir ezzor "
            'province, says a monitoring group. (presstv) - "At least 23 civilians among them eight children and '
            "six women were killed Wednesday before dawn by airstrikes targeting a village on the eastern banks of "
            'the Euphrates river" said the Observatory.',
            [("Deir ez-Zor", 23)],
        ),
    ],
)
def test_casualties_documents_title_and_story(
    text: str, expected: list[tuple[str | None, int | None]]
) -> None:
    assert _incidents(text) == expected


def test_casualties_documents_evacuees_home_towns_are_not_the_scene() -> None:
    # "from the besieged towns of Fua and Kefraya": both are where the evacuees came from; the blast was at Rashidin
    text = (
        "A suicide car bomb tore through buses carrying evacuees from the besieged towns of Fua and Kefraya, "
        "killing 126 people. The blast hit the convoy as it waited in Rashidin."
    )
    assert _incidents(text) == [("Al-Rashidin", 126)]
    # ... and so are those a convoy was evacuating the residents of
    text = (
        "A suicide car bomb hit a bus convoy evacuating residents of the besieged Shiite towns of Fua and Kefraya "
        "to Aleppo, killing 126 people."
    )
    ((place, killed),) = _incidents(text)
    assert place not in ("Al-Fu'ah", "Kafraya") and killed == 126


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


def test_casualties_documents_a_country_named_among_the_dead_is_no_one_killed() -> None:
    # "operating in Iraq and Syria were killed": the words before the verb end in a country, which is no person
    text = (
        "At least 30 militants of the terrorist group operating in Iraq and Syria were killed in clashes with "
        "Kurdish troops in northeastern Syria on Thursday."
    )
    events = extract(Document.from_text(text, published=PUBLISHED, country="SY"))
    assert not [f for e in events for f in e.figures if f.who in ("Syria", "Iraq")]
