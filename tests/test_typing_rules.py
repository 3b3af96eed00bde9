"""Event typing rules: ACLED sub-event types of report-style sentences, written for these tests (not taken from
any gold set), one table per decision the rules make."""

from __future__ import annotations

import pytest

from marsad.extract.segment import sentences
from marsad.extract.typing import NONE, Typed, classify, disorder_type, type_of_violence
from marsad.records import Actor


def typed(text: str) -> Typed | None:
    """The type of ``text`` read as one event (all its sentences)."""
    return classify(text, [s.span for s in sentences(text)])


def sub(text: str) -> str | None:
    t = typed(text)
    return None if t is None else t.sub_event_type


# One plain report per sub-event type: the cue words the issue names and their usual company.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government warplanes carried out airstrikes on the town, killing four people.", "Air/drone strike"),
        ("A drone strike hit a car carrying two militants near the border.", "Air/drone strike"),
        (
            "Regime forces shelled the village with artillery and mortars overnight.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Rockets fired from the south landed in a residential district.",
            "Shelling/artillery/missile attack",
        ),
        (
            "A roadside bomb exploded as a military convoy passed, wounding three soldiers.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Two children were killed when they stepped on a landmine near their home.",
            "Remote explosive/landmine/IED",
        ),
        # mines named as what killed, no explosion word ("Mines of ISIS kill 25 displaced citizens")
        ("Mines of ISIS kill 25 displaced citizens during their escape.", "Remote explosive/landmine/IED"),
        ("Mines planted by the militants killed three shepherds.", "Remote explosive/landmine/IED"),
        # the side whose prison it was is no one fought: a death under torture is an attack
        ("A young man from Daraa died under torture in regime prisons.", "Attack"),
        ("A suicide bomber blew himself up at a checkpoint, killing six policemen.", "Suicide bomb"),
        ("Unknown men threw a grenade into a crowded cafe on Friday.", "Grenade"),
        (
            "Residents reported symptoms after a chlorine gas attack on the eastern suburbs.",
            "Chemical weapon",
        ),
        (
            "Clashes broke out between government troops and rebels on the outskirts of the city.",
            "Armed clash",
        ),
        (
            "The army recaptured the town from the militants after a week of fighting.",
            "Government regains territory",
        ),
        (
            "Insurgents seized control of the district headquarters on Sunday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Rebels took over the village after government troops withdrew without a fight.",
            "Non-violent transfer of territory",
        ),
        ("Gunmen stormed a village and shot dead eleven civilians.", "Attack"),
        (
            "Militants abducted 30 students from a boarding school overnight.",
            "Abduction/forced disappearance",
        ),
        ("Soldiers raped two women during a raid on the village, a rights group said.", "Sexual violence"),
        (
            "Thousands of people marched through the capital to demand the release of political prisoners.",
            "Peaceful protest",
        ),
        (
            "Police fired tear gas and water cannon to disperse protesters outside parliament.",
            "Protest with intervention",
        ),
        (
            "Security forces opened fire on demonstrators, killing at least nine protesters.",
            "Excessive force against protesters",
        ),
        (
            "Protesters threw stones at police and set fire to tyres in the main square.",
            "Violent demonstration",
        ),
        ("An angry mob lynched a man accused of stealing a motorcycle.", "Mob violence"),
        ("Police arrested the opposition leader at his home on Tuesday.", "Arrests"),
        ("The two sides signed a ceasefire agreement in the capital on Monday.", "Agreement"),
        ("Turkish forces established a new military base near the town.", "Headquarters or base established"),
        ("Dozens of fighters defected from the group and joined the army.", "Change to group/activity"),
        ("The regime forces evacuated the town of Tadef before dawn.", "Change to group/activity"),
        # a convoy evacuating residents is no force giving up ground: the blast is the event
        (
            "A blast hit a bus convoy evacuating residents of the besieged towns of Fua and Kefraya, killing 20.",
            "Remote explosive/landmine/IED",
        ),
        ("Army engineers defused a bomb planted near the bridge.", "Disrupted weapons use"),
        (
            "Police seized a large cache of weapons and ammunition in a raid on a farm.",
            "Disrupted weapons use",
        ),
        ("Air defences intercepted two missiles over the capital.", "Disrupted weapons use"),
        ("Militiamen looted shops and burned houses in the village.", "Looting/property destruction"),
        ("Some 5,000 people have fled their homes because of the attacks, aid agencies said.", "Other"),
    ],
)
def test_typing_each_sub_event_type(text: str, expected: str) -> None:
    assert sub(text) == expected


# Not conflict events: say none rather than force a type.
@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake struck the region, killing at least 40 people.",
        "Flash floods swept away houses in three districts after days of torrential rain.",
        "Twelve people died when a bus collided with a truck on the highway.",
        "A gas leak at a chemical plant sent dozens of workers to hospital.",
        "A fire broke out at a fireworks warehouse, killing five workers.",
        "Police arrested four men suspected of smuggling cocaine through the port.",
        "The country expelled three diplomats and imposed new sanctions on the regime.",
        "The foreign minister condemned the shelling of the city and urged restraint.",
        "The Islamic State claimed responsibility for the car bomb that killed eight people.",
        "The group's spokesman denied any involvement in the attack on the convoy.",
    ],
)
def test_typing_non_events_are_none(text: str) -> None:
    t = typed(text)
    assert t is not None and t.sub_event_type == NONE and t.event_type == NONE


def test_typing_no_cue_no_type() -> None:
    assert typed("The committee met on Tuesday to discuss the budget.") is None


# Who acts decides territory: state forces regain, anyone else overtakes, whatever the verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government forces captured the airport from the rebels.", "Government regains territory"),
        (
            "Al Shabaab militants recaptured the coastal town from government forces.",
            "Non-state actor overtakes territory",
        ),
        (
            "Security forces freed several villages from Islamic State militants.",
            "Government regains territory",
        ),
        ("The town was captured by rebels after heavy fighting.", "Non-state actor overtakes territory"),
        ("The army units took control of the hill after fierce clashes.", "Government regains territory"),
        # a province entered: "the administrative borders of Deir Ezzor province"
        ("SDF enters administrative borders of Deir Ezzor province", "Non-state actor overtakes territory"),
    ],
)
def test_typing_territory_by_who_acts(text: str, expected: str) -> None:
    assert sub(text) == expected


# Attack on civilians vs armed clash: the target decides.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a wedding party, killing twelve guests.", "Attack"),
        ("Gunmen attacked a police checkpoint on the main road.", "Armed clash"),
        ("Militants ambushed an army patrol near the village.", "Armed clash"),
        ("The army killed and wounded scores of terrorists in the province.", "Armed clash"),
        ("Assailants opened fire on worshippers leaving the mosque.", "Attack"),
    ],
)
def test_typing_attack_or_clash_by_target(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An attack on the village left several dead.",
        # no event word, and the victims named by no word of a kind: the civilians counted say it
        "Islamic State gunmen killed four shepherds in the Hamrin mountains.",
    ],
)
def test_typing_victims_civilian_make_an_attack(text: str) -> None:
    spans = [s.span for s in sentences(text)]
    t = classify(text, spans, victims_civilian=True)
    assert t is not None and t.sub_event_type == "Attack"


# Background clauses tell of another event: their cues do not type the sentence's own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Protesters gathered outside the ministry following the arrest of the activist.",
            "Peaceful protest",
        ),
        (
            "The army deployed troops to the city in anticipation of more demonstrations.",
            "Change to group/activity",
        ),
        (
            "Six people were killed after security forces opened fire on protesters.",
            "Excessive force against protesters",
        ),
        ("The peace talks began despite air strikes on rebel areas.", "Agreement"),
        ("Police detained 60 men suspected of plotting attacks during the holiday.", "Arrests"),
    ],
)
def test_typing_background_clauses(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the disaster a weapon caused, with harm told, is the weapon's attack
        (
            "A fire broke out near the camp after a shell fell nearby, killing a woman.",
            "Shelling/artillery/missile attack",
        ),
        ("A fire broke out in a factory after an electrical fault, killing a worker.", NONE),
    ],
)
def test_typing_a_disaster_a_weapon_caused(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_a_weapons_name_is_a_whole_word() -> None:
    """ "found dead with gunshot wounds" found no guns: a man shot, an attack on a civilian."""
    text = "A young man was found dead with gunshot wounds near Nawa."
    t = classify(text, [s.span for s in sentences(text)], victims_civilian=True)
    assert t is not None and t.sub_event_type == "Attack"


def test_typing_negated_cues_do_not_count() -> None:
    assert sub("Shops were looted overnight; no arrests have been made.") == "Looting/property destruction"


# Seized, found, defused: a disrupted attack, unless the bomb went off.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Explosive devices were found near the school and defused by the army.", "Disrupted weapons use"),
        (
            "Soldiers found three landmines on the road, and a fourth exploded under a tractor, killing a farmer.",
            "Remote explosive/landmine/IED",
        ),
        ("Turkish jets destroyed weapon depots used by the militants.", "Air/drone strike"),
        ("Police found a cache with guns and ammunition.", "Disrupted weapons use"),
        # an arms depot that blows up is the armed side's weapons, not an industrial accident
        ("40 Syrians die in ammo depot blast.", "Disrupted weapons use"),
        # people hurt: no disruption, whatever was destroyed besides
        (
            "The army said control was established over the hills. Army units carried out bombardments killing 48 "
            "terrorists and destroying a tank and 6 machinegun-equipped vehicles.",
            "Government regains territory",
        ),
    ],
)
def test_typing_disrupted_weapons(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_later_sentence_sharpens_a_vague_lead() -> None:
    text = "Coordinated attacks hit several towns on Friday night. Most of the attacks were carried out with grenades."
    assert sub(text) == "Grenade"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what killed is the event, not the deployment the sentence opens with
        (
            "Regime forces brought reinforcements to the desert, where ISIS cells attacked them and killed 5 soldiers.",
            "Armed clash",
        ),
        (
            "The army sent reinforcements to the town after militants shelled it, killing 3.",
            "Shelling/artillery/missile attack",
        ),
        # no harm told: the deployment stays the event
        (
            "Regime forces brought reinforcements to the desert, where ISIS cells attacked them.",
            "Change to group/activity",
        ),
    ],
)
def test_typing_a_deployments_sentence_that_tells_harm(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_statement_then_violence_is_the_violence() -> None:
    text = "The governor condemned the escalation. Regime shelling killed five civilians in the town."
    assert sub(text) == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline joins a second report to a statement: the report is the event
        (
            "Villagers accuse the militia of burning their fields and renewed shelling hits the town",
            "Shelling/artillery/missile attack",
        ),
        # what they accuse someone of, however many acts it lists, is no event of the report
        ("Residents accused the regime of shelling the town and killing 5 civilians", NONE),
    ],
)
def test_typing_statement_and_another_report_in_one_sentence(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(
    ("text", "air"),
    [
        # monitors of the Syrian war write "raids" for air raids: raids on or targeting a place
        ("Raids target the countryside of Aleppo and cause casualties", True),
        ("Seven people were killed in raids on Kafr Takharim further north in the province", True),
        # police and troops raid homes and compounds; a series of raids alone says no more than that
        ("Police carried out raids on homes in the district and detained two suspects", False),
        ("Israeli forces detained dozens of Palestinians in a series of raids across the West Bank", False),
    ],
)
def test_typing_raids_on_a_place_are_air_raids(text: str, air: bool) -> None:
    assert (sub(text) == "Air/drone strike") is air, sub(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bombing of places is a bombardment; of a bus, a bomb set off
        (
            "Wounded in bombing of the Daraa countryside and clashes near As-Suwayda",
            "Shelling/artillery/missile attack",
        ),
        ("Heavy bombing targets the eastern neighbourhoods of the city", "Shelling/artillery/missile attack"),
        ("A bombing of a bus killed five passengers", "Remote explosive/landmine/IED"),
        ("Three were killed in the aerial bombing on the village", "Air/drone strike"),
    ],
)
def test_typing_bombing_of_places_is_a_bombardment(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_evidence_span_points_into_the_text() -> None:
    text = "In the north, clashes erupted between the two factions."
    t = typed(text)
    assert t is not None and text[t.span.start : t.span.end] == t.span.text == "clashes"


def test_typing_taxonomy_fields() -> None:
    t = typed("Government warplanes carried out airstrikes on the town.")
    assert t is not None
    assert (t.event_type, t.disorder_type, t.civilian_targeting) == (
        "Explosions/Remote violence",
        "Political violence",
        False,
    )
    assert disorder_type("Mob violence") == "Political violence"
    assert disorder_type("Violent demonstration") == "Demonstrations"
    assert disorder_type("not a type") == ""


STATE = Actor("Military Forces of Syria", "regime forces", 1, "government")
REBELS = Actor("Syrian opposition", "rebels", 2, "opposition")
ISIS = Actor("Islamic State", "ISIS", 2, "islamic-state")
CIVILIANS = Actor("Civilians", "civilians", 7, "civilians")


@pytest.mark.parametrize(
    ("sub_type", "actor1", "actor2", "expected"),
    [
        ("Armed clash", STATE, REBELS, 1),
        ("Armed clash", REBELS, ISIS, 2),
        ("Air/drone strike", STATE, CIVILIANS, 3),
        ("Attack", ISIS, None, 3),
        ("Peaceful protest", None, None, None),
        ("Arrests", STATE, REBELS, None),
        ("Armed clash", None, None, None),
    ],
)
def test_typing_ucdp_type_of_violence(
    sub_type: str, actor1: Actor | None, actor2: Actor | None, expected: int | None
) -> None:
    assert type_of_violence(sub_type, actor1, actor2) == expected


# Other ways reports say the same things: the cue table covers more than one phrasing per type.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riot police used tear-gas against the marchers.", "Protest with intervention"),
        ("An explosive-laden truck blew up outside the ministry.", "Remote explosive/landmine/IED"),
        ("The army took back control of the border crossing on Monday.", "Government regains territory"),
        ("Two aid workers have been held captive by the group since May.", "Abduction/forced disappearance"),
        ("Villagers were hacked with machetes in a night raid.", "Attack"),
        ("Bomb disposal experts carried out a controlled explosion of the device.", "Disrupted weapons use"),
        ("Rebels launched a counter-offensive on the outskirts of the city.", "Armed clash"),
        ("The rebels announced the formation of a new armed group.", "Change to group/activity"),
        ("Youths went on a rampage through the market after the match.", "Violent demonstration"),
    ],
)
def test_typing_other_phrasings(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_crime_words_do_not_cancel_an_armed_groups_event() -> None:
    text = "Forces detained a Taliban facilitator and seized 700 pounds of narcotics during the operation."
    assert sub(text) == "Arrests"
    assert sub("Police detained a man and seized 700 pounds of narcotics at the port.") == NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Israeli missiles struck military positions near Damascus, killing two soldiers. The missiles were "
            "fired from the Golan Heights, and air defences had intercepted most of them.",
            "Shelling/artillery/missile attack",
        ),
        # every missile stopped, no one hurt: the attack was disrupted
        (
            "Israeli missiles were fired at positions near Damascus. Air defences intercepted all of them.",
            "Disrupted weapons use",
        ),
    ],
)
def test_typing_an_interception_that_let_a_strike_kill_is_the_strike(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_typing_the_act_that_caused_the_harm_before_what_followed() -> None:
    """The harm is told with its cause in a time clause ("were killed when ISIS cells attacked"), what followed in
    the next sentence ("The attackers withdrew"): the event is the attack."""
    text = (
        "Two fighters of the SDF were killed at dawn when ISIS cells attacked a checkpoint with machine guns. "
        "The attackers withdrew towards the desert after a short exchange of fire."
    )
    assert sub(text) == "Armed clash"


def test_typing_the_coalition_raiding_houses_is_no_air_raid() -> None:
    """ "Coalition raids" are air raids in SOHR's English; the verb is a raid on the ground."""
    assert sub(
        "SDF forces backed by the International Coalition raided houses and arrested four persons."
    ) == ("Arrests")
    assert sub("Coalition raids killed five civilians in the town.") == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # areas said to be held are no change of hands
        (
            "Hostilities continued along the front lines around Tal Tamer, between areas under the control of the "
            "SDF and areas under the control of Turkish forces.",
            "Armed clash",
        ),
        (
            "The town fell under the control of ISIS after a week of fighting.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_typing_areas_under_control_are_no_capture(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the crowd went home: nobody intervened
        (
            "Hundreds of residents took to the streets in a protest against electricity prices. The protesters "
            "dispersed peacefully in the evening.",
            "Peaceful protest",
        ),
        ("Police dispersed the protesters with tear gas.", "Protest with intervention"),
    ],
)
def test_typing_protesters_who_dispersed_were_not_dispersed(text: str, expected: str) -> None:
    assert sub(text) == expected
