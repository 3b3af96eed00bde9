"""Roles in headlines and short reports: the subject that opens a headline acts, the owner of a named weapon acts,
an actor that suffered does not; the kind of event names the crowd of a protest or riot and the civilians of
violence against civilians when the words do not. Phrases written for these tests."""

from __future__ import annotations

import pytest

from marsad.actors import ActorDictionary, load_dictionary
from marsad.extract.assemble import Annotated
from marsad.extract.roles import pick_actors
from marsad.extract.segment import sentences
from marsad.extract.typing import classify
from marsad.records import Figure, Span


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def members(text: str, actors: ActorDictionary) -> list[Annotated]:
    """The sentences of ``text`` as the stages leave them: mentions found with a Syrian country hint, each
    sentence typed."""
    mentions = actors.find(text, country="Syria")
    out = []
    for s in sentences(text):
        a = Annotated(s)
        a.actors = [m for m in mentions if s.span.start <= m.span.start and m.span.end <= s.span.end]
        a.typed = classify(text, [s.span])
        out.append(a)
    return out


def roles(text: str, actors: ActorDictionary, figures: list[Figure] | None = None) -> tuple[str | None, ...]:
    a1, a2, assoc = pick_actors(members(text, actors), figures or [])
    return (a1.name if a1 else None, a2.name if a2 else None, *(a.name for a in assoc))


def killed(text: str, words: str, side: str | None, best: int) -> Figure:
    start = text.index(words)
    return Figure("killed", best, best, best, Span.of(text, start, start + len(words)), words, side)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a headline acted, whatever the verb
        ("Regime forces reach the outskirts of Tadmur", ("Military Forces of Syria", None)),
        ("The “Islamic State” detonates a booby-trapped vehicle west of Deir Ezzor", ("Islamic State", None)),
        ("Regime forces continue shelling neighbourhoods of Aleppo", ("Military Forces of Syria", None)),
        ("Regime’s helicopters drop barrel bombs on Darayya", ("Syrian Arab Air Force", None)),
        # but not when the words after it tell what it suffered
        ("ISIS loses members in fighting near Palmyra", (None, "Islamic State")),
        ("A Russian warplane crashed near Hmeimim", (None, "Military Forces of Russia")),
    ],
)
def test_roles_headline_subject_acts(
    actors: ActorDictionary, text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(text, actors)[:2] == expected


def test_roles_owner_of_the_weapon_acts(actors: ActorDictionary) -> None:
    text = "Seven ISIS members were killed in Russian airstrikes near Deir Ezzor"
    victims = killed(text, "Seven ISIS members were killed", "islamic-state", 7)
    assert roles(text, actors, [victims])[:2] == ("Military Forces of Russia", "Islamic State")


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # violence against civilians with no victim named as an actor: ACLED's actor2 is the civilians
        ("Militants executed two men in the town square", "Unidentified armed group", "Civilians"),
        ("Executing two men by gunshot in a square of Idlib city", None, "Civilians"),
        ("The Islamic State stoned a woman to death in Mayadin", "Islamic State", "Civilians"),
        # protests and riots: the crowd is actor1; people named among them stay associated
        ("Hundreds of students protested in Daraa against the arrests", "Protesters", None),
        ("Rioters set fire to tyres in the city centre", "Rioters", None),
        # excessive force: the protesters were acted on, never the agent
        ("Police fired live ammunition at protesters, killing three", None, "Protesters"),
    ],
)
def test_roles_the_kind_of_event_names_its_actors(
    actors: ActorDictionary, text: str, actor1: str | None, actor2: str | None
) -> None:
    a1, a2, assoc = pick_actors(members(text, actors), [])
    assert (a1.name if a1 else None, a2.name if a2 else None) == (actor1, actor2)
    for actor in (a1, a2):
        if actor is not None and actor.span is not None:
            assert text[actor.span.start : actor.span.end] == actor.span.text  # evidence points into the text
    if actor1 == "Protesters" and "students" in text:
        assert "Civilians" in {a.name for a in assoc}


def test_roles_clash_names_no_civilians(actors: ActorDictionary) -> None:
    a1, a2, _ = pick_actors(members("Clashes broke out between the SDF and ISIS near the dam", actors), [])
    assert (a1 and a1.name, a2 and a2.name) == ("Syrian Democratic Forces", "Islamic State")


@pytest.mark.parametrize(
    "text",
    [
        "“" * 5_000 + " ISIS " + "killed " * 700,
        "ISIS" + " " * 10_000 + "x",
        "Regime forces " + "continue " * 1_200 + "shelling",
        "ISIS members " + "were " * 2_000 + "killed",
    ],
)
def test_roles_adversarial_sentences_finish_quickly(actors: ActorDictionary, text: str) -> None:
    import time

    began = time.perf_counter()
    pick_actors(members(text, actors), [])
    assert time.perf_counter() - began < 2.0
