"""The event's place: where the incident happened, not every place its sentences name."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad import pipeline
from marsad.cli.places_cmd import places_command
from marsad.extract.assemble import Annotated
from marsad.extract.locate import pick_place
from marsad.extract.segment import Sentence
from marsad.gazetteer.match import Gazetteer, default_gazetteer
from marsad.records import Figure, Span


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


def _sentences(gaz: Gazetteer, text: str, country: str = "SY") -> list[Annotated]:
    """One Annotated per line, each with the places found in it and a killed figure at "killed"."""
    found = gaz.find(text, country)
    out, start = [], 0
    for number, line in enumerate(text.split("\n")):
        span = Span.of(text, start, start + len(line))
        a = Annotated(Sentence(span, number, number))
        a.places = [m for m in found if span.start <= m.span.start and m.span.end <= span.end]
        where = line.find("killed")
        if where >= 0:
            a.figures = [Figure("killed", 2, 2, 2, Span.of(text, start + where, start + where + 6))]
        out.append(a)
        start += len(line) + 1
    return out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # never where things came from
        ("Regime reinforcements from Damascus attacked Saraqib, killed 3.", "Saraqib"),
        # never the country when something smaller is named
        ("An air strike on a Syria rebel town killed 10 in the town of Atareb.", "Al Atarib"),
        # never a place that only qualifies an actor
        ("The Britain-based Observatory said 4 were killed in Kafr Nabl.", "Kafr Nabl"),
        # the place in the clause of the casualty figure beats one a clause away
        ("Shelling targeted Kafr Zita again, and clashes in Daraa city killed 5 fighters.", "Dar'a"),
        # a place that only says where the one before it lies is not a second scene
        ("Gunmen attacked a checkpoint near Kafr Zita in Hama and killed 2.", "Kafr Zayta"),
        ("A raid on the village of Zara in Hama killed 19 civilians.", "Az-Zara"),
        # ... as a province says where a road across regions runs
        (
            "Militants ambushed a convoy on the road between Ithriya and al-Rasafa in the desert of Raqqa "
            "province, and killed 11 soldiers.",
            "Ithriya–Al Rasafeh road",
        ),
        # ... and so does a town whose possessive names it, or a region said to hold it and its countryside
        ("Gunmen killed a man in Daraa's Nawa city.", "Nawa"),
        (
            "Turkish forces shelled Ain Issa and its countryside in northern Raqqa, and 2 were killed.",
            "Ayn 'Isa",
        ),
        # ... and so does a town whose direction follows it
        ("Fighting in the Al-Lajat area, northeast of Daraa, killed 2 fighters.", "Al Lajah"),
        ("A bombing near Sheikh Yusef, northwest of Idlib, killed 10 fighters.", "Sheikh Yousef"),
        # forces are driven out of a place where the fighting is: "from" is no origin there
        ("Rebels expelled the regime forces from Kinsabba town; 4 were killed.", "Kinnsibba"),
        ("Rebel fighters pushed from the town of Deir al-Adas in Syria; 20 were killed.", "Deir Eladas"),
        # ... but an advance onward set out from there
        ("20 were killed as regime forces pushed from Khanasser towards Aleppo.", "Aleppo"),
        # the countryside of a town is the land around it, not a region yielding to a point named later
        (
            "Clashes in the countryside of Tal Abyad and in the vicinity of Brigade 137 in Deir Ezzor",
            "Tall Abyad",
        ),
        # an unnamed capital is a landmark beside the place the sentence names
        ("Clashes east of the capital and in the vicinity of Ein Tarma killed 2", "Ein Terma"),
        # a distance from a town is no origin: the event is near the town
        ("An attack on villages about 15 km away from Manbij city killed 6 fighters.", "Manbij"),
        ("A convoy 20 kilometres from the town of Saraqib was hit and 4 were killed.", "Saraqib"),
        # a list of places: the first named, not the one that happens to stand next to the figure
        ("Regime artillery shelled Al-Bara, Kansafra and Fleifel, and a woman was killed.", "Bara"),
        ("The roads between Manbej, Aleppo, Raqqa and Jarablos were cut and 190 were killed.", "Manbij"),
        # a city opening its sentence as the setting ("In Idlib, ...") is where the places named next lie
        ("In Idlib, regime forces shelled Al-Fteira and Sufuhun and killed 2.", "Ftireh"),
        # a governorate heading a report ("Daraa: ...") is a label: the body says where
        ("Daraa: gunmen kill a former commander\nGunmen killed a former commander in Tafas city.", "Tafas"),
        # a foreign country named as a soldier's nationality is not where he was killed
        ("An Iran army engineer was killed in Syria.", "Syria"),
        # the capital says where a region of the governorate around it lies: the Ghouta is in Rif Dimashq
        ("Shelling on the Eastern Ghouta of Damascus killed 5 civilians", "Eastern Ghouta"),
        ("Helicopters bombed Western Ghouta in Damascus and killed 2", "Western Ghouta"),
        # a river is vaguer than any area named with it: east of the Euphrates, the place is the area
        ("Clashes east of the Euphrates killed 4 after ISIS attacked al-Sh’aytat area", "Shuaytat"),
        (
            "Clashes east of Euphrates River in the eastern countryside of Deir Ezzor killed 3",
            "Eastern Deir ez-Zor",
        ),
        # and it is the place when nothing else is named
        ("Two fishermen were killed by a mine on the Euphrates", "Euphrates"),
        # a place named as another event's attribute yields to the place of this one
        (
            "A commander behind the Homs car bomb attack was killed in an airstrike in Tadmur district.",
            "Tadmur",
        ),
        # what the sentence tells besides is told elsewhere
        ("In addition to the shelling of Saraqib, gunmen killed 3 civilians in Kafr Nabl.", "Kafr Nabl"),
    ],
)
def test_places_locate_the_event_place(gaz: Gazetteer, text: str, name: str) -> None:
    place = pick_place(_sentences(gaz, text))
    assert place is not None and place.name == name


def test_places_locate_distance_from_a_town_is_near_it(gaz: Gazetteer) -> None:
    place = pick_place(_sentences(gaz, "Shelling on a farm 8 km from Saraqib killed 2."))
    assert place is not None and place.name == "Saraqib" and place.where_prec == 2


def test_places_locate_a_direction_names_a_place_the_actor_matcher_read_as_a_side(gaz: Gazetteer) -> None:
    # "Damascus" also names the government: "south of Damascus" is still the place of the clashes
    result = pipeline.extract_record(
        {"id": "t", "text": "Violent clashes in areas south of Damascus and shelling targets its east",
         "published": "2017-03-01", "country": "SY"}
    )  # fmt: skip
    [event] = result["events"]
    assert event["location"]["name"] == "Damascus" and event["location"]["where_prec"] == 2


def test_places_locate_country_only_when_nothing_smaller(gaz: Gazetteer) -> None:
    place = pick_place(_sentences(gaz, "Air strikes killed 12 people across Syria."))
    assert place is not None and place.where_prec == 6


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Turkish forces fight in northern Syria (the dictionary's theatre): UCDP codes these "Northern Syria"
        ("Turkish soldier killed in IS rocket attack in Syria: army", ("Northern Syria", 5, "Syria")),
        (
            "Turkish jets pound Islamic State targets in Syria, kill at least 20",
            ("Northern Syria", 5, "Syria"),
        ),
        # no force with a theatre, or a place below the country: the place as read
        ("Russian jets pound Islamic State targets in Syria, kill at least 20", ("Syria", 6, "Syria")),
        ("Turkish jets pound Islamic State targets in al-Bab, kill at least 20", ("Al Bab", 1, "al-Bab")),
    ],
)
def test_places_locate_a_foreign_force_in_a_country_named_alone_fights_in_its_theatre(
    gaz: Gazetteer, text: str, where: tuple[str, int, str]
) -> None:
    result = pipeline.extract_record({"id": "t", "text": text, "published": "2016-12-17"})
    [event] = result["events"]
    location = event["location"]
    # the name and precision of the place; its words stay the text's
    assert (location["name"], location["where_prec"], location["text"]) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # no scene named: the home of the people harmed, as near it
        ("A man from the city of Al-Raqqah was killed by ISIS.", ("Ar Raqqah", 2, 2)),
        ("Two children from Saraqib were killed in an air strike in Syria.", ("Saraqib", 2, 2)),
        (
            "A casualty under torture from Saraqib in the regime's prisons, killed on Monday.",
            ("Saraqib", 2, 2),
        ),
        # a scene named: there, whatever the home
        ("A man from Saraqib was killed by a sniper in Maarat al-Numan.", ("Ma'arrat an Nu'man", 1, 1)),
        # harmed on their way out: near where they fled, not where they were heading
        (
            "Mines killed 25 displaced people during their escape from Saraqib to Maarat al-Numan.",
            ("Saraqib", 2, 2),
        ),
        ("Civilians fleeing from the town of Saraqib were killed by a landmine.", ("Saraqib", 2, 2)),
        # where people are to be taken is no scene while one is named; it is the nearest place when none is
        (
            "Clashes in Saraqib killed 3 before a deal to evacuate the fighters to Maarat al-Numan.",
            ("Saraqib", 1, 1),
        ),
        ("Families fled to Maarat al-Numan after shelling killed 2.", ("Ma'arrat an Nu'man", 2, 2)),
    ],
)
def test_places_locate_where_the_people_harmed_came_from_or_went(
    gaz: Gazetteer, text: str, where: tuple[str, int, int]
) -> None:
    """With no scene named, the home of the people harmed is the nearest place the report gives; people harmed
    on their way out of a place were harmed near it. Both are coded as near the place."""
    place = pick_place(_sentences(gaz, text))
    assert place is not None and (place.name, place.geo_precision, place.where_prec) == where


def test_places_locate_where_things_came_from_is_never_the_place(gaz: Gazetteer) -> None:
    # an origin that is no one's home stays out, scene or none
    assert pick_place(_sentences(gaz, "Regime reinforcements from Saraqib arrived, 2 killed.")) is None


def test_places_locate_carries_the_place_of_the_sentence_before(gaz: Gazetteer) -> None:
    text = "In Sangin district, Helmand province, insurgents attacked a patrol.\nCoalition forces killed two."
    before, event = _sentences(gaz, text, "AF")
    before.sentence = Sentence(before.sentence.span, 0, 0)
    event.sentence = Sentence(event.sentence.span, 0, 1)  # one paragraph
    assert pick_place([event]) is None  # without the sentence before, nothing says where
    place = pick_place([event], [before])
    assert place is not None and place.admin1 == "Helmand"


def test_places_locate_does_not_carry_a_place_into_another_country(gaz: Gazetteer) -> None:
    text = "In Sangin district, Helmand province, insurgents attacked a patrol.\nIn Pakistan meanwhile, a bomb killed two."
    before, event = _sentences(gaz, text, "AF")
    before.sentence = Sentence(before.sentence.span, 0, 0)
    event.sentence = Sentence(event.sentence.span, 0, 1)  # one paragraph
    place = pick_place([event], [before])
    assert place is not None and (place.name, place.where_prec) == ("Pakistan", 6)
    same = "In Sangin district, Helmand province, insurgents attacked a patrol.\nIn Afghanistan, a bomb killed two."
    before, event = _sentences(gaz, same, "AF")
    event.sentence = Sentence(event.sentence.span, 0, 1)
    place = pick_place([event], [before])
    assert place is not None and place.admin1 == "Helmand"


def test_places_locate_a_context_sentence_yields_to_the_place_named_before(gaz: Gazetteer) -> None:
    """The sentences that tell the event name no place; a context sentence of the same story names one (the
    nickname of the town the headline names): the place named just before the event is where it happened."""
    text = (
        "Syrian forces kill 60 terrorists near Palmyra\n"
        "Government forces killed 60 terrorists 15 kilometers east of the city.\n"
        "Sappers cleared the monuments of the city called a pearl of the Syrian desert."
    )
    headline, event, context = _sentences(gaz, text)
    event.role, context.role = "incident", "other"
    for a in (event, context):
        a.sentence = Sentence(a.sentence.span, a.sentence.index, 1)  # one paragraph
    place = pick_place([event, context], [headline])
    assert place is not None and place.name == "Tadmur"
    assert pick_place([event, context]) is not None  # with nothing before, the context's place stays


def test_places_locate_does_not_carry_across_paragraphs(gaz: Gazetteer) -> None:
    text = "Clashes in Sangin district, Helmand province.\nSomething else.\nCoalition forces killed two."
    first, other, event = _sentences(gaz, text, "AF")
    assert pick_place([event], [first, other]) is None
    # ... unless the paragraph between goes on with the operation the first told
    text = "An operation in Sangin district, Helmand province.\nDuring the operation a man fired.\nForces killed him."
    first, other, event = _sentences(gaz, text, "AF")
    place = pick_place([event], [first, other])
    assert place is not None and place.admin1 == "Helmand"


def test_places_cli_lists_unresolved_names(tmp_path: Path, gaz: Gazetteer) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Shelling hit the village of Qarqoor Bazzuq and the town of Saraqib.\n", encoding="utf-8"
    )
    app = typer.Typer()
    app.command("places")(places_command)
    app.command("other")(lambda: None)  # two commands: typer keeps "places" as a sub-command name
    result = CliRunner().invoke(
        app, ["places", "--unresolved", "--country", "SY", "--format", "csv", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    header, row = result.output.strip().splitlines()
    assert header == "document,raw,start,end,reason,nearest"
    assert ",Qarqoor Bazzuq,28,42,not in the gazetteer," in row


def test_places_from_to_is_an_area(gaz: Gazetteer) -> None:
    (area,) = gaz.find("ISIS cells were combing the desert from Kabajeb to Al-Sukhnah.", "SY")
    assert (area.place.feature, area.place.where_prec, area.cue) == ("area", 5, "area")
    place = pick_place(_sentences(gaz, "ISIS cells combing the desert from Kabajeb to Al-Sukhnah killed 2."))
    assert place is not None and place.feature == "area"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Joint forces are combing the area from Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah.",
            "from Kabajeb and Ash Shula to As Sukhnah",
        ),
        (
            "Forces combed areas from Kabajib, al-Shawla west of Deir Ezzor to al-Sukhna.",
            "from Kabajeb and Ash Shula to As Sukhnah",
        ),
        (
            "ISIS cells roam the desert from Kabajeb in Deir Ezzor countryside to Al-Sukhnah.",
            "from Kabajeb to As Sukhnah",
        ),
    ],
)
def test_places_from_several_names_to_one_is_an_area(gaz: Gazetteer, text: str, name: str) -> None:
    """The names an area runs from may be several, and said to lie in a place named after them: still one area,
    from where they lie to the name after "to" (UCDP where_prec 5), not the village named first."""
    (area,) = (m for m in gaz.find(text, "SY") if m.place.feature == "area")
    assert (area.place.name, area.place.where_prec, area.place.admin1) == (name, 5, None)
    assert area.span.text.startswith("Kabaj") and area.span.text.endswith(("Al-Sukhnah", "al-Sukhna"))
    assert 34.9 < area.place.latitude < 35.1 and 39.2 < area.place.longitude < 39.4  # between the ends


@pytest.mark.parametrize("verb", ["linking", "connecting", "that links", "joining"])
def test_places_the_road_linking_two_places_is_a_road(gaz: Gazetteer, verb: str) -> None:
    text = f"Gunmen assassinated a man on the road {verb} Tafas and Al-Muzayrib in the western countryside of Daraa."
    road = gaz.find(text, "SY")[0]
    assert (road.place.name, road.place.feature, road.span.text) == (
        "Tafas–Al Muzayrib road",
        "road",
        "Tafas and Al-Muzayrib",
    )


def test_places_a_road_out_of_a_town_to_a_place_unknown_is_near_the_town(gaz: Gazetteer) -> None:
    """ "the Aleppo-Gaziantep road": Gaziantep is Turkey's, which a Syrian report's layer lacks; the road runs out
    of Aleppo, somewhere near it (precision 2), not in the city."""
    (road,) = gaz.find("A drone struck a vehicle on the Aleppo-Gaziantep road.", "SY")
    assert (road.place.name, road.cue, road.place.where_prec) == ("Aleppo", "near", 2)
    (town,) = gaz.find("A drone struck a vehicle in Aleppo.", "SY")
    assert town.place.where_prec == 1


def test_places_from_several_names_after_movement_stay_places(gaz: Gazetteer) -> None:
    text = "Reinforcements arrived from Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah."
    assert [m.place.name for m in gaz.find(text, "SY")] == [
        "Kabajeb",
        "Ash Shula",
        "Deir ez-Zor",
        "As Sukhnah",
    ]


def test_places_from_to_after_movement_is_the_destination(gaz: Gazetteer) -> None:
    text = "Regime reinforcements arrived from Damascus to Deir ez-Zor, where clashes killed 4."
    assert [m.place.feature for m in gaz.find(text, "SY")] == ["city", "city"]
    place = pick_place(_sentences(gaz, text))
    assert place is not None and place.name == "Deir ez-Zor"


def test_places_locate_a_toll_revision_at_its_toll_not_the_hospital_after_it() -> None:
    """ "The death toll of the attack ... near al-Sukhnah city ... has risen to 9, after two of the wounded died in a
    military hospital in Homs city": the attack was at al-Sukhnah, where the toll is named."""
    text = (
        "The death toll of the attack launched by ISIS cells yesterday on positions of the National Defence Forces "
        "near al-Sukhnah city in the eastern desert of Homs has risen to 9, after two of the wounded died of their "
        "injuries in a military hospital in Homs city."
    )
    result = pipeline.extract_record({"id": "t", "text": text, "published": "2023-03-09"})
    (event,) = [e for e in result["events"] if e["kind"] == "incident"]
    assert event["location"]["name"] == "As Sukhnah"
    assert event["casualties"]["killed"]["best"] == 9


def test_places_locate_reads_the_paragraph_of_a_sentence_that_joins_an_earlier_incident() -> None:
    """A lead that sums up the day's operations, then a paragraph naming the place in one sentence and telling the
    fight in the next: the fight joins the lead's incident, and the place named in its own paragraph comes with
    it (not the country of the lead)."""
    text = (
        "KABUL, Afghanistan (Dec. 30, 2010) - Several insurgents were killed and others detained during separate"
        " clearing operations in eastern and southern Afghanistan today.\n\n"
        "An Afghan and ISAF patrol observed two insurgents with weapons on motorcycles in Ghazni district, Ghazni"
        " province. After gaining positive identification, combined forces engaged the enemy position with small"
        " arms fire, killing two insurgents."
    )
    result = pipeline.extract_record({"id": "t", "text": text, "published": "2010-12-30"})
    places = [(e["location"]["name"], e["location"]["admin1"]) for e in result["events"] if e["location"]]
    assert ("Ghazni", "Ghazni") in places, places
