"""Typing and actors of the coalitions that fight from the air, massacres told with their weapon, and territory that
changes hands after a withdrawal. Sentences written for these tests in the style of SOHR, Airwars and wire reports
(not taken from any gold set)."""

from __future__ import annotations

import pytest

from marsad.actors import ActorDictionary, load_dictionary
from marsad.extract.segment import sentences
from marsad.extract.typing import classify


def sub(text: str) -> str | None:
    typed = classify(text, [s.span for s in sentences(text)])
    return None if typed is None else typed.sub_event_type


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


# The US-led coalition (Syria, Iraq) and the Saudi-led one (Yemen) strike from the air: their acts with no weapon
# named, and their "strikes" and "bombing", are air strikes.
@pytest.mark.parametrize(
    "text",
    [
        "The coalition kills a family of seven in the eastern countryside of Deir Ezzor.",
        "Coalition strikes kill 11 members of the Islamic State near al-Bukamal.",
        "International coalition strikes target the city as clashes continue in its countryside.",
        "An ISIS commander was killed in the coalition's bombing of his car.",
        "Nine people were killed by the coalition in the southern countryside of Hasakah.",
        "The coalition again targets the outskirts of al-Mayadeen.",
        "The Saudi-led coalition killed 14 civilians in Saada province, Yemen.",
    ],
)
def test_typing_coalition_acts_from_the_air(text: str) -> None:
    assert sub(text) == "Air/drone strike"


# Their ground troops are named as such, and keep the type their act has.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coalition forces killed two insurgents during a raid in Helmand province.", "Armed clash"),
        ("Coalition troops clashed with militants near the base.", "Armed clash"),
        ("Coalition forces shelled the village with artillery.", "Shelling/artillery/missile attack"),
    ],
)
def test_typing_coalition_ground_forces_keep_their_type(text: str, expected: str) -> None:
    assert sub(text) == expected


# A massacre tells how many died; the weapon that did it is the event.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A new massacre by warplanes in the town of al-Atarib kills 14 civilians.", "Air/drone strike"),
        (
            "The regime forces commit a massacre with artillery shells on the market of Douma.",
            "Shelling/artillery/missile attack",
        ),
        ("Gunmen committed a massacre in the village, killing twelve farmers.", "Attack"),
        ("ISIS executes four men in the city square.", "Attack"),
    ],
)
def test_typing_massacre_is_typed_by_its_weapon(text: str, expected: str) -> None:
    assert sub(text) == expected


# A side that takes over what the other left, with no fight told, is a non-violent transfer whatever its verb; a
# fight told beside the withdrawal makes it a battle won.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regime forces regain control of the town after Hay'at Tahrir al-Sham withdraws from it.",
            "Non-violent transfer of territory",
        ),
        (
            "Rebel fighters seized the crossing after government troops pulled out of it.",
            "Non-violent transfer of territory",
        ),
        (
            "The army regained control of the district after the militants retreated. Troops had stormed it at dawn.",
            "Government regains territory",
        ),
        (
            "Rebels took control of the hill after regime forces withdrew following heavy fighting.",
            "Non-state actor overtakes territory",
        ),
        (
            "The militants took over the town after the soldiers withdrew without resistance or firing a single "
            "bullet.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_typing_territory_after_a_withdrawal(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army said control was established over the hills west of the city after heavy clashes.",
        "The army said full control has been imposed on the town.",
    ],
)
def test_typing_control_told_in_the_passive_is_territory(text: str) -> None:
    """ "control was established over": territory taken, not a group formed ("a new brigade was established")."""
    assert sub(text) == "Government regains territory"
    assert sub("A new brigade was established in Idlib.") == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "Coalition airstrikes kill 8 IS members in al-Raqqa.",
            "Coalition airstrikes",
            "International coalition against IS",
        ),
        ("The coalition kills a family in Manbij.", "The coalition", "International coalition against IS"),
        (
            "Houthi fighters said the coalition struck a market in Saada, Yemen.",
            "the coalition",
            "Saudi-led coalition",
        ),
    ],
)
def test_actors_coalition_named_by_its_strikes(
    actors: ActorDictionary, text: str, span: str, name: str
) -> None:
    found = {m.span.text: m.actor.name for m in actors.find(text)}
    assert found.get(span) == name


# "coalition" in politics, or as the start of a longer name, is not the alliance at war
@pytest.mark.parametrize(
    "text",
    [
        "The coalition government collapsed after the vote.",
        "The Coalition of Patriots for Change said its fighters were ready.",
        "The coalition partners met in the capital on Monday.",
    ],
)
def test_actors_political_coalitions_are_not_the_war_coalitions(actors: ActorDictionary, text: str) -> None:
    names = [m.actor.name for m in actors.find(text)]
    assert "International coalition against IS" not in names
    assert "Saudi-led coalition" not in names
