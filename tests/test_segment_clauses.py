"""Clause-level segmentation: a sentence or headline that tells several incidents gives one incident per clause
with its own act and its own place; one act over several places, "killed and wounded", one operation told with
several verbs and explanatory clauses stay one incident. Read through the whole pipeline (places from the
gazetteer, figures from the casualty stage), as a user would see them."""

from __future__ import annotations

import time
from datetime import date
from itertools import pairwise

import pytest

from marsad.pipeline import extract
from marsad.records import Document, Event

PUB = date(2017, 9, 20)


def _incidents(text: str, country: str = "Syria") -> list[Event]:
    doc = Document.from_text(text, published=PUB, country=country)
    return [e for e in extract(doc) if e.kind == "incident"]


def _killed(e: Event) -> int:
    total = e.total("killed")
    return total.best or 0 if total else 0


@pytest.mark.parametrize(
    ("text", "admin1s"),
    [
        ("Regime forces shell Kafr Nabl and clashes erupt near Tal Abyad and an explosion hits Jableh",
         ["Idlib", "Raqqa", "Latakia"]),
        ("Warplanes strike Saraqib and 4 civilians killed by shelling in Douma", ["Idlib", "Rif Dimashq"]),
        ("Turkish drones struck a car near Qamishli, while clashes continued in the countryside of Manbij",
         ["Al-Hasakah", "Aleppo"]),
        ("More casualties in Harasta and injuries in the ranks of the regime forces west of Aleppo",
         ["Rif Dimashq", "Aleppo"]),
        ("The regime forces shell the outskirts of Aleppo city and a rebel fighter loses his life in Daraa",
         ["Aleppo", "Daraa"]),
        ("Casualties in the countryside of Daraa", ["Daraa"]),  # one source's headline line: harm at a place
        # another act at the place told before, pointed back to: another incident of a monitor's line
        ("Airstrikes target Aleppo city and cause casualties, and clashes on the southwestern outskirts of the city",
         ["Aleppo", "Aleppo"]),
        ("Clashes in the eastern countryside of Hama and shelling on its countryside", ["Hama", "Hama"]),
        ("No casualties in the countryside of Daraa", []),
    ],
)  # fmt: skip
def test_segment_clauses_each_incident_of_a_headline(text: str, admin1s: list[str]) -> None:
    found = _incidents(text)
    assert [e.location.admin1 if e.location else None for e in found] == admin1s
    # each incident's evidence is its own clause, in order, and they do not overlap
    spans = [e.span for e in found if e.span]
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_segment_clauses_strikes_on_a_road_then_a_province_entered() -> None:
    """The strike's place is the road it hit; the province is the place of the other act (the whole line at the
    province put the strike 85 km from where UCDP coded it)."""
    strike, entered = _incidents(
        "About 20 ISIS operatives killed in air strikes on Deir Ezzor-Hasaka road and SDF enters administrative "
        "borders of Deir Ezzor province"
    )
    assert strike.location is not None and strike.location.feature == "road"
    assert (strike.sub_event_type, _killed(strike)) == ("Air/drone strike", 20)
    assert entered.location is not None and entered.location.name == "Deir ez-Zor"
    assert entered.sub_event_type == "Non-state actor overtakes territory"


def test_segment_clauses_territory_then_a_family_killed_elsewhere() -> None:
    taken, killed = _incidents(
        "The Syria Democratic Forces control the southern part of the al-Hazwanah and the coalition kills "
        "family of nine people in Manbij"
    )
    assert taken.sub_event_type == "Non-state actor overtakes territory" and _killed(taken) == 0
    assert (killed.location and killed.location.name, _killed(killed)) == ("Manbij", 9)


def test_segment_clauses_a_clause_telling_no_act_yields_its_place() -> None:
    # the trucks' entry is no incident: the clashes happened on the road, not in Al-Rastan
    (clash,) = _incidents("Around 35 trucks enter Al-Rastan and clashes on Homs-Salamieh road")
    assert clash.sub_event_type == "Armed clash" and clash.location and clash.location.feature == "road"
    # an actor in the first clause is the act's subject: the sentence stays whole
    (taken,) = _incidents(
        "Regime forces and Elite of Hezbollah continue going deep in Al-Raqqah province and control an oilfield"
    )
    assert taken.sub_event_type == "Government regains territory"


def test_segment_clauses_figures_stay_with_their_clause() -> None:
    air, shelling = _incidents("Airstrikes hit Ariha and 3 civilians were killed by shelling in Harasta")
    assert (air.location and air.location.name, _killed(air)) == ("Ariha", 0)
    assert shelling.location and shelling.location.admin1 == "Rif Dimashq" and _killed(shelling) == 3
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Regime forces shelled Kafr Nabl and Maarat al-Numan villages", "Syria"),  # places of one act
        ("12 soldiers were killed and wounded in an attack near Palmyra", "Syria"),  # one combined figure
        ("Helicopters dropped barrel bombs on Daraya and Muadamiya, killing 5", "Syria"),  # a participle
        ("The death toll of the attack near Sukhnah has risen to 9, after two of the wounded died in a hospital "
         "in Homs city", "Syria"),  # an explanatory clause
        ("Protest rallies in Idlib and Saraqib turned violent when gunmen fired tear gas at the crowds",
         "Syria"),  # "A and B" is a list of places even when a verb follows B
        # the rest of a figure, and one instrument named twice
        ("The correspondent in Aleppo said that 3 people were killed and 4 others were injured by rocket shells "
         "fired on Salah al-Din neighbourhood.", "Syria"),
        ("In Quneitra one civilian was killed and nine others injured by rocket and mortar shells fired on Khan "
         "Arnabeh.", "Syria"),
        # not a headline line of its own (it shares its line): another act "in the area" is the same scene
        ("Idlib. Government forces retrieved the bodies of 13 fighters killed in Saraqib and sappers defused "
         "hundreds of mines in the area, an official said", "Syria"),
        # a participle after "while"; a second object that is only a figure
        ("Forces detained two suspects in Nahr-e Saraj district while targeting the Gereshk district Taliban "
         "senior leader in Lashkar Gah.", "Afghanistan"),
        ("In Paktika province, a combined security force captured a Haqqani leader and two of his associates "
         "during a security operation in Sarobi district, yesterday.", "Afghanistan"),
        ("An Afghan and coalition security force detained two suspected insurgents in Nad Ali district and "
         "killed one insurgent in Marjah district", "Afghanistan"),  # one operation, two verbs
        ("In Kandahar province yesterday, Afghan and coalition forces detained several suspected insurgents in "
         "Maiwand district", "Afghanistan"),  # a lead-in tells no act
        # where a move goes is no second place of the act, and "the capital, Damascus" is one place
        ("Hezbollah units pull back from the countryside of Daraa and towards the capital, Damascus", "Syria"),
    ],
)  # fmt: skip
def test_segment_clauses_one_act_stays_one_incident(text: str, country: str) -> None:
    assert len(_incidents(text, country)) == 1


def test_segment_clauses_killed_and_wounded_is_never_split() -> None:
    (only,) = _incidents("12 soldiers were killed and wounded in an attack near Palmyra")
    total = only.total("killed_or_injured")
    assert total is not None and total.best == 12 and only.total("killed") is None


def test_segment_clauses_shared_day() -> None:
    """A clause without a day of its own is dated by its sentence's."""
    found = _incidents("Warplanes struck Saraqib yesterday and 4 civilians were killed by shelling in Douma")
    assert [e.date.start if e.date else None for e in found] == [date(2017, 9, 19)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in Aleppo and " * 500,
        "shelling on Idlib, " * 600,
        "and " * 2_500,
        "Clashes in Aleppo and " + "shelling on its countryside and " * 300,  # places pointed back to
        "3 killed and 4 others " * 500,
        "casualties in Daraa and " * 450,
        "on Tal Mannas and " * 550,  # names the gazetteer does not know
        "in this handout picture provided by SANA on " * 250,  # captions
        "Syria July 1 2016 (Reuters Photo) " * 300,
        "came a day after " * 600,
        "responsible for an attack on " * 350,
        "May 1st 2017: (S1) " + "Raqqa city, " * 800,  # one 10 kB incident-log line
    ],
)
def test_segment_clauses_adversarial_sentence_is_bounded(text: str) -> None:
    start = time.perf_counter()
    _incidents(text)
    assert time.perf_counter() - start < 5.0  # generous: the cuts read per sentence are capped


def test_segment_clauses_place_unknown_to_the_gazetteer_still_counts() -> None:
    """ "on Tal Mannas": a name after a locative word is a place of its own even when no gazetteer knows it; the
    clause is its own incident and the next paragraph's clashes do not join it."""
    text = (
        "Warplanes struck Jarjanaz in the southern countryside of Idlib, while regime helicopters dropped 22 barrel "
        "bombs on Tal Mannas.\nOn the ground, clashes killed 4 fighters on the outskirts of Jarjanaz."
    )
    found = _incidents(text)
    assert [e.span.text.split()[0] if e.span else None for e in found] == ["Warplanes", "regime", "On"]
    assert _killed(found[1]) == 0 and _killed(found[2]) == 4


@pytest.mark.parametrize(
    ("text", "admin1s"),
    [
        # a monitor's line: one act at places of two governorates is one incident per governorate
        ("Continued clashes between regime forces and rebels in Damascus and Reef Dimashq",
         ["Damascus", "Rif Dimashq"]),
        ("Human losses in Daraa and Aleppo", ["Daraa", "Aleppo"]),
        # a name after "capital of X governorate," is the next of the list, not X told again
        ("Protesters gathered in Idlib city, capital of Idlib governorate, Daraa and Salamiyah",
         ["Idlib", "Daraa", "Hama"]),
        # prose tells each place in its own sentence when it means them apart: a summary stays whole
        ("Clashes between regime forces and rebels in Damascus and Reef Dimashq killed 4 fighters.", ["Damascus"]),
        # places of one governorate within UCDP's 25 km of each other stay one incident, headline or not
        ("Regime forces shelled Kafr Nabl and Maarat al-Numan villages", ["Idlib"]),
        ("Shells target the towns of Douma and Harasta", ["Rif Dimashq"]),
    ],
)  # fmt: skip
def test_segment_clauses_one_act_in_two_governorates(text: str, admin1s: list[str]) -> None:
    found = _incidents(text)
    assert [e.location.admin1 if e.location else None for e in found] == admin1s
    assert len({e.sub_event_type for e in found}) == 1  # the act is shared, not invented


@pytest.mark.parametrize(
    ("text", "places", "sub_event_type"),
    [
        # a monitor's line: one act at towns of one governorate further apart than 25 km is one incident each
        ("Warplanes carried out two massacres in the cities of Idlib and Maarrat al-Nu'man",
         ["Idlib", "Ma'arrat an Nu'man"], "Air/drone strike"),
        ("Hayyaat Tahrir al-Sham raids al-Dana, Maarat Herma in the countryside of Idlib",
         ["Ad Dana", "Maar Tahroma"], "Attack"),
        # the places after the next town only say where each town lies
        ("Shelling kills 3 persons including a child in Al-Lataminah town and Talbiseh city in the countryside "
         "of Hama and Homs", ["Latmana", "Tallbisah"], "Shelling/artillery/missile attack"),
        # the words after the next town of the list tell no act of their own: the arrests are what the
        # protesters decry
        ("Protesters took to the streets in Idlib and Maarrat al-Nu'man to decry the arrests",
         ["Idlib", "Ma'arrat an Nu'man"], "Peaceful protest"),
        # a city after a comma says where the town before it lies: one scene
        ("Many civilians reportedly killed as warplanes hit a school in AlMansura, Raqqa",
         ["Al Mansurah"], "Air/drone strike"),
        # Daraya and Muadamiya (al-Sham) are neighbours
        ("Helicopters dropped barrel bombs on Daraya and Muadamiya", ["Darayya"], "Air/drone strike"),
    ],
)  # fmt: skip
def test_segment_clauses_one_act_at_towns_far_apart(
    text: str, places: list[str], sub_event_type: str
) -> None:
    found = _incidents(text)
    assert [e.location.name if e.location else None for e in found] == places
    assert {e.sub_event_type for e in found} == {sub_event_type}


def test_segment_clauses_continued_act_after_and_is_a_clause() -> None:
    """ "and continued clashes in Raqqa" names an act (an adjective in -ed before a noun), not a verb continuing
    the subject before: a second incident at its own place."""
    found = _incidents("IS attacks regime forces in Der-Ezzor and continued clashes in Raqqa")
    assert [(e.location.admin1 if e.location else None, e.sub_event_type) for e in found] == [
        ("Deir ez-Zor", "Armed clash"),
        ("Raqqa", "Armed clash"),
    ]
    shelling, clashes = _incidents("Bombardment targets Hama and continued clashes in Der-Ezzor")
    assert clashes.location is not None and clashes.location.admin1 == "Deir ez-Zor"
    assert (shelling.sub_event_type, clashes.sub_event_type) == (
        "Shelling/artillery/missile attack",
        "Armed clash",
    )


def test_segment_clauses_harm_at_the_next_governorate_shares_the_act() -> None:
    """ "Clashes in Daraa and Aleppo cause casualties": the Aleppo clause tells harm by a noun only, so the clashes
    are its act too; a clause with a subject of its own ("a rebel fighter loses his life in Daraa") shares
    nothing."""
    daraa, aleppo = _incidents("Clashes in Daraa and Aleppo cause casualties")
    assert daraa.sub_event_type == aleppo.sub_event_type == "Armed clash"
    assert aleppo.location is not None and aleppo.location.name == "Aleppo"
    shelling, death = _incidents(
        "The regime forces shell the outskirts of Aleppo city and a rebel fighter loses his life in Daraa"
    )
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert death.sub_event_type is None and death.actor1 is None


def test_segment_first_time_since_a_year_is_no_background() -> None:
    """ "for the first time since 2011" measures the news from 2011; it does not make the advance old news."""
    (advance,) = _incidents("Regime forces advance in Lattakia countryside for the first time since 2011")
    assert advance.sub_event_type == "Government regains territory"
    assert advance.date is not None and advance.date.start == PUB


def test_segment_clauses_glued_paragraphs_are_not_clauses() -> None:
    """Text whose full stops lost their spaces reads as one long "sentence": its pieces are not the clauses of
    one headline, and it is not cut into an incident per piece."""
    glued = ".".join(["Warplanes struck Saraqib and 4 civilians were killed by shelling in Douma"] * 8) + "."
    assert len(_incidents(glued)) == 1
    assert len(_incidents("Warplanes struck Saraqib and 4 civilians were killed by shelling in Douma.")) == 2
