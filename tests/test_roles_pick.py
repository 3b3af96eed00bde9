"""Actor roles: actor1 acted, actor2 was acted on, the others named are associated; victims as civilians."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marsad.actors import ActorDictionary, load_dictionary
from marsad.extract.assemble import Annotated
from marsad.extract.roles import pick_actors
from marsad.extract.segment import sentences
from marsad.extract.typing import classify
from marsad.pipeline import extract
from marsad.records import Actor, Document, Figure, Span


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def members(text: str, actors: ActorDictionary) -> list[Annotated]:
    """The sentences of ``text`` as the actor stage leaves them: each with the mentions inside it."""
    mentions = actors.find(text)
    out = []
    for s in sentences(text):
        a = Annotated(s)
        a.actors = [m for m in mentions if s.span.start <= m.span.start and m.span.end <= s.span.end]
        out.append(a)
    return out


def figure(text: str, words: str, side: str | None, best: int = 3) -> Figure:
    start = text.index(words)
    return Figure("killed", best, best, best, Span.of(text, start, start + len(words)), words, side)


def roles(text: str, actors: ActorDictionary, figures: list[Figure] | None = None) -> tuple[str | None, ...]:
    a1, a2, assoc = pick_actors(members(text, actors), figures or [])
    return (a1.name if a1 else None, a2.name if a2 else None, *(a.name for a in assoc))


def test_roles_seed_sentence_isis_acted_on_regime_soldiers(actors: ActorDictionary) -> None:
    text = (
        "SOHR activists say that 12 regime soldiers were killed and injured, as a military bus was targeted by "
        "ISIS members in al-Shula desert."
    )
    victims = figure(text, "12 regime soldiers were killed and injured", "government", 12)
    assert roles(text, actors, [victims])[:2] == ("Islamic State", "Military Forces of Syria")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regime forces shelled positions of Hayat Tahrir al-Sham near Saraqib.",
            ("Military Forces of Syria", "Hay'at Tahrir al-Sham"),
        ),
        ("ISIS members attacked SDF positions near Hajin.", ("Islamic State", "Syrian Democratic Forces")),
        ("A military convoy was ambushed by Taliban fighters in Helmand.", ("Taliban", None)),
        ("Turkish warplanes struck PKK hideouts in the mountains.", ("Military Forces of Turkey", "PKK")),
        (
            "Clashes broke out between the SDF and ISIS near the dam.",
            ("Syrian Democratic Forces", "Islamic State"),
        ),
        (
            "Members of the Free Idlib Army attacked regime forces at dawn.",
            ("Free Idlib Army", "Military Forces of Syria"),
        ),
    ],
)
def test_roles_agent_and_target(
    actors: ActorDictionary, text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(text, actors)[:2] == expected


def test_roles_unknown_group_is_kept_raw(actors: ActorDictionary) -> None:
    a1, _, _ = pick_actors(members("Members of the Free Idlib Army attacked regime forces.", actors), [])
    assert a1 is not None and not a1.known and a1.raw == "Members of the Free Idlib Army"


def test_roles_others_named_are_associated(actors: ActorDictionary) -> None:
    text = "Regime forces backed by Russian warplanes attacked ISIS positions near Palmyra."
    a1, a2, assoc = pick_actors(members(text, actors), [])
    names = {x.name for x in (a1, a2, *assoc) if x}
    assert {"Military Forces of Syria", "Military Forces of Russia", "Islamic State"} <= names
    assert a2 is not None and a2.name == "Islamic State"
    assert len(names) == 2 + len(assoc)  # each actor once


def test_roles_civilian_victims_are_the_target(actors: ActorDictionary) -> None:
    text = "A car bomb killed five people in the market of Azaz."
    a1, a2, _ = pick_actors(members(text, actors), [figure(text, "five people", "civilians", 5)])
    assert a1 is None
    assert a2 is not None and (a2.name, a2.inter, a2.side) == ("Civilians", 7, "civilians")
    assert a2.span is not None and text[a2.span.start : a2.span.end] == a2.span.text


def test_roles_victim_named_in_the_figure_is_never_the_agent(actors: ActorDictionary) -> None:
    text = "Five regime soldiers were killed when ISIS attacked their checkpoint."
    got = roles(text, actors, [figure(text, "Five regime soldiers were killed", "government", 5)])
    assert got[:2] == ("Islamic State", "Military Forces of Syria")


def test_roles_subject_of_an_active_verb_acts_even_inside_a_misread_figure(actors: ActorDictionary) -> None:
    text = "Regime forces captured the village after heavy fighting."
    misread = figure(text, "Regime forces captured", "government", 2)
    assert roles(text, actors, [misread])[0] == "Military Forces of Syria"


def test_roles_nothing_named(actors: ActorDictionary) -> None:
    assert pick_actors(members("Heavy fighting was reported overnight.", actors), []) == (None, None, ())


def test_roles_keep_actor_records(actors: ActorDictionary) -> None:
    a1, _, _ = pick_actors(members("ISIS members attacked SDF positions.", actors), [])
    assert isinstance(a1, Actor) and a1.inter == 2 and a1.side == "islamic-state"


def test_roles_others_also_killed_are_not_the_side_acted_on(actors: ActorDictionary) -> None:
    """ "4 militants were also killed" counts the attackers' own dead, besides the incident's victims: the side
    the ambush hit is the convoy of the first sentence, not the militants."""
    text = (
        "Islamic State militants ambushed a Syrian army convoy on Sunday in the desert of Raqqa province. "
        "A monitoring group put the toll at 14 soldiers and said 4 militants were also killed in the fighting."
    )
    plain = figure(text, "4 militants were also killed", None, 4)
    also = replace(plain, flags=("additional",))
    assert roles(text, actors, [also])[:2] == ("Islamic State", "Military Forces of Syria")
    # counted as the incident's victims (no "also"), the militants would be the side acted on
    assert roles(text, actors, [plain])[1] != "Military Forces of Syria"


def test_roles_victims_of_no_side_belong_to_the_target_named(actors: ActorDictionary) -> None:
    text = "Iraqi warplanes carried out 4 air strikes on Islamic State hideouts in the Hamrin mountains, killing 6 militants."
    killed = figure(text, "6 militants", None, 6)
    assert roles(text, actors, [killed])[:2] == ("Military Forces of Iraq", "Islamic State")
    # victims of a side named stay the side acted on, whatever target the sentence marks
    text = "Militants attacked a checkpoint on the Kirkuk road, killing 3 Iraqi soldiers."
    soldiers = figure(text, "3 Iraqi soldiers", "government", 3)
    assert roles(text, actors, [soldiers])[1] == "Military Forces of Iraq"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the backer qualifies the forces it backs: neither the one who acted nor the one acted on
        (
            "Yesterday, SDF forces backed by the US-led International Coalition raided houses in al-Shuhail town "
            "and arrested four persons suspected of belonging to ISIS cells.",
            ("Syrian Democratic Forces", "Islamic State"),
        ),
        # ... set off by commas, "by" the backer is no passive's agent
        (
            "SDF, backed by the international coalition, launched a security campaign in Dhiban, arresting six "
            "people accused of belonging to ISIS cells.",
            ("Syrian Democratic Forces", "Islamic State"),
        ),
        # ... and so does the acronym in brackets after the attackers' name
        (
            "Local media said on Sunday that the Israel Defense Forces (IDF) allegedly have struck the military base "
            "of the National Defense Forces (NDF) in the Golan Heights, killing three fighters.",
            ("Military Forces of Israel", "National Defence Forces"),
        ),
        # how the attackers came stands between them and their verb
        (
            "Elsewhere, unidentified gunmen on a motorcycle shot dead a young man in al-Hawayij village.",
            ("Unidentified armed group", "Civilians"),
        ),
    ],
)
def test_roles_backers_and_how_attackers_came(
    text: str, expected: tuple[str | None, str | None], actors: ActorDictionary
) -> None:
    assert roles(text, actors)[:2] == expected


def test_roles_the_first_of_joined_attackers_leads(actors: ActorDictionary) -> None:
    text = (
        "On 8 August, shelling reportedly originating from areas under the control of Turkish forces and "
        "affiliated armed groups hit Umm al-Kayf village, resulting in six civilian casualties."
    )
    assert roles(text, actors)[0] == "Military Forces of Turkey"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Elsewhere, Turkish forces and their proxy factions fired more than 25 artillery shells on al-Muhsinli "
            "village, where the SDF-affiliated Manbij Military Council is deployed.",
            ("Military Forces of Turkey", "Manbij Military Council"),
        ),
        (
            "Four fighters were killed and wounded last night in clashes between two Turkish-backed factions, the "
            "Sultan Murad Division and al-Jabha al-Shamiya, in Qabasin town.",
            ("Sultan Murad Division", "Levant Front"),
        ),
        (
            "On the ground, violent clashes are ongoing between regime forces, spearheaded by Division 25, on one "
            "side, and Hayat Tahrir al-Sham on the other, on the outskirts of Jarjanaz.",
            ("Military Forces of Syria", "Hay'at Tahrir al-Sham"),
        ),
    ],
)
def test_roles_sides_told_at_length(text: str, expected: tuple[str, str], actors: ActorDictionary) -> None:
    assert roles(text, actors)[:2] == expected


def test_roles_both_sides_of_a_fight_whose_dead_are_counted(actors: ActorDictionary) -> None:
    text = (
        "Violent clashes are ongoing between regime forces, spearheaded by Division 25, on one side, and Hayat "
        "Tahrir al-Sham on the other, killing 42 regime soldiers."
    )
    dead = figure(text, "42 regime soldiers", "government", 42)
    assert roles(text, actors, [dead])[:2] == ("Military Forces of Syria", "Hay'at Tahrir al-Sham")


def test_roles_the_residents_who_protest_are_the_crowd_not_its_target(actors: ActorDictionary) -> None:
    text = (
        "Yesterday, hundreds of residents of al-Bab took to the streets in a protest against the rise in "
        "electricity prices. The protesters dispersed peacefully in the evening."
    )
    annotated = members(text, actors)
    for a in annotated:
        a.typed = classify(text, [a.sentence.span])
    actor1, actor2, _ = pick_actors(annotated, [])
    assert (actor1.name if actor1 else None, actor2) == ("Protesters", None)


def test_roles_co_agents_joined_by_and_are_not_the_side_acted_on(actors: ActorDictionary) -> None:
    text = "The number of airstrikes carried out by Russian and regime warplanes on southern Idlib has risen to 73."
    actor1, actor2, assoc = pick_actors(members(text, actors), [])
    assert (actor1.name if actor1 else None, actor2) == ("Military Forces of Russia", None)
    assert [a.name for a in assoc] == ["Syrian Arab Air Force"]


def test_roles_whose_attacks_killed_is_no_victim(actors: ActorDictionary) -> None:
    text = (
        "This brings to 97 the number of people killed in regime and Russian attacks on the de-escalation zone "
        "since the start of June."
    )
    counted = figure(
        text, "people killed in regime and Russian attacks on the de-escalation zone", "civilians", 97
    )
    assert roles(text, actors, [counted])[:2] == ("Military Forces of Syria", "Civilians")


@pytest.mark.parametrize(
    ("text", "country", "actor2"),
    [
        # victims named only as soldiers or policemen: the state forces of the country the incident is in
        (
            "Gunmen killed three soldiers at a checkpoint in Daraa countryside.",
            "Syria",
            "Military Forces of Syria",
        ),
        ("Two policemen were wounded by a bomb in Daraa city.", "Syria", "Police Forces of Syria"),
        ("Militants ambushed a patrol near Kirkuk, killing two soldiers.", "Iraq", "Military Forces of Iraq"),
        (
            "A roadside bomb struck a police vehicle near Tikrit, killing two policemen.",
            "Iraq",
            "Police Forces of Iraq",
        ),
        # ... not where the dictionary has no such force (Jordan's police), nor civilians
        ("A roadside bomb struck a police vehicle near Irbid, killing two policemen.", "Jordan", None),
        ("Gunmen killed three farmers in Daraa countryside.", "Syria", "Civilians"),
    ],
)
def test_roles_soldiers_of_no_side_are_the_countrys_forces(
    text: str, country: str, actor2: str | None
) -> None:
    (event,) = [e for e in extract(Document.from_text(text, country=country)) if e.kind == "incident"]
    assert (event.actor2.name if event.actor2 else None) == actor2
    if actor2 and "Forces" in actor2:
        assert any(ev.field == "actor2" for ev in event.evidence)  # the words that name the victims
