"""Choosing among namesakes: spelling, the regions a text names, the city a neighbourhood belongs to, and the
installations (fields, airbases, bases) reports name. Phrases written by the team in the style of SOHR and
wire headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.gazetteer import unresolved
from marsad.gazetteer.match import Gazetteer, default_gazetteer
from marsad.gazetteer.rec import distance_km
from marsad.records import Place


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


def _found(gaz: Gazetteer, text: str) -> dict[str, object]:
    return {m.span.text: m.place for m in gaz.find(text, "SY")}


# (text, the words, the place's admin1, a name the place must not have)
NAMESAKES = [
    # a final -u or -i is no mere ending: Hama is not the village of Hamu in al-Hasakah
    ("Explosions in the south of al-Hasakah and clashes renewed north-east of Hama", "Hama", "Hama", "Hamu"),
    # the village spelled exactly so beats a big town that only an odd alternate name ("Al Balo") shares
    ("Continued clashes in Bala area of the Ghouta", "Bala", "Rif Dimashq", "Al Bab"),
    # a governorate named in another clause says little: Daraa is the city, not Darayya near Damascus
    ("Barrel bombs hit areas of Reef Dimashq and rebels lost fighters in Daraa", "Daraa", "Daraa", "Darayya"),
    ("Fighting in eastern Qalamoun and shelling on Dar’a", "Dar’a", "Daraa", "Darayya"),
    # the capital stands for its governorate: "the village of Zara in Hama" is the Hama governorate's Zara
    ("Nineteen civilians died in a raid on the village of Zara in Hama", "Zara", "Hama", "Za'ra"),
    # an exact spelling decides between names the scoring form makes equal (the Badia, not the village Badi)
    ("Patrols combed the Badia again.", "Badia", None, "Badi"),
    # a capitalised verb before the name does not make the name unknown ("Targeting al-Qardaha city")
    ("Targeting al-Qardaha city with missiles killed 13", "al-Qardaha", "Latakia", "Latakia"),
    # "Khan" alone is no place; the camp's spellings are the town's
    (
        "Aerial bombardment kills 6 civilians in Khan al-Shekh",
        "Khan al-Shekh",
        "Rif Dimashq",
        "Khirbat Tin Nur",
    ),
    # a town's quarter named after the town ("Daraa al-Balad", the supplement's) is the quarter, in that town
    ("Clashes in Manshiya in Daraa al-Balad", "Daraa al-Balad", "Daraa", "Darayya"),
    # the town of the 2019 battle, as reports write it (the supplement): Idlib's Hbit, not Latakia's Hbeit, and
    # Latakia's when the text says so
    ("Regime forces advance in Hbeit", "Hbeit", "Idlib", "Hbeit"),
    ("Clashes in Hbeit in Latakia countryside", "Hbeit", "Latakia", "Hbit"),
    # the Eastern Ghouta's farmland (the supplement), not Idlib's village Marj
    (
        "Raids on Deir Ezzor and 8 airstrikes target al-Marj in the Eastern Ghouta",
        "al-Marj",
        "Rif Dimashq",
        "Marj",
    ),
    # a part of the governorate named after the name holds it too ("X village, western Raqqa countryside"):
    # Raqqa's Sefsafa, not the larger As Safsafah of Tartus
    (
        "(S568) Al Safsaf village, western Raqqa countryside, Raqqa governorate, Syria",
        "Al Safsaf",
        "Raqqa",
        "As Safsafah",
    ),
    # a governorate's city in a list ("X, Quneitra and Y") does not say it holds the name before it
    ("Bombardment targets Khan Shekhon, Quneitra and Dahya al-Assad", "Khan Shekhon", "Idlib", "Quneitra"),
    # "ay" and "ai" are one diphthong: "Saida" is OCHA's Sayda in the Daraa countryside named beside it, not
    # a Saideh of Raqqa whose scoring form merely drops the same ending
    (
        "Regime forces take control of Saida town in the eastern countryside of Daraa",
        "Saida",
        "Daraa",
        "Saideh",
    ),
    # a village listed with its governorate ("X village, western Y governorate") whose key matches only a
    # namesake elsewhere is the governorate's place spelled closest to it: At Tibni, not Hasakah's Thabanah
    (
        "August 2nd 2017: (S1158) Al Tabani village, western Deir Ezzor governorate, Syria",
        "Al Tabani",
        "Deir ez-Zor",
        "Thabanah",
    ),
    (
        "June 19th 2017: (S908) Al Tabani, north western Deir Ezzor countryside, Deir Ezzor governorate, Syria",
        "Al Tabani",
        "Deir ez-Zor",
        "Thabanah",
    ),
    (
        "March 8th 2017: (S488) Al Ahwas village, eastern Raqqah governorate, Syria",
        "Al Ahwas",
        "Raqqa",
        "Al-Hwas",
    ),
    # "X in the countryside of Y" says Y holds X, as "X, Y governorate" does: Rif Dimashq's Hezzeh, not Homs's
    (
        "Regime forces shelled Hazzeh in the countryside of Rif Dimashq, killing two civilians",
        "Hazzeh",
        "Rif Dimashq",
        "Hazzeh",
    ),
    # a town has a countryside more often than a village does, whatever governorate another clause names
    (
        "Clashes in the countryside of al-Tabaqa and human losses in the southern countryside of Al-Hasakah",
        "al-Tabaqa",
        "Raqqa",
        "Tabaqa",
    ),
]


@pytest.mark.parametrize(("text", "words", "admin1", "not_name"), NAMESAKES)
def test_places_namesakes_resolve(
    gaz: Gazetteer, text: str, words: str, admin1: str | None, not_name: str
) -> None:
    found = _found(gaz, text)
    assert words in found, list(found)
    place = found[words]
    assert place.admin1 == admin1 and place.name != not_name, place  # type: ignore[attr-defined]


# (text, the neighbourhood's words, the city it lies in)
QUARTERS = [
    ("Shells fell on the Bab al-Nairab neighbourhood in Aleppo city", "Bab al-Nairab", "Aleppo"),
    ("Air strikes hit Bab al-Neirab neighborhood, Aleppo", "Bab al-Neirab", "Aleppo"),
    ("IS fighters advanced in al-Sina’aa neighborhood in Deir Ezzor", "al-Sina’aa", "Deir ez-Zor"),
    ("A car bomb went off in the al-Zahraa neighbourhood of Homs", "al-Zahraa", "Homs"),
    ("Casualties in the neighbourhood of al-Hamidiyyeh in Deir Ezzor", "al-Hamidiyyeh", "Deir ez-Zor"),
    # a street, and a place said to be "in X city"
    ("(S1280) Tal Abyad Street , Raqqa City, Raqqa governorate, Syria", "Tal Abyad", "Ar Raqqah"),
    ("Ten were wounded by shells on al-Hamdania in Aleppo city", "al-Hamdania", "Aleppo"),
    ("Jets struck the Al Tayba roundabout in the city of Al Mayadin", "Al Tayba", "Al Mayadin"),
    ("A car bomb went off in Teshreen suburb in Latakia city", "Teshreen", "Latakia"),
    # the quarters reports name most often are in the supplement, so they need no city beside them
    ("Clashes continued in Jobar and Qaboun", "Jobar", "Damascus"),
    ("Warplanes carry out a massacre in the Barza neighborhood", "Barza", "Damascus"),
    ("Shells target Sheikh Maksoud neighborhood", "Sheikh Maksoud", "Aleppo"),
    ("A mortar attack on Al Qousour district killed three civilians", "Al Qousour", "Deir ez-Zor"),
    ("ISIS renews its shelling on al-Jura neighborhood", "al-Jura", "Deir ez-Zor"),
    # a quarter named after its city, with no cue: the quarter, not a city whose name "goes on"
    ("Warplanes bombard Daraa al-Balad", "Daraa al-Balad", "Dar'a"),
    # a neighbourhood of "Raqqa governorate" lies in its capital
    ("(S1060) Al Dariya neighbourhood, Raqqa governorate, Syria", "Al Dariya", "Ar Raqqah"),
    # two quarters of two cities in one sentence: each run's city is the first place after it, the second
    # read after the first quarter was placed
    (
        "Shells hit the Bab al-Nairab neighbourhood in Aleppo city and al-Zahraa neighbourhood of Homs",
        "Bab al-Nairab",
        "Aleppo",
    ),
    (
        "Shells hit the Bab al-Nairab neighbourhood in Aleppo city and al-Zahraa neighbourhood of Homs",
        "al-Zahraa",
        "Homs",
    ),
    # a quarter word after a sentence's first word keeps it a quarter, as it does a name that is also a province
    # abroad's (Iraq's Salah ad Din)
    ("August 5th 2017: Safarna neighbourhood, Raqqa city, Raqqa governorate, Syria", "Safarna", "Ar Raqqah"),
    (
        "Seven were killed as terrorists shelled Salah Eddin neighborhood in Aleppo city",
        "Salah Eddin",
        "Aleppo",
    ),
]


def _place_and_town(gaz: Gazetteer, text: str, words: str, city: str) -> tuple[Place, Place]:
    """The place read for ``words`` in ``text``, and the city or town named ``city``."""
    place = next(m.place for m in gaz.find(text, "SY") if m.span.text == words)
    town = next(p for p in gaz.lookup(city, "SY") if p.name == city and p.feature in ("city", "town"))
    return place, town


@pytest.mark.parametrize(("text", "words", "city"), QUARTERS)
def test_places_namesakes_neighbourhood_lies_in_its_city(
    gaz: Gazetteer, text: str, words: str, city: str
) -> None:
    quarter, town = _place_and_town(gaz, text, words, city)
    assert quarter.admin1 == town.admin1
    assert distance_km(quarter.latitude, quarter.longitude, town.latitude, town.longitude) <= 12  # type: ignore[arg-type]


def test_places_namesakes_street_named_after_a_town_is_no_town(gaz: Gazetteer) -> None:
    # an Airwars place list of Raqqa city: "Tal Abyad street" (and its Arabic, "وشارع تل أبيض") is a street of
    # Raqqa, not the town of Tal Abyad 85 km north, and no city for "Al Na'im area" to lie in
    text = (
        "August 11th 2017: (S1190) منطقة النعيم وشارع تل أبيض و, in Al Na’im area, Tal Abyad street, Raqqa City, "
        "Raqqa governorate, Syria"
    )
    places = [m.place for m in gaz.find(text, "SY")]
    assert places and {p.admin1 for p in places if p.admin1} == {"Raqqa"}
    assert all(p.name != "Tall Abyad" and "Tall Abyad" not in p.name for p in places)


@pytest.mark.parametrize(
    ("text", "words", "city"),
    [
        # a village of that name lies hundreds of kilometres away: the place on the city's edge is not it
        ("Regime forces shelled Shahid on the outskirts of Deir Ezzor city", "Shahid", "Deir ez-Zor"),
        ("Shells fell on al-Hamidiyah on the eastern outskirts of the city of Deir Ezzor", "al-Hamidiyah",
         "Deir ez-Zor"),
    ],
)  # fmt: skip
def test_places_namesakes_place_on_a_citys_outskirts_lies_near_it(
    gaz: Gazetteer, text: str, words: str, city: str
) -> None:
    place, town = _place_and_town(gaz, text, words, city)
    assert place.admin1 == town.admin1 and place.where_prec == 2  # at the city's point, within ~25 km
    assert distance_km(place.latitude, place.longitude, town.latitude, town.longitude) <= 25  # type: ignore[arg-type]


def test_places_namesakes_outskirts_keep_a_village_near_the_city_and_no_common_word(gaz: Gazetteer) -> None:
    [village, aleppo] = gaz.find("Shelling on Kafr Hamra on the outskirts of Aleppo city killed 2", "SY")
    assert village.place.name == "Kafr Hamra" and village.place.feature == "village"
    assert aleppo.place.name == "Aleppo"
    assert [m.span.text for m in gaz.find("Clashes on the outskirts of Deir Ezzor city killed 4", "SY")] == [
        "Deir Ezzor"
    ]


def test_places_namesakes_neighbourhood_without_its_city_is_read_as_usual(gaz: Gazetteer) -> None:
    # no city named with it: the quarter rule does not apply, the name is resolved as any other
    assert not any(m.place.feature == "neighbourhood" for m in gaz.find("Shelling on Bab al-Nairab", "SY"))


# (text, the words, feature, admin1): installations named with "field", "airport", "airbase", "Basin"
INSTALLATIONS = [
    ("Violent clashes continue in the vicinity of Shaer oilfield", "Shaer oilfield", "field", "Homs"),
    ("Four killed by bombardment on a-Heil oil field", "Heil oil field", "field", "Homs"),
    (
        "IS retook al-Hamdan military airport after a counter-attack",
        "al-Hamdan military airport",
        "airbase",
        "Deir ez-Zor",
    ),
    ("Jets struck the vicinity of al-Tabaqa airbase", "al-Tabaqa airbase", "airbase", "Raqqa"),
    ("Militants advanced in Brigade 137 at dawn", "Brigade 137", "base", "Deir ez-Zor"),
    ("The factions shelled the Yarmouk Basin west of Daraa", "Yarmouk Basin", "region", "Daraa"),
]


@pytest.mark.parametrize(("text", "words", "feature", "admin1"), INSTALLATIONS)
def test_places_namesakes_installations(
    gaz: Gazetteer, text: str, words: str, feature: str, admin1: str
) -> None:
    found = _found(gaz, text)
    assert words in found, list(found)
    place = found[words]
    assert (place.feature, place.admin1) == (feature, admin1)  # type: ignore[attr-defined]


def test_places_namesakes_direction_on_the_country(gaz: Gazetteer) -> None:
    [mention] = gaz.find("Turkish jets hit Islamic State targets in northern Syria", "SY")
    assert mention.place.name == "Northern Syria" and mention.place.where_prec == 5
    [plain] = gaz.find("Turkish jets hit Islamic State targets in Syria", "SY")
    assert plain.place.where_prec == 6


def test_places_namesakes_badia_of_a_governorate_is_a_cue(gaz: Gazetteer) -> None:
    found = gaz.find("An attack in the eastern Badia of Homs killed five", "SY")
    assert [m.place.name for m in found] == ["Eastern Homs"]


def test_places_namesakes_ocha_only_village_gets_its_admin_chain(gaz: Gazetteer) -> None:
    """A village found only in OCHA's community list: its subdistrict, district and governorate with p-codes,
    and a point estimated from its subdistrict, flagged and never coded better than "within ~25 km"."""
    [mention] = gaz.find("Shells fell on the village of Tromba.", "SY")
    place = mention.place
    assert (place.admin1, place.admin1_pcode, place.admin2_pcode) == ("Idlib", "SY07", "SY0700")
    assert (place.admin3, place.admin3_pcode, place.pcode) == ("Saraqab", "SY070003", "C3908")
    assert place.approx and (place.geo_precision, place.where_prec) == (2, 2)
    # between the centre of Saraqab's area and the towns where its people live (Saraqib, 3 km north of that centre)
    area = next(p for p in gaz.lookup("Saraqab", "SY") if p.feature == "admin3")
    town = next(p for p in gaz.lookup("Saraqib", "SY") if p.feature in ("town", "city"))
    assert None not in (place.latitude, place.longitude, area.latitude, area.longitude, town.latitude)
    from_area = distance_km(area.latitude, area.longitude, town.latitude, town.longitude)  # type: ignore[arg-type]
    assert distance_km(place.latitude, place.longitude, town.latitude, town.longitude) < from_area  # type: ignore[arg-type]
    assert distance_km(place.latitude, place.longitude, area.latitude, area.longitude) < 25  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["Renewed shelling in Sheikh Maqsoud neighborhood", "Continuous clashes in Sheikh Lutfi and Hanano"],
)
def test_places_namesakes_first_word_of_an_unknown_name_is_no_village(gaz: Gazetteer, text: str) -> None:
    # "Sheikh" alone is a village elsewhere; here it only begins a name the gazetteer lacks
    assert not any(m.span.text == "Sheikh" for m in gaz.find(text, "SY"))


@pytest.mark.parametrize(
    ("text", "word", "not_name"),
    [
        # a word that opens many names, followed by the rest of a name the gazetteer lacks, is not the town
        # that word alone names, however big: Tal al-Hara is in Daraa, At Tall near Damascus
        ("Regime forces captured Tal al-Hara after heavy shelling", "Tal", "At Tall"),
        ("Al Ruweih village near Tal Al Manakh, Al Shadadi countryside", "Tal", "At Tall"),
        ("In Bab al-Nairab neighborhood… a massacre kills 7", "Bab", "Al Bab"),
        ("the siege of their 15 fighters at Bab Baghdad at the outskirts of the old city", "Bab", "Al Bab"),
        # nor are the words after it another place, matched exactly or spelled closely (Deir ez-Zor's Shafa)
        ("Clashes continued in Umm Shuaifa on Sunday", "Shuaifa", "Shafa"),
    ],
)
def test_places_namesakes_a_name_opener_followed_by_a_name_is_no_town(
    gaz: Gazetteer, text: str, word: str, not_name: str
) -> None:
    assert not any(m.span.text == word or m.place.name == not_name for m in gaz.find(text, "SY"))


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        # no village said to lie in the governorate (a headline's verb), or none spelled close enough there ("al
        # Batani" is a quarter of Raqqa, no Abatin)
        ("Many Civilians Martyred as Terrorists Shell Aleppo", "Shaala"),
        # the only Atamah-like name the gazetteer knows lies in Aleppo, not in the countryside of Idlib named
        ("Clashes in Daraa and casualties in Atamah camp in the countryside of Idlib", "Al-Athami"),
        (
            "(S1254) al Sabahiya neighbourhood, west of Raqqa city and al Batani, Raqqa governorate, Syria",
            "Abatin",
        ),
    ],
)
def test_places_namesakes_the_region_named_needs_a_village_spelled_close(
    gaz: Gazetteer, text: str, not_name: str
) -> None:
    assert not_name not in [m.place.name for m in gaz.find(text, "SY")]


@pytest.mark.parametrize(
    ("text", "city", "name"),
    [
        # a city's possessive whose apostrophe was lost (as in FA-KES's texts) before the name of one of its
        # districts: the city and the district, not one unknown name
        ("Free Syrian Army rebels pushed into Aleppos Rashidin district on Friday", "Aleppos", "Rashidin"),
        (
            "Free Syrian Army rebels pushed into Aleppos al-Rashidin district on Friday",
            "Aleppos",
            "al-Rashidin",
        ),
        (
            "a refugee camp located east of Idlibs Maarat al-Numaan district was targeted",
            "Idlibs",
            "Maarat al-Numaan",
        ),
    ],
)
def test_places_namesakes_a_citys_possessive_before_a_district(
    gaz: Gazetteer, text: str, city: str, name: str
) -> None:
    found = _found(gaz, text)
    assert city in found and name in found, list(found)
    assert found[city].feature == "city" and found[name].admin1 == found[city].admin1  # type: ignore[attr-defined]


def test_places_namesakes_a_countrys_possessive_without_its_apostrophe(gaz: Gazetteer) -> None:
    # "Syrias" (FA-KES's texts lost their apostrophes) is Syria, as "Syria's" is: the report is Syria's, not
    # the country of the "Russian strikes" it names twice
    text = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor. AFP Sunday 26 Nov 2017"
    assert gaz.country_of(text) == "SY"
    assert [m.place.name for m in gaz.find(text)] == ["Syria", "Deir ez-Zor"]
    # and it still only says whose city the name after it is
    found = _found(gaz, "A barrel bomb hit a rebel-held district of Syrias Aleppo city on Saturday")
    assert found["Aleppo"].feature == "city"  # type: ignore[attr-defined]


def test_places_namesakes_a_list_whose_commas_were_lost(gaz: Gazetteer) -> None:
    # three names side by side or more are a list (FA-KES's texts lost their commas): each a place, the last
    # Rastan's neighbour Zafaraniya, not Tartus's Zafarana
    text = "Airstrikes also targeted the nearby towns of Rastan Talbeesah Ter Maaleh and Zafarana."
    found = _found(gaz, text)
    words = ("Rastan", "Ter Maaleh", "Zafarana")
    assert {w: found[w].admin1 for w in words if w in found} == dict.fromkeys(words, "Homs")  # type: ignore[attr-defined]


def test_places_namesakes_a_district_holds_what_lies_in_it(gaz: Gazetteer) -> None:
    # "X in Y district": Y's province holds X, as a governorate named after it would; the only Taraka-like name
    # the gazetteer knows (Ghor's Tulak) is not it, and the district still places the event
    text = "Intelligence reports led the security force to a compound east of Taraka in Sabari district."
    found = {m.span.text: m.place for m in gaz.find(text, "AF")}
    assert "Taraka" not in found and found["Sabari"].admin1 == "Khost"
    assert "Taraka" in [u.raw for u in gaz.read(text, "AF").unresolved]


def test_places_namesakes_a_name_opener_alone_is_still_the_town(gaz: Gazetteer) -> None:
    found = _found(gaz, "Clashes in al-Bab city and shelling on At Tall")
    assert found["al-Bab"].name == "Al Bab" and found["At Tall"].name == "At Tall"  # type: ignore[attr-defined]
    # a name that ends with such a word ("Tariq al-Bab") opens nothing: the quarter listed after it stays
    found = _found(gaz, "Shells hit the Aleppo neighborhoods of Tariq al-Bab Bustan al-Qasr and Salahaddin")
    assert found["Bustan al-Qasr"].admin1 == "Aleppo"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a sentence's first word is capitalised whatever it is: no "Clashes" neighbourhood of Daraa
        ("Clashes in Daraa city and the regime forces advance in points in the city", "Dar'a"),
        ("Massacre in Douma city claim the lives of 16 persons", "Duma"),
        ("Lull in al-Hasakah city after clashes between the regime and the Asayish", "Al Hasakah"),
        # a country is no neighbourhood either
        ("massacres carried out by the warplanes of the regime and Russia in Aleppo city", "Aleppo"),
    ],
)
def test_places_namesakes_no_quarter_of_a_common_word_or_a_country(
    gaz: Gazetteer, text: str, city: str
) -> None:
    found = gaz.find(text, "SY")
    assert not any(m.place.feature == "neighbourhood" or m.place.source == "derived" for m in found), found
    assert city in [m.place.name for m in found]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a dateline's day, a headline's "Daily", the nerve agent at a sentence's start: no villages Sein, Ad
        # Daliyah, Sirrin
        ("Sun 16 Apr 2017 Death toll from Aleppo bomb attack at least 112", "Sun"),
        ("Russia/Syria: Daily Cluster Munition Attacks", "Daily"),
        ("Sarin nerve gas used in Syria, British scientists say", "Sarin"),
        # the word that opens an organisation's name: no village Hayat
        ("Hayyaat Tahrir Al-Sham restores an area it lost to the Islamic State", "Hayyaat"),
    ],
)
def test_places_namesakes_common_words_and_organisations_are_no_places(
    gaz: Gazetteer, text: str, words: str
) -> None:
    assert words not in _found(gaz, text)


@pytest.mark.parametrize(
    ("text", "words", "is_place"),
    [
        # who speaks is a person or a government, not a place: no village Mustafa, no Russia
        ('"The ceasefire has collapsed" Mustafa told AFP.', "Mustafa", False),
        ("Russia says it kills 180 extremists in Syria", "Russia", False),
        # unless a preposition puts the name somewhere
        ("Maysa al-Aswad, an evacuee from Kafraya said she was sitting on one of the buses", "Kafraya", True),
        ("Activists in northern rural Homs said that the regime shelled the town", "Homs", True),
        ("A doctor in rebel-held Douma told AFP that five were killed", "Douma", True),
        ("A medic in Syria's Idlib told AFP that four were killed", "Idlib", True),
    ],
)
def test_places_namesakes_who_speaks_is_no_place(
    gaz: Gazetteer, text: str, words: str, is_place: bool
) -> None:
    assert (words in _found(gaz, text)) is is_place


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a month's abbreviation in a dateline, or a people's adjective, read with no country: no Ho in Ghana,
        # no Ji'an in China, no Cao Lanh in Vietnam
        ("Jordan Times. Last updated at Nov 012017. At least four schoolchildren were killed", "Nov"),
        ("Shafat Mir Jerez, Jan 25: Three grenade attacks rocked the south", "Jan"),
        ("Residents of the North Korean city of Taugon were hit by an air raid", "Korean"),
    ],
)
def test_places_namesakes_a_common_word_is_no_city_of_the_world(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in [m.span.text for m in gaz.find(text)]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # the city whose own name the text writes, over a bigger city that has it among its other names:
        # Islamabad, not Chattogram (Bangladesh); New Delhi, not Delhi; Florida's St. Petersburg beside Tampa
        ("A bomb exploded in Islamabad on Monday, killing three.", "Islamabad", "Islamabad"),
        ("NEW DELHI: Farmers across the country have blocked the highways", "NEW DELHI", "New Delhi"),
        (
            "Peaceful rallies in Tampa and St. Petersburg took a turn late Tuesday",
            "St. Petersburg",
            "St. Petersburg",
        ),
    ],
)
def test_places_namesakes_a_citys_own_name(gaz: Gazetteer, text: str, words: str, name: str) -> None:
    assert (words, name) in [(m.span.text, m.place.name) for m in gaz.find(text)]


def test_places_namesakes_an_organisation_is_no_quarter(gaz: Gazetteer) -> None:
    found = gaz.find("Clashes between the Islamic State and Hayyaat Tahrir al-Sham in Idlib city", "SY")
    assert [m.place.name for m in found] == ["Idlib"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a nisba after a name ("al-Baghdadi") makes it a person's: Abu Bakr is no village Abu Baker
        ("Drone kills the envoy of Abu Bakr al-Baghdadi to Aleppo", "Abu Bakr"),
        ("US forces killed Abu Bakr al Baghdadi in a raid on Barisha village in Idlib", "Abu Bakr"),
        ("Salah Al Din Al Shishani is still alive and is somewhere in the regions", "Salah Al Din"),
    ],
)
def test_places_namesakes_a_name_before_a_nisba_is_a_persons(gaz: Gazetteer, text: str, words: str) -> None:
    assert words not in _found(gaz, text)


def test_places_namesakes_a_descriptor_after_a_name_is_no_nisba(gaz: Gazetteer) -> None:
    # "al-Sharqi" (eastern) and "al-Tahtani" (lower) end in -i too, but say which part of the place
    found = _found(gaz, "Supplies arrive at Al-Mayadeen City in Deir Ezzor Al-Sharqi countryside")
    assert found["Deir Ezzor"].admin1 == "Deir ez-Zor"  # type: ignore[attr-defined]
    found = _found(gaz, "Airstrikes hit Tal Hamis al-Tahtani and Tal Tamr")
    assert found["Tal Hamis"].admin1 == "Al-Hasakah"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "country", "unknown"),
    [
        # the words a cue announces stay one unknown name, not a piece matched elsewhere ("Gar" is not Ghor)
        ("an operation east of Gavragay, Lashkar Gar district, Helmand Province", "AF", "Lashkar Gar"),
        ("the detention of an insurgent in Mur Sheykh village, Aliabad district", "AF", "Mur Sheykh"),
        # two names side by side, or a name and a word that describes nothing, are still one unknown name
        ("Airstrikes on Jadida Baladiya village, eastern Raqqa", "SY", "Jadida Baladiya"),
        ("Shells on the village of Soran Hama", "SY", "Soran Hama"),
    ],
)
def test_places_namesakes_announced_unknown_names_stay_whole(
    gaz: Gazetteer, text: str, country: str, unknown: str
) -> None:
    reading = gaz.read(text, country)
    assert unknown in [u.raw for u in reading.unresolved]
    assert not any(unknown.endswith(m.span.text) for m in reading.mentions)


@pytest.mark.parametrize(
    ("text", "words", "admin1"),
    [
        # a run a cue announces, whose other words only say what or which part of a place the name is
        ("Airstrikes targeted 40 neighbourhoods, villages and towns of Aleppo Province", "Aleppo", "Aleppo"),
        ("Clashes in the eastern countryside of Salamiyah City and one killed", "Salamiyah", "Hama"),
        ("Dozens of families arrive in Deir Ezzor Al-Sharqi countryside", "Deir Ezzor", "Deir ez-Zor"),
        # a verb's -ing form and a possessive written without its apostrophe are no part of a name either
        ("200 civilians killed in 7 days of Targeting Aleppo city", "Aleppo", "Aleppo"),
        ("16 civilians killed in Syrias Hasakeh city after a motorbike bombing", "Hasakeh", "Al-Hasakah"),
    ],
)
def test_places_namesakes_announced_run_with_descriptive_words_is_its_name(
    gaz: Gazetteer, text: str, words: str, admin1: str
) -> None:
    reading = gaz.read(text, "SY")
    # the one name only: "Al-Sharqi" ("eastern") is no village of its own beside the name it qualifies
    assert [(m.span.text, m.place.admin1) for m in reading.mentions] == [(words, admin1)]
    assert not reading.unresolved


def test_places_namesakes_name_in_two_scripts_is_one_name(gaz: Gazetteer) -> None:
    # Airwars writes the Arabic name, then its romanisation: one place, read from the Latin words and their cues
    found = gaz.find("(S1025) تل ابيض,Tal Abyad Street, Raqqa city, Raqqa governorate, Syria", "SY")
    assert found[0].span.text == "Tal Abyad"
    assert found[0].place.feature == "neighbourhood" and found[0].place.admin1 == "Raqqa"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # in a Latin line, an Arabic word after an Arabic name makes it longer: "كسرة جمعة" (Kasrat Juma'a) is
        # no Kisreh of Deir ez-Zor, "رقة السمرة" (Raqqa al-Samra) no Raqqa city
        (
            "(S804) كسرة جمعة Kasrat Juma’a village, western Raqqa countryside Syria",
            {"Western Raqqa", "Syria"},
        ),
        (
            "(S388) رقة السمرة Raqqa al Samra village, Raqqa governorate, Syria",
            {"Raeqqet Samra", "Raqqa", "Syria"},
        ),
        # a direction or "old" after it does not ("the old city of Raqqa")
        ("(S1015) مدينة الرقة القديمة، Old Raqqa neighbourhood", {"Ar Raqqah"}),
        # in Arabic prose the next word is the sentence's
        ("قصف على مدينة الرقة وريفها", {"Ar Raqqah"}),
    ],
)
def test_places_namesakes_arabic_name_that_goes_on(gaz: Gazetteer, text: str, names: set[str]) -> None:
    assert {m.place.name for m in gaz.find(text, "SY")} == names


def test_places_namesakes_village_with_its_governorate_after_it(gaz: Gazetteer) -> None:
    # a spelling only the key unifies ("Maizeela" / OCHA "Moezleh"), vouched for by "..., Deir Ezzor governorate"
    found = gaz.find("(S1160) near Maizeela, Deir Ezzor governorate, Syria", "SY")
    village = next(m.place for m in found if m.span.text == "Maizeela")
    assert village.admin1 == "Deir ez-Zor"
    # the same words with no governorate beside them stay unread rather than guessed
    assert not [m for m in gaz.find("Maizeela was quiet on Monday", "SY") if m.span.text == "Maizeela"]


def test_places_namesakes_area_in_a_countryside_is_not_moved_to_the_town(gaz: Gazetteer) -> None:
    # "the Latakia countryside" is no town for an area to lie in: the village keeps its own point
    [village, _] = gaz.find("Regime forces attack Kabana area in Lattakia countryside", "SY")
    assert village.span.text == "Kabana" and village.place.feature != "neighbourhood"


def test_places_namesakes_close_spelling_in_the_governorate_after_it(gaz: Gazetteer) -> None:
    # "Daranj" shares its consonants with OCHA's "Darnaj"; the governorate after it says which one is meant
    found = gaz.find("(S1485) Daranj, Eastern Deir Ezzor governorate, Syria", "SY")
    village = next(m.place for m in found if m.span.text == "Daranj")
    assert (village.name, village.admin1) == ("Darnaj", "Deir ez-Zor")


def test_places_namesakes_arabic_direction_words(gaz: Gazetteer) -> None:
    [meda, ghouta, qalamoun] = gaz.find(
        "Fierce battles in Meda in Eastern Ghouta and clashes in Qalamoun Al-Sharqi", "SY"
    )
    assert qalamoun.place.name == "Eastern Qalamoun" and ghouta.place.name == "Eastern Ghouta"
    assert meda.place.admin1 == "Rif Dimashq"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("in the area.\n\n\nUpon arriving in the district, the force met insurgents", "AF"),
        ("Upon securing the compound, the force called out the inhabitants", "AF"),
    ],
)
def test_places_namesakes_no_region_named_vouches_for_nothing(
    gaz: Gazetteer, text: str, country: str
) -> None:
    # a loosely spelled one-word name ("Upon" / Japan's "Iapon") needs a cue or its governorate after it
    assert [m.place.name for m in gaz.find(text, country) if m.place.country != "Afghanistan"] == []


@pytest.mark.parametrize(
    ("text", "words", "kept"),
    [
        # a village whose only namesakes lie outside the governorate said to hold it, and which the governorate
        # has no place spelled like, is left unresolved
        ("(S727) Samra village, Raqqa governorate, Syria", "Samra", False),
        ("Near Khaled bin Waled school, Raqqa city, Raqqa governorate, Syria", "Khaled", False),
        # a list or a direction is no such statement: the names stand
        ("Aerial bombardment targets Idlib, Hama and Lattakia", "Idlib", True),
        ("Renewed clashes in Jobar and Ein Tarma, east of Damascus", "Ein Tarma", True),
        ("a shell targeted Kafr Zita town, 10 casualties at least killed in Aleppo", "Kafr Zita", True),
        # another place of the same governorate, or an Arabic name in presentation forms, may stand between:
        # no Kabish or Samra of Raqqa is known, nor one spelled alike (al-Hasakah's Kabsh and Hama's Samra are
        # not them)
        ("(S388a) Kabish village and Zor Shamr, Raqqa governorate, Syria", "Kabish", False),
        ("(S600) Samra ﺍﻟﻄﺒﻘﺔ, Raqqa governorate, Syria", "Samra", False),
        # ... and both: an Arabic name, then a town of the governorate (Suwayda's Karis is not Tabaqa's al Qariya)
        ("(S663a) al Qariya district ﺍﻟﻄﺒﻘﺔ, al Tabaqa, Raqqa, Syria", "al Qariya", False),
        ("Clashes in Jabali, 10 killed in Raqqa", "Jabali", True),
    ],
)
def test_places_namesakes_governorate_said_to_hold_the_name(
    gaz: Gazetteer, text: str, words: str, kept: bool
) -> None:
    reading = gaz.read(text, "SY")
    assert (words in [m.span.text for m in reading.mentions]) is kept
    if not kept:
        assert any(u.raw == words and u.reason == unresolved.CONFLICT for u in reading.unresolved)


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # OCHA's Sefsafa, at UCDP's own point, is spelled alike under another key than Tartus's As Safsafah
        ("(S564) Al Safsaf village near Tabaqa, Raqqa governorate, Syria", "Al Safsaf", "Sefsafa"),
        ("(S609) Musherfa, Raqqa governorate, Syria", "Musherfa", "Al Mushayrfah"),
        ("(S543) Jabali and Zor Shamr, Raqqa governorate, Syria", "Jabali", "Jabli"),
    ],
)
def test_places_namesakes_the_governorate_said_to_hold_it_has_it_spelled_alike(
    gaz: Gazetteer, text: str, words: str, name: str
) -> None:
    reading = gaz.read(text, "SY")
    found = {m.span.text: (m.place.name, m.place.admin1) for m in reading.mentions}
    assert found[words] == (name, "Raqqa") and reading.unresolved == []


def test_places_namesakes_a_name_read_in_its_governorate_is_that_place_again(gaz: Gazetteer) -> None:
    text = (
        "A drone struck a car at the entrance of Hader in Quneitra province. Rebels had surrounded the "
        "village of Hader in June."
    )
    found = [(m.span.text, m.place.name, m.place.admin1) for m in gaz.find(text, "SY")]
    assert [f for f in found if f[0] == "Hader"] == [("Hader", "Hadar", "Quneitra")] * 2


@pytest.mark.parametrize(
    ("text", "words", "name", "admin1"),
    [
        # the key finds only villages (Salma, two OCHA Salmiyehs); the town of As Salamiyah, a vowel apart,
        # is weighed with them and wins on its size, as UCDP codes it
        (
            "Regime forces retake 4 villages in the countryside of Salmiyah.",
            "Salmiyah",
            "As Salamiyah",
            "Hama",
        ),
        # a village spelled letter for letter keeps its name
        ("Shelling hit the village of Salma in the Latakia countryside.", "Salma", "Salma", "Latakia"),
    ],
)
def test_places_namesakes_a_town_spelled_alike_joins_villages(
    gaz: Gazetteer, text: str, words: str, name: str, admin1: str
) -> None:
    found = {m.span.text: (m.place.name, m.place.admin1) for m in gaz.find(text, "SY")}
    assert found[words] == (name, admin1)


@pytest.mark.parametrize(
    ("text", "words", "name", "admin1"),
    [
        ("(S513) Al Safsafa near Tahtani, Raqqa governorate, Syria", "Al Safsafa", "Sefsafa", "Raqqa"),
        # named right before the governorate, too (Homs's Hazzeh is spelled letter for letter)
        ("Shelling hit the town of Hazzeh in Rif Dimashq", "Hazzeh", "Hezzeh", "Rif Dimashq"),
        (
            "Shelling hit Hazeh, Rif Dimashq; later the town of Hazeh was hit again",
            "Hazeh",
            "Hezzeh",
            "Rif Dimashq",
        ),
    ],
)
def test_places_namesakes_namesake_in_the_governorate_said_to_hold_the_name(
    gaz: Gazetteer, text: str, words: str, name: str, admin1: str
) -> None:
    # the governorate beside the name picks its namesake there (OCHA's Sefsafa of Raqqa), even when one
    # elsewhere is spelled closer (As Safsafah of Tartus); and so wherever the text repeats the name
    found = [(m.place.name, m.place.admin1) for m in gaz.find(text, "SY") if m.span.text == words]
    assert found and set(found) == {(name, admin1)}


def test_places_namesakes_name_covering_its_cue_is_not_left_unresolved(gaz: Gazetteer) -> None:
    # "Damascus countryside" is a name of Rif Dimashq: its first word is not also an unknown name
    reading = gaz.read("Clashes in the Damascus countryside", "SY")
    assert [m.place.name for m in reading.mentions] == ["Rif Dimashq"] and reading.unresolved == []


def test_places_namesakes_town_listed_before_a_city_keeps_its_own_point(gaz: Gazetteer) -> None:
    # "X, Y city" places a small place inside the city; a town of its own in a list stays where it is
    found = {
        m.span.text: m.place for m in gaz.find("Shelling on Saraqib, Idlib city and Binnish killed 3", "SY")
    }
    assert found["Saraqib"].name == "Saraqib" and found["Saraqib"].feature != "neighbourhood"
    found = {m.span.text: m.place for m in gaz.find("Clashes in Jarabulus area, Manbij and Azaz", "SY")}
    assert found["Jarabulus"].name == "Jarabulus"
    quarter = gaz.find("(S1320) Sa’alu , Deir Ezzor city, Deir Ezzor governorate, Syria", "SY")[0]
    assert quarter.place.feature == "neighbourhood" and quarter.place.admin1 == "Deir ez-Zor"


def test_places_namesakes_villages_listed_together_are_neighbours(gaz: Gazetteer) -> None:
    # the besieged twin towns: of the Kafrayas, the one beside al-Fu'ah, in either order
    for text in ("Shells target the towns of Kafrayya and al-Fou'aa", "Shells target al-Fou'aa and Kafraya"):
        found = {m.place.name: m.place for m in gaz.find(text, "SY")}
        fuah = found.pop("Al-Fu'ah")
        [kafraya] = found.values()
        assert kafraya.admin1 == "Idlib"
        km = distance_km(kafraya.latitude, kafraya.longitude, fuah.latitude, fuah.longitude)  # type: ignore[arg-type]
        assert km <= 25, (kafraya.name, kafraya.admin2, km)

    # named apart in one stretch of a sentence: of the Safsafas, the one beside Tabqa (not Tartus's); of the
    # Hadirs, Aleppo's beside Khan Tuman
    def admin2(text: str) -> dict[str, str | None]:
        return {m.span.text: m.place.admin2 for m in gaz.find(text, "SY")}

    found = admin2("After 24 hours of besieging al-Tabaqa area… forces take Safsafa area from ISIS")
    assert found["Safsafa"] == found["al-Tabaqa"] == "Al-Thawrah"
    found = admin2("clashes around Hadar and shelling on Khan Tuman")
    assert found["Hadar"] == found["Khan Tuman"] == "Mount Simeon"
    # another sentence vouches for nothing: Hadar of the Golan stays the best known
    assert admin2("Clashes around Hadar. Shelling on Khan Tuman")["Hadar"] == "Quneitra"
    # a city listed beside a neighbourhood vouches for nothing: Qaboun is Damascus's
    found = _found(gaz, "Casualties in the countryside of Idlib and Qaboun neighborhood")
    qaboun = found["Qaboun"]
    assert isinstance(qaboun, Place) and qaboun.admin1 == "Damascus"


@pytest.mark.parametrize(
    ("text", "where_prec"),
    [
        ("Shells fell on the capital on Monday", 1),
        ("Clashes on the outskirts of the capital", 2),
        # a headline's capital letter: the capital all the same, and no unknown place called "Capital"
        ("Shelling at the southern outskirts of the Capital", 2),
    ],
)
def test_places_namesakes_the_capital_unnamed(gaz: Gazetteer, text: str, where_prec: int) -> None:
    # "the capital" with no name after it is the capital of the country in play (GeoNames)
    reading = gaz.read(text, "SY")
    [capital] = reading.mentions
    assert (capital.place.name, capital.place.where_prec, capital.cue) == ("Damascus", where_prec, "capital")
    assert not reading.unresolved


@pytest.mark.parametrize(
    "text", ["Shelling south of the capital Damascus", "Raids on the capital of Idlib province"]
)
def test_places_namesakes_the_capital_named_or_of_something(gaz: Gazetteer, text: str) -> None:
    assert not [m for m in gaz.find(text, "SY") if m.cue == "capital"]


def test_places_namesakes_remembered_scores_leave_the_regions_to_each_text(gaz: Gazetteer) -> None:
    # a name's namesakes are scored once for all texts; the regions each text names still choose among them
    # (with no namesake in the region named, the best of them all: Hama's Az-Zara, as "struck" names a place)
    def zara(province: str) -> str | None:
        text = f"Regime jets struck Zara and clashes went on in {province} province"
        return next((m.place.admin1 for m in gaz.find(text, "SY") if m.span.text == "Zara"), None)

    assert [zara(p) for p in ("Homs", "Hama", "Raqqa", "Homs", "Raqqa", "Hama")] == [
        "Homs", "Hama", "Hama", "Homs", "Hama", "Hama"
    ]  # fmt: skip
    # with no cue, a short name that only small villages have is no place alone
    assert gaz.find("Clashes went on as Zara burned", "SY") == []


def test_places_namesakes_part_word_in_the_other_order_joins_a_source_to_its_village(gaz: Gazetteer) -> None:
    # UCDP's "Dayr ash Sharqi" is OCHA's "Eastern Deir" (Maarrat al-Nu'man district): read in the other order,
    # the names meet, and the village gets UCDP's point with OCHA's p-code
    (found,) = gaz.find("More casualties in the massacre of Deir Sharqi", "SY")
    assert (found.place.admin1, found.place.pcode, found.place.approx) == ("Idlib", "C3962", False)


def test_places_namesakes_a_neighbourhood_with_no_city_is_no_village_elsewhere(gaz: Gazetteer) -> None:
    # Aleppo's al-Sakhour quarter, its city unnamed: al-Hasakah's village Sikhur is not it; the name is kept
    reading = gaz.read("8 killed by aerial bombardment on al-Sakhour neighborhood", "SY")
    assert reading.mentions == []
    assert [(u.raw, u.reason) for u in reading.unresolved] == [("al-Sakhour", unresolved.NOT_THIS_PLACE)]
    # a town near a city that a report calls its neighbourhood stays that town
    [batna] = gaz.find("Bodies were brought to a field hospital in Kafr Batna neighborhood", "SY")
    assert (batna.place.name, batna.place.admin1) == ("Kafr Batna", "Rif Dimashq")


def test_places_namesakes_a_city_district_is_no_village_elsewhere(gaz: Gazetteer) -> None:
    # Homs's Khaldiyeh District is not Raqqa's village Khaldiya: the name is kept
    reading = gaz.read("The army captured Khaldiyeh District, held by the rebels for two years.", "SY")
    assert reading.mentions == []
    assert [(u.raw, u.reason) for u in reading.unresolved] == [("Khaldiyeh", unresolved.NOT_THIS_PLACE)]
    # ... but a province said to hold the district makes it a division, named after its town or village
    [chimtal, balkh] = gaz.find("A Taliban leader was arrested in Chimtal district, Balkh province.", "AF")
    assert (chimtal.place.name, balkh.place.name) == ("Chimtal", "Balkh")


def test_places_namesakes_a_land_form_is_no_village_of_its_name_elsewhere(gaz: Gazetteer) -> None:
    # "Al-Shamiyyah Mountains" in the Homs desert are not Raqqa's village Al-Hama ("Shamiyah"): the name is kept
    reading = gaz.read("Warplanes shell Al-Shamiyyah Mountains in the eastern countryside of Homs", "SY")
    assert [m.place.name for m in reading.mentions] == ["Eastern Homs"]
    assert [(u.raw, u.reason) for u in reading.unresolved] == [("Al-Shamiyyah", unresolved.NOT_THIS_PLACE)]
    # the mountains a source knows as "Jabal X" are those ("Shomariyyeh Mountains" east of Homs, not Suwayda's
    # village Al-Shomarah); the village itself, and a town's mountains, are still read
    [mountains, _] = gaz.find("Regime forces advance in Al-Shomariyyeh Mountains east of Homs", "SY")
    assert (mountains.place.name, mountains.place.admin1) == ("Jabal Ash Shawmariyah", "Homs")
    [village] = gaz.find("Shelling on Al-Shomariyyeh village", "SY")
    assert (village.place.name, village.place.admin1) == ("Al-Shomarah", "As-Suwayda")
    [town] = gaz.find("Warplanes carry out 10 raids on Zabadani Mountains", "SY")
    assert (town.place.name, town.place.feature) == ("Az Zabadani", "town")


def test_places_namesakes_a_numbered_base_is_no_village(gaz: Gazetteer) -> None:
    # "Base 46" is an army base west of Aleppo, not Latakia's village Basa, whose key "Base" shares, even after
    # a verb that names a place ("captured")
    found = gaz.find(
        'Fighting for Base 46 west of Aleppo. "Al-Nusra captured Base 46" said the director', "SY"
    )
    assert [m.place.name for m in found] == ["Aleppo"]


@pytest.mark.parametrize(
    ("text", "words", "is_place"),
    [
        # a word that heads a channel's or an alliance's name when capitalised is an everyday word after a place
        # in lower case: "today" was read as "Aleppo Today" the channel, and the place dropped
        ("Russian airstrikes kill 14 civilians in Aleppo today", "Aleppo", True),
        ("Bombing in the Eastern Ghouta today kills 9", "Eastern Ghouta", True),
        ("Clashes continue in Kabbana front and bombardment targets Rastan", "Kabbana", True),
        ("Aleppo Today reported the shelling", "Aleppo", False),
        ("The Southern Front and the Hama Brigade issued a statement", "Hama", False),
        # "media" ending a headline is its source; elsewhere it heads the outlet's name
        ("Syrian forces destroy over 60 terrorists on approached to Palmyra media\n\nText.", "Palmyra", True),
        ("Palmyra media outlets said the strike killed 5.", "Palmyra", False),
    ],
)
def test_places_namesakes_a_lower_case_head_word_is_no_organisation(
    gaz: Gazetteer, text: str, words: str, is_place: bool
) -> None:
    assert (words in _found(gaz, text)) is is_place


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # "at" and "as" are the English words between two names, not the articles of a longer name ("Salma
        # at-Jabal"), which are written only before their own letter
        ("Factions target regime forces in Salma at Jabal al-Akrad", ["Salma", "Jabal al-Akrad"]),
        ("Clashes in Kabani at Jabal al-Akrad", ["Kabani", "Jabal al-Akrad"]),
        # before its own letter the article joins: one village, not Salim and another
        ("Clashes near Salim at Tahtani village", ["Salim at Tahtani"]),
    ],
)
def test_places_namesakes_an_article_joins_only_its_own_letter(
    gaz: Gazetteer, text: str, places: list[str]
) -> None:
    assert [m.place.name for m in gaz.find(text, "SY")] == places


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        # a governorate's name right after a town's says where the town is, as a comma would: "Jasim Daraa" is not
        # one unknown name hiding the town
        ("Explosion in Jasim Daraa kills 3", "Jasim", "Daraa"),
        ("Regime Chlorine Attacks on Saraqib Idlib", "Saraqib", "Idlib"),
        ("A child injured in a mortar attack on al-Fouaa Idleb", "Al-Fu'ah", "Idlib"),
    ],
)
def test_places_namesakes_a_governorate_after_a_town_ends_its_name(
    gaz: Gazetteer, text: str, town: str, admin1: str
) -> None:
    found = {m.place.name: m.place.admin1 for m in gaz.find(text, "SY")}
    assert found.get(town) == admin1, found


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a city beside a name, or any place beside a governorate's name, is a place and where it lies: not a
        # person's two names, as "Vladimir Putin" is
        ("Last updated at Jul 28 2016 QAMISHLI Syria A massive bomb blast claimed by Daesh", "Syria"),
        ("A child injured in a mortar attack on al-Fouaa Idleb A girl child was injured", "Idleb"),
        ("Shelling targets Damascus Ghouta and Martyrs of Rural Idlib", "Ghouta"),
        # a dateline's month after a name is no part of it
        ("Regime forces shell the northern countryside of Homs  July 21, 2016", "Homs"),
    ],
)
def test_places_namesakes_a_place_beside_a_city_is_no_person(gaz: Gazetteer, text: str, words: str) -> None:
    assert words in _found(gaz, text)


def test_places_namesakes_two_given_names_stay_a_person(gaz: Gazetteer) -> None:
    # villages bear both names, but neither is a city or a governorate
    assert _found(gaz, "Hassan Nasrallah said the attack failed") == {}
