"""Typing of monitor-style headlines and short reports (SOHR's English, wire stories): harm told without its kind is
still an incident, and the vocabulary of war reports from Syria types what it names. The phrases are written for
these tests, in the style of such reports, not taken from any gold set."""

from __future__ import annotations

import pytest

from marsad.extract.segment import sentences
from marsad.extract.typing import NONE, Typed, classify


def typed(text: str) -> Typed | None:
    return classify(text, [s.span for s in sentences(text)])


@pytest.mark.parametrize(
    "text",
    [
        "Human losses in the eastern countryside of Homs",
        "Casualties reported in two towns of the Idlib countryside",
        "Martyrs and wounded in the town of Kafr Nabl",
        "A young man found dead on the outskirts of Manbij",
        "Corpses recovered from a well near Raqqa",
        "Tension in Azaz after the killing of a shopkeeper",
    ],
)
def test_typing_harm_without_its_kind_is_an_untyped_incident(text: str) -> None:
    t = typed(text)
    assert t is not None, "people were harmed: an incident, even of unknown type"
    assert (t.event_type, t.sub_event_type) == (None, None)
    assert t.span.text.lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "The governing bodies of the federation met in Geneva",
        "Traders counted their economic losses after the market closed",
        "Aid convoys delivered flour to the besieged town",
    ],
)
def test_typing_no_harm_no_incident(text: str) -> None:
    assert typed(text) is None


def test_typing_fallen_fighters_told_alone_are_a_clash() -> None:
    # ACLED codes deaths of fighters with nothing more said as a battle
    t = typed("Three fighters mourned in Kobani after the battle")
    assert t is not None and t.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mine in a war report is a landmine; a coal mine's blast is an industrial disaster
        ("Two shepherds killed in a mine explosion in the Hama desert", "Remote explosive/landmine/IED"),
        (
            "Casualties in a mine explosion and shelling on the countryside of Daraa",
            "Remote explosive/landmine/IED",
        ),
        ("Twelve miners trapped after a coal mine explosion in the north of the province", NONE),
        # punishments and killings of one person by armed groups: violence against civilians
        ("Militants stoned a woman to death in the main square of the town", "Attack"),
        ("The group flogged two young men accused of smoking", "Attack"),
        ("Gunmen threw a man from the roof of the hospital", "Attack"),
        ("Unknown gunmen tried to assassinate a local council member in Daraa", "Attack"),
        ("An assassination attempt targeted a judge in Idlib city", "Attack"),
        # a quoted charge, and a reaction told before an ellipsis, end their clause: the act after them counts
        ("On charge of “apostasy” the organization executes a man in al-Bukamal", "Attack"),
        ("In response to the arrest of its members... the group beheads two prisoners", "Attack"),
        # battles: fighting within a camp, failed and renewed advances, advances that reach a town's edge
        ("Infighting between two rebel factions in the northern countryside", "Armed clash"),
        ("Regime forces renew their attempts to advance on the hill", "Armed clash"),
        ("Government troops reached the outskirts of the town on Friday", "Armed clash"),
        # "violent clashes" in a war report are a battle; with protesters they are a violent demonstration
        ("Violent clashes renewed in the mountains of Latakia", "Armed clash"),
        (
            "Violent clashes broke out between protesters and the police in the capital",
            "Violent demonstration",
        ),
        # air strikes: drones that kill, aircraft that drop barrels or cluster munitions
        ("A drone kills two men riding a motorcycle near Sarmada", "Air/drone strike"),
        ("Helicopters dropped dozens of explosive barrels on the western countryside", "Air/drone strike"),
        ("Warplanes poured cluster munitions over the southern suburbs", "Air/drone strike"),
        # fire named by who fired it is violence of its own, not harm of unknown kind
        ("Two soldiers were killed by sniper fire at a checkpoint", "Armed clash"),
        # a crowd that beats or kills someone is a mob, not a protest
        ("A crowd beat a suspected thief to death in the market", "Mob violence"),
        # a truce broken is violence, not an agreement; a truce signed is one
        ("More violations of the truce in the south of the country wound two children", "Attack"),
        ("The two sides signed a ceasefire agreement in the capital", "Agreement"),
        # an aircraft that crashed is an accident, not a strike
        ("A military helicopter crashed near the airbase, killing its crew", NONE),
        # territory: expelled from a place, an end to a group's presence, more villages controlled
        (
            "Rebels expelled regime forces and allied militias from the hill",
            "Non-state actor overtakes territory",
        ),
        (
            "The army ended the presence of the militants in the eastern desert",
            "Government regains territory",
        ),
        ("The rebels seize parts of Raqqa", "Non-state actor overtakes territory"),  # "parts of" a place
        (
            "The Syria Democratic Forces control the southern part of the al-Hazwanah",
            "Non-state actor overtakes territory",
        ),
        # an infiltration or an advance thwarted is fighting; a foiled bomb plot is disrupted weapons use
        ("Regime forces thwart an infiltration attempt by HTS on Kabani axis", "Armed clash"),
        ("Police thwarted a bomb plot in the city", "Disrupted weapons use"),
        # a committee named for reconciliation is who was hit, not an agreement
        (
            "Unknown gunmen shoot dead a member of the 'reconciliation committees' in Tafas city",
            "Attack",
        ),
        ("Regime and rebels reach a reconciliation deal in Daraa", "Agreement"),
        ("Turkish Army fires at civilians trying to cross the border and kills 2 of them", "Attack"),
        # forces a foreign state backs are no state forces
        ("U.S.-backed Syrian forces seize parts of Raqqa", "Non-state actor overtakes territory"),
        ("Syria: Improvised Mines Kill, Injure Hundreds in Manbij", "Remote explosive/landmine/IED"),
        # an attempt to take a place is fighting for it, told as the attempt
        (
            "Regime forces continue attempts to complete control of Hosh Nasri in Eastern Ghouta",
            "Armed clash",
        ),
    ],
)
def test_typing_war_report_vocabulary(text: str, expected: str) -> None:
    t = typed(text)
    assert t is not None and t.sub_event_type == expected, t


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men suspected of smuggling cigarettes across the border",
        "A fire broke out in a textile factory, killing three workers",
        "Floods killed four people in the north of the country",
        "The foreign minister condemned the killing of the journalist",
    ],
)
def test_typing_harm_in_crime_disasters_and_statements_stays_none(text: str) -> None:
    t = typed(text)
    assert t is not None and t.event_type == NONE, t


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of the aftermath (rescue, evacuation, warnings) tell nothing of the cause: the attack stays an attack
        ("Emergency services said four people were killed when gunmen opened fire on a bus", "Attack"),
        ("Militants attacked a checkpoint; the wounded were airlifted to the capital", "Armed clash"),
        (
            "Residents were told to shelter in place after rockets hit the city",
            "Shelling/artillery/missile attack",
        ),
        # an explosion of goods stored in a warehouse or a port is an industrial disaster
        ("A huge blast tore through the port, apparently caused by chemicals stored in a warehouse", NONE),
    ],
)
def test_typing_aftermath_words_do_not_make_a_disaster(text: str, expected: str) -> None:
    t = typed(text)
    assert t is not None and t.sub_event_type == expected, t
