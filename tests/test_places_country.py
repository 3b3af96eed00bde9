"""Country and admin-region disambiguation, and common words that must not read as places."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.gazetteer.match import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("text", "country", "name", "expected_country"),
    [
        ("Clashes in Tripoli left three dead.", "LB", "Tripoli", "Lebanon"),
        ("Clashes in Tripoli left three dead.", "LY", "Tripoli", "Libya"),
        ("ISIS attacked the town of Hit in Anbar province.", "IQ", "Hit", "Iraq"),
        ("Shelling on Homs.", "SY", "Homs", "Syria"),
        ("A raid in Kandahar.", "AF", "Kandahar", "Afghanistan"),
        ("A raid in Kandahar.", "AFG", "Kandahar", "Afghanistan"),
        ("A raid in Kandahar.", "Afghanistan", "Kandahar", "Afghanistan"),
        ("Shelling on Homs.", "syria", "Homs", "Syria"),
    ],
)
def test_places_country_hint_picks_the_namesake(
    gaz: Gazetteer, text: str, country: str, name: str, expected_country: str
) -> None:
    found = [m for m in gaz.find(text, country) if m.place.feature != "country"]
    assert found and found[0].place.name == name and found[0].place.country == expected_country


@pytest.mark.parametrize(
    ("text", "country"), [("Fighting in Aleppo.", "AF"), ("Fighting in Kandahar.", "SY")]
)
def test_places_country_never_a_foreign_namesake(gaz: Gazetteer, text: str, country: str) -> None:
    names = {"AF": "Afghanistan", "SY": "Syria"}
    assert all(m.place.country == names[country] for m in gaz.find(text, country))


def test_places_country_unknown_hint_reads_every_country(gaz: Gazetteer) -> None:
    found = gaz.find("Shelling on Homs and Aleppo.", "Narnia")
    assert [m.place.country for m in found] == ["Syria", "Syria"]


def test_places_country_detected_without_hint(gaz: Gazetteer) -> None:
    text = "ISAF forces detained two insurgents in Nad-e Ali district, Helmand province, and in Kandahar."
    found = gaz.find(text)
    assert {m.place.country for m in found} == {"Afghanistan"}
    assert {m.place.admin1 for m in found} == {"Helmand", "Kandahar"}


def test_places_country_region_named_nearby_decides(gaz: Gazetteer) -> None:
    # Duma is a city in Rif Dimashq and a village in Hama; the governorate named next to it decides
    [village, hama] = gaz.find("Shells fell on Duma, in the western Hama countryside.", "SY")
    # "the western Hama countryside" is the governorate's western part (UCDP "Western Hamah Governorate")
    assert village.place.admin1 == "Hama" and hama.place.feature == "sector" and hama.place.admin1 == "Hama"
    [city] = gaz.find("Airstrikes hit Duma.", "SY")
    assert city.place.admin1 == "Rif Dimashq" and city.place.feature == "city"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deir ez-Zor city was shelled.", "city"),
        ("Attacks in Deir ez-Zor countryside.", "city"),  # around the city, where_prec 2
        ("Attacks in Deir ez-Zor province.", "admin1"),
        ("Attacks in Deir ez-Zor governorate.", "admin1"),
        ("A bomb in Aleppo city.", "city"),
        ("Shelling in the Aleppo countryside.", "city"),
        ("Raids in the Homs desert.", "admin1"),
    ],
)
def test_places_country_governorate_or_city(gaz: Gazetteer, text: str, name: str) -> None:
    [mention] = gaz.find(text, "SY")
    assert mention.place.feature == name


@pytest.mark.parametrize(
    "text",
    [
        "He said the attack hit the bus. Of the soldiers, Mark and Will survived.",
        "Said the commander: Hit them hard. May God protect them.",
        "The Islamic State, Hezbollah and the Syrian Democratic Forces issued statements on Sunday.",
        "Bashar al-Assad met Vladimir Putin; Liwaa Al-Quds and the Tiger Forces joined the NDF.",
        "SOHR, ISIS, SDF, YPG and HTS are acronyms, not villages.",
        "The Deir ez-Zor Military Council and the Hama Brigade issued a statement.",
        # what happened opens a headline: "Shelling" is no Jilin (China), which GeoNames also spells Chi-ling
        "Shelling targets the market. Kill lists and Fierce Fighting: Heavy Clashes continue.",
        # a person's title before a name makes it the person's ("Abu Obaida" is also a village)
        "The commander Abu Obaida and Imam Sayyed Ali spoke on Sunday.",
        # an institution's word is no Qentere (Aleppo) or Burkina Faso's Centre region
        "The Hama Media Center said the Centre for Democracy issued a statement.",
    ],
)
@pytest.mark.parametrize("country", ["SY", "IQ", None])
def test_places_country_common_words_are_not_places(gaz: Gazetteer, text: str, country: str | None) -> None:
    assert [m.span.text for m in gaz.find(text, country)] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("News India: a mob lynches a man.", "News"),
        ("Rescuers searched the wreckage of the hotel in Fort Kent.", "Fort"),
        ("Gas leaked from a chemical factory in Port Qasim.", "Port"),
        # spelled near only one of the forms GeoNames lists in other languages: Ta'if's "Taifas", Novi Sad's
        # "Novi-Said"
        ("A sniper killed a man in Tafas.", "Tafas"),
        ("The Navy said two boats sank.", "Navy said"),
        # ... nor a town through a translation of its name: Casablanca's "White House"
        ("The White House said the strike killed five.", "White House"),
    ],
)
def test_places_country_world_cities_need_their_spelling(gaz: Gazetteer, text: str, words: str) -> None:
    """Read against the world's cities, a word whose key alone matches a city's (News: Neuss, Fort: Furth, Port:
    Perth) is no place, nor one spelled near only another language's form of its name, nor a name of several
    words spelled nothing like the city's own; a close variant of the city's own name still is ("Deir Ezzur")."""
    assert words not in [m.span.text for m in gaz.find(text, None)]
    assert [m.place.name for m in gaz.find("The warplanes targeted Deir Ezzur.", None)] == ["Deir ez-Zor"]


@pytest.mark.parametrize(
    ("text", "places", "country"),
    [
        # nothing else named: not Iraq's Basra, but the Syrian town, the one country whose places are spelled so
        ("Three fighters were killed in an explosion east of Busra al-Sham.", ["Busra ash Sham"], "SY"),
        # a governorate named: Syria's layer reads the town whole
        (
            "Shelling hit Busra al-Sham, in the Daraa countryside, killing a child.",
            ["Busra ash Sham", "Dar'a"],
            "SY",
        ),
        # Basra alone is Basra (one city settles no country on its own)
        ("Clashes erupted in Basra between two tribes.", ["Basrah"], None),
    ],
)
def test_places_country_a_longer_names_first_word_is_no_world_city(
    gaz: Gazetteer, text: str, places: list[str], country: str | None
) -> None:
    """Read against the world's cities, a city's name that an Arabic article joins to the next word ("Busra
    al-Sham") starts a longer name that layer lacks: no Basra, to make a Syrian report Iraq's; Basra alone is."""
    assert [m.place.name for m in gaz.find(text, None)] == places
    assert gaz.country_of(text) == country


@pytest.mark.parametrize("country", ["SY", None])
def test_places_country_a_capital_named_for_its_government_is_no_place(
    gaz: Gazetteer, country: str | None
) -> None:
    """ "Moscow defended its Damascus ally", "in support of the Damascus regime": the government, not the city
    (no event happened there); a country's name before "regime" still says which country the report is about."""
    text = "Moscow defended its Damascus ally. Russia struck in support of the Damascus regime."
    assert "Damascus" not in [m.span.text for m in gaz.find(text, country)]
    assert [m.place.name for m in gaz.find("Syria regime kills dozens in raids", country)] == ["Syria"]
    assert [m.place.name for m in gaz.find("Clashes in Damascus killed 3.", country)] == ["Damascus"]


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # India's Khardah has the alternate name "Khardaha": the Arabic article says the name is not it
        ("Shelling on al-Qardaha killed two.", None, []),
        ("Shelling on al-Qardaha killed two.", "SY", [("al-Qardaha", "Al Qardahah", "Syria")]),
        ("Fighting in El Paso and al-Qaim.", None, [("El Paso", "El Paso", "United States")]),
        ("Airstrikes on al-Qaim, Iraq.", None, [("al-Qaim", "Al Qa'im", "Iraq"), ("Iraq", "Iraq", "Iraq")]),
        # a quarter of Raqqa, not the country Romania
        (
            "Clashes in the west of Al-Raqqah city and in al Romania.",
            "SY",
            [("Al-Raqqah", "Ar Raqqah", "Syria")],
        ),
        (
            "Airstrikes hit Al Bab and al-Raqqa.",
            None,
            [("Al Bab", "Al Bab", "Syria"), ("al-Raqqa", "Ar Raqqah", "Syria")],
        ),
    ],
)
def test_places_country_a_name_the_arabic_article_opens_is_in_a_country_that_names_places_so(
    gaz: Gazetteer, text: str, country: str | None, expected: list[tuple[str, str, str]]
) -> None:
    """A name written with the Arabic article ("al-Qardaha", "al Romania") is no place of a country whose places
    bear no Arabic names: it stays unresolved rather than India's Khardah, Germany's Hamm or Romania."""
    reading = gaz.read(text, country)
    assert [(m.span.text, m.place.name, m.place.country) for m in reading.mentions] == expected
    found = {m.span.text for m in reading.mentions}
    for name in ("al-Qardaha", "al-Qaim", "al Romania"):
        if name in text and name not in found:
            assert name in [u.raw for u in reading.unresolved]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ISIS members executed 2 shepherds in the Badia.", "Syrian Desert"),
        ("Shelling on the Eastern Ghouta killed 5 civilians.", "Eastern Ghouta"),
        ("Clashes in Jabal al-Zawiya killed 3 fighters.", "Jabal al-Zawiya"),
    ],
)
def test_places_country_curated_regions_are_read_without_a_country(
    gaz: Gazetteer, text: str, place: str
) -> None:
    """The regions and deserts of the curated supplement are read against the world's cities too: a report that
    names only "the Badia" is in the Syrian desert, not Taiwan's Bade (GeoNames' alternate name "Badia")."""
    assert [(m.place.name, m.place.country) for m in gaz.find(text, None)] == [(place, "Syria")]


@pytest.mark.parametrize(
    ("text", "country", "places"),
    [
        # two villages too small for the world's cities, both Syrian, and no other country has both
        ("A man from Dael was killed by a sniper in Tafas.", "SY", ["Da'il", "Tafas"]),
        ("Turkish forces shelled villages near Tal Rifaat and Marea.", "SY", ["Tall Rif'at", "Mari"]),
        # one name of two words that a text places something in, spelled so in one country only
        ("Turkish forces shelled villages near Tal Rifaat.", "SY", ["Tall Rif'at"]),
        ("Clashes erupted in Tal Rifaat.", "SY", ["Tall Rif'at"]),
        # ... not where the world's cities name a place: the Lions Gate of Jerusalem is no Canadian village
        (
            "Clashes broke out outside the Lions Gate leading to the Temple Mount at the Jerusalem holy site.",
            None,
            ["Jerusalem"],
        ),
        # a people alone says where a force comes from: the villages it struck say where the report is
        ("Russian jets struck Tafas and Dael.", "SY", ["Tafas", "Da'il"]),
        # ... unless the names are no villages: a part of the world, a feast
        ("Egyptian security forces guarded churches in the Middle East for Christmas.", "EG", []),
        # one village's name is found in many countries; a sentence's first word ("Media") is no village
        (
            "Media allied with the ISIS group said the militants seized a site less than 40 miles from Palmyra.",
            None,
            [],
        ),
    ],
)
def test_places_country_the_country_whose_villages_a_text_names(
    gaz: Gazetteer, text: str, country: str | None, places: list[str]
) -> None:
    """A report that names no country, province, city or local actor settles the one country whose villages
    and towns bear two of its names or more (or one placed name of two words only it spells so), more than any
    other country's do, and is read against it."""
    assert gaz.country_of(text) == country
    assert [m.place.name for m in gaz.find(text, None)] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the president's family name is no place alone, even after "in": not the suburb OCHA calls "Al Assad"
        ("Suicide bomber kills 4 in Assad clans hometown, Qardaha.", ["Al Qardahah"]),
        ("Tags Syria Russia Idlib Turkey Assad SOHR", ["Syria", "Russia", "Idlib", "Turkey"]),
        # ... but the suburb is, named with its article and its kind
        ("Shells target Al-Assad Suburb near Harasta.", ["Dahiet Elasad", "Harasta"]),
        ("More shells hit al-Assad district in the morning.", ["Dahiet Elasad"]),
    ],
)
def test_places_country_assad_names_a_place_only_as_its_suburb(
    gaz: Gazetteer, text: str, places: list[str]
) -> None:
    assert [m.place.name for m in gaz.find(text, "SY")] == places


def test_places_country_badia_of_a_town_is_no_world_city(gaz: Gazetteer) -> None:
    """ "the Badia of Al-Mayadin" is the desert of a town the world's layer lacks, not Taiwan's Bade; named
    with "Badia", a Syrian village's name too, the town settles Syria."""
    text = "ISIS members executed 2 shepherds in the Badia of Al-Mayadin."
    for country in ("SY", None):
        assert [(m.span.text, m.place.name, m.cue) for m in gaz.find(text, country)] == [
            ("Al-Mayadin", "Al Mayadin", "desert")
        ]


@pytest.mark.parametrize(
    "text", ["The Saudi-led coalition struck again.", "Forces backed by Saudi aggression warplanes advanced."]
)
def test_places_country_a_peoples_name_is_no_place(gaz: Gazetteer, text: str) -> None:
    """ "Saudi-led" says who led, not where: no Saudi Arabia (a people's name is never a place alone)."""
    assert gaz.find(text, None) == []


def test_places_country_a_people_says_whose_capital(gaz: Gazetteer) -> None:
    found = gaz.find("Gunmen attacked an Algerian military patrol south of the capital.", None)
    assert [(m.span.text, m.place.name) for m in found] == [("the capital", "Algiers")]


def test_places_country_world_cities_without_machine_spellings(gaz: Gazetteer) -> None:
    """GeoNames lists letter-for-letter transliterations among a city's names ("an kang" for Anqing): the world's
    cities are read without them, as their keys are English words' ("King")."""
    found = gaz.find("A man was walking near King Place in Sydney's Sunshine West.", None)
    # (Sydney and Sunshine West, a town of the same country, settle Australia, where its layer reads both)
    assert [(m.span.text, m.place.country) for m in found] == [
        ("Sydney", "Australia"),
        ("Sunshine West", "Australia"),
    ]


def test_places_country_headlines_run_together(gaz: Gazetteer) -> None:
    """Headlines joined without punctuation: the one after a name opens with what happened, which is no part of
    the name ("... target Aleppo Clashes continue in Idlib")."""
    text = "Bombardment and shells target Aleppo Clashes continue in Idlib Warplanes bomb Saraqib"
    assert [(m.span.text, m.place.name) for m in gaz.find(text, "SY")] == [
        ("Aleppo", "Aleppo"),
        ("Idlib", "Idlib"),
        ("Saraqib", "Saraqib"),
    ]


def test_places_country_lookup(gaz: Gazetteer) -> None:
    places = gaz.lookup("Dayr az Zawr", "SY")
    assert {p.feature for p in places} >= {"admin1", "city"}
    assert all(p.country == "Syria" for p in places)
