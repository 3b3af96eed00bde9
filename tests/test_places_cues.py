"""Precision per cue: ACLED geo_precision (1-3) and UCDP where_prec (1-7) from the words around a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.gazetteer import cues
from marsad.gazetteer.match import Gazetteer, default_gazetteer
from marsad.gazetteer.rec import distance_km


@pytest.fixture(scope="module")
def gaz(data_dir: Path) -> Gazetteer:
    return default_gazetteer()


# (text, country, words, place name, feature, cue, geo_precision, where_prec)
CASES = [
    ("Clashes erupted in the town of Saraqib.", "SY", "Saraqib", "Saraqib", "town", "town", 1, 1),
    ("Two civilians were killed in Saraqib.", "SY", "Saraqib", "Saraqib", "town", "in", 1, 1),
    ("Shelling hit the outskirts of Saraqib.", "SY", "Saraqib", "Saraqib", "town", "outskirts", 2, 2),
    ("Fighting raged near Saraqib.", "SY", "Saraqib", "Saraqib", "town", "near", 2, 2),
    ("An airstrike hit Saraqib countryside.", "SY", "Saraqib", "Saraqib", "town", "countryside", 2, 2),
    # "X countryside" is coded around the town X (UCDP: the town, where_prec 2); a direction names a part of
    # the governorate (UCDP "Southern Idlib Governorate", where_prec 5)
    ("Shelling on the Idlib countryside.", "SY", "Idlib", "Idlib", "city", "countryside", 2, 2),
    (
        "Raids in the southern countryside of Idlib.",
        "SY",
        "Idlib",
        "Southern Idlib",
        "sector",
        "countryside",
        3,
        5,
    ),
    (
        "Shelling hit Hama's northern countryside.",
        "SY",
        "Hama",
        "Northern Hama",
        "sector",
        "countryside",
        3,
        5,
    ),
    (
        "Clashes in the north-eastern countryside of Hama.",
        "SY",
        "Hama",
        "Northeastern Hama",
        "sector",
        "countryside",
        3,
        5,
    ),
    # the agencies' "rural X" and the plural of a list ("the Hama and Homs countrysides") are X's countryside too
    ("Raids in rural Idlib.", "SY", "Idlib", "Idlib", "city", "countryside", 2, 2),
    ("Shelling on southern rural Idlib.", "SY", "Idlib", "Southern Idlib", "sector", "countryside", 3, 5),
    ("Clashes in the Hama and Homs countrysides.", "SY", "Homs", "Homs", "city", "countryside", 2, 2),
    ("Shells hit the Damascus’ outskirts.", "SY", "Damascus", "Damascus", "city", "outskirts", 2, 2),
    ("Protests spread in Idlib province.", "SY", "Idlib", "Idlib", "admin1", "province", 3, 4),
    ("A car bomb exploded in Idlib city.", "SY", "Idlib", "Idlib", "city", "city", 1, 1),
    ("Curfew in Manbij district.", "SY", "Manbij", "Manbij", "admin2", "district", 2, 3),
    # a list's plural division word is each name's; a quarter's word is its own ("Douma and Al-Assad district")
    ("Curfew in the Azaz and Manbij districts.", "SY", "Azaz", "Azaz", "admin2", "district", 2, 3),
    ("Strikes targeting Hama and Idlib provinces.", "SY", "Hama", "Hama", "admin1", "province", 3, 4),
    ("More shells target Douma and Al-Assad district.", "SY", "Douma", "Duma", "city", "struck", 1, 1),
    ("ISIS cells hide in the Syrian desert.", "SY", "Syrian desert", "Syrian Desert", "desert", "in", 3, 5),
    ("Patrols combed the Badia.", "SY", "Badia", "Syrian Desert", "desert", None, 3, 5),
    ("A bus was ambushed in al-Shula desert.", "SY", "al-Shula", "Ash Shula", "village", "desert", 2, 2),
    ("Attacks in the Deir ez-Zor desert.", "SY", "Deir ez-Zor", "Deir ez-Zor", "admin1", "desert", 3, 4),
    ("Airstrikes on Eastern Ghouta.", "SY", "Eastern Ghouta", "Eastern Ghouta", "region", "struck", 2, 2),
    ("Shelling in Jabal al-Zawiya.", "SY", "Jabal al-Zawiya", "Jabal al-Zawiya", "region", "in", 2, 2),
    ("Boats crossed the Euphrates river.", "SY", "Euphrates river", "Euphrates", "river", None, 3, 5),
    (
        "The campaign secured the Deir Ezzor-Homs road.",
        "SY",
        "Deir Ezzor-Homs road",
        "Deir ez-Zor–Homs road",
        "road",
        None,
        3,
        5,
    ),
    ("Strikes across Syria.", "SY", "Syria", "Syria", "country", None, 3, 6),
    ("A raid in the village of Kabajeb.", "SY", "Kabajeb", "Kabajeb", "village", "village", 1, 1),
    # OCHA-only village: its point is its subdistrict's centre, so never better than "within ~25 km"
    ("Shells fell on the village of Tromba.", "SY", "Tromba", "Tromba", "village", "village", 2, 2),
    (
        "Insurgents were detained in Nangarhar province.",
        "AF",
        "Nangarhar",
        "Nangarhar",
        "admin1",
        "province",
        3,
        4,
    ),
    ("A raid in Helmand killed two.", "AF", "Helmand", "Helmand", "admin1", "in", 3, 4),
    # a district without a point of its own is coded to its province's centre (where_prec 4)
    ("detained in Sabari district, Khost province", "AF", "Sabari", "Sabari", "admin2", "district", 3, 4),
    ("A patrol in Kandahar city was attacked.", "AF", "Kandahar", "Kandahar", "city", "city", 1, 1),
]


@pytest.mark.parametrize(("text", "country", "words", "name", "feature", "cue", "geo", "where"), CASES)
def test_places_cues_precision(
    gaz: Gazetteer,
    text: str,
    country: str,
    words: str,
    name: str,
    feature: str,
    cue: str | None,
    geo: int,
    where: int,
) -> None:
    found = {m.span.text: m for m in gaz.find(text, country)}
    assert words in found, [m.span.text for m in found.values()]
    mention = found[words]
    assert (mention.place.name, mention.place.feature, mention.cue) == (name, feature, cue)
    assert (mention.place.geo_precision, mention.place.where_prec) == (geo, where)
    assert 0.0 < mention.score <= 1.0


@pytest.mark.parametrize(
    ("text", "km", "direction"),
    [("A raid 15 km west of Palmyra.", 15, "west"), ("Clashes 10 kilometres north of Palmyra.", 10, "north")],
)
def test_places_cues_distance_moves_the_point(gaz: Gazetteer, text: str, km: int, direction: str) -> None:
    [plain] = gaz.find("in Palmyra", "SY")
    [moved] = gaz.find(text, "SY")
    assert moved.cue == "distance" and (moved.place.geo_precision, moved.place.where_prec) == (2, 2)
    assert distance_km(
        plain.place.latitude, plain.place.longitude, moved.place.latitude, moved.place.longitude
    ) == (pytest.approx(km, rel=0.05))
    if direction == "west":
        assert moved.place.longitude < plain.place.longitude
    else:
        assert moved.place.latitude > plain.place.latitude


def test_places_cues_far_distance_is_vague(gaz: Gazetteer) -> None:
    [far] = gaz.find("Attacks 60 km east of Palmyra.", "SY")
    assert (far.place.geo_precision, far.place.where_prec) == (2, 5)


@pytest.mark.parametrize(
    ("text", "feature", "where"),
    [
        ("Clashes between Saraqib and Maarat al-Numan.", "between", 2),  # about 26 km apart: a limited area
        ("Fighting between Homs and Palmyra.", "between", 5),
        ("Ambush on the road between Homs and Palmyra.", "road", 5),
        ("Convoys on the Raqqa-Tabqa road.", "road", 2),  # 45 km: every point is within ~25 km of the middle
        ("Convoys on the Raqqa-Deir ez-Zor road.", "road", 5),
    ],
)
def test_places_cues_between_two_places(gaz: Gazetteer, text: str, feature: str, where: int) -> None:
    [mention] = gaz.find(text, "SY")
    assert mention.place.feature == feature and mention.place.where_prec == where
    assert mention.place.latitude is not None
    assert mention.place.admin1 is not None or where == 5  # a long road crosses governorates


# What is done to a place names it, as "in" does: headlines write "Warplanes target X" and "shelling on X"
STRUCK = [
    ("Warplanes target Kafr Nabudah", "Kafr Nabudah", "Hama"),
    ("Regime forces shelled al-Lataminah on Monday", "al-Lataminah", "Hama"),
    (
        "Aerial bombardments target Al-Latamneh and a bomb kills a fighter in Daraa countryside",
        "Al-Latamneh",
        "Hama",
    ),
    ("More martyrs in raids on Hass and air strikes targeting the city of Sokhna", "Hass", "Idlib"),
    ("Aerial bombardment targets Shefonia and more losses in Aleppo", "Shefonia", "Rif Dimashq"),
    ("The SDF stormed Hajin", "Hajin", "Deir ez-Zor"),
    ("The forces of Al-Jazeera Storm operation completely control Al-Sor", "Al-Sor", "Deir ez-Zor"),
    ("Dozens of civilians died during the siege of Madaya", "Madaya", "Rif Dimashq"),
]


@pytest.mark.parametrize(("text", "words", "admin1"), STRUCK)
def test_places_cues_what_is_done_to_a_place_names_it(
    gaz: Gazetteer, text: str, words: str, admin1: str
) -> None:
    found = {m.span.text: m for m in gaz.find(text, "SY")}
    assert words in found, list(found)
    assert (found[words].place.admin1, found[words].cue) == (admin1, "struck")


@pytest.mark.parametrize(
    "text",
    [
        "Airstrikes on the School killed four",  # a word that is a place only after "in" ("school": not_alone)
        "Shelling on Monday killed two",  # "on" alone is no cue ("on Monday")
    ],
)
def test_places_cues_what_is_done_is_a_weaker_cue_than_in(gaz: Gazetteer, text: str) -> None:
    assert [m.span.text for m in gaz.find(text, "SY")] == []


@pytest.mark.parametrize("word", [*cues._STRUCK_WORDS, *cues._STRIKE_WORDS])
def test_places_cues_every_word_of_what_is_done_is_looked_for(word: str) -> None:
    # the cue is read by its pattern only where the window holds one of these parts: each word must hold one,
    # or "entered the X" would read no cue while "entered X" does
    assert any(stem in word for stem in cues._NEEDS["struck"]), word
    before = f"regime forces {word} the " if word in cues._STRUCK_WORDS else f"{word} on the "
    assert cues.left_cue(before + "Hajin", len(before)).name == "struck"


def test_places_cues_shared_by_coordinated_names(gaz: Gazetteer) -> None:
    found = gaz.find("clashes in the deserts of Homs and Deir Ezzor", "SY")
    assert [(m.place.name, m.cue, m.place.where_prec) for m in found] == [
        ("Homs", "desert", 4),
        ("Deir ez-Zor", "desert", 4),
    ]


@pytest.mark.parametrize(
    ("text", "words", "name", "where"),
    [
        ("Casualties in rural Damascus.", "Damascus", "Rif Dimashq", 4),
        ("Shelling hit the countryside of Damascus.", "Damascus", "Rif Dimashq", 4),
        ("Clashes in Damascus countryside.", "Damascus countryside", "Rif Dimashq", 4),
        ("Flogging in the southern countryside of Damascus.", "Damascus", "Southern Rif Dimashq", 5),
    ],
)
def test_places_cues_the_countryside_of_damascus_is_its_own_governorate(
    gaz: Gazetteer, text: str, words: str, name: str, where: int
) -> None:
    """The Damascus governorate is the city alone; its countryside is Rif Dimashq, coded at the city, as the
    countryside of any other town is (Rif Dimashq's centre lies 100 km east of Damascus, in the desert)."""
    [mention] = gaz.find(text, "SY")
    place = mention.place
    assert (mention.span.text, place.name, place.admin1, place.admin1_pcode) == (
        words,
        name,
        "Rif Dimashq",
        "SY03",
    )
    assert place.where_prec == where
    [city] = gaz.find("Shelling hit Damascus.", "SY")
    assert city.place.admin1 == "Damascus"
    assert distance_km(place.latitude, place.longitude, city.place.latitude, city.place.longitude) < 5


def test_places_cues_the_outskirts_of_damascus_are_the_citys(gaz: Gazetteer) -> None:
    [mention] = gaz.find("Clashes on the eastern outskirts of Damascus.", "SY")
    assert (mention.place.admin1, mention.cue) == ("Damascus", "outskirts")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Clashes in Zamalka, Damascus province.", "Zamalka"),
        ("Shelling hit al-Nashabiyah in the countryside of Damascus.", "al-Nashabiyah"),
        ("Nearly 40 air raids on parts of Eastern Ghouta in Damascus province.", "Eastern Ghouta"),
    ],
)
def test_places_cues_damascus_province_holds_rif_dimashq(gaz: Gazetteer, text: str, words: str) -> None:
    """Agencies call Rif Dimashq "Damascus province": a place it holds is not a conflict left unresolved."""
    reading = gaz.read(text, "SY")
    found = {m.span.text: m.place for m in reading.mentions}
    assert words in found and found[words].admin1 == "Rif Dimashq", reading.unresolved
    assert not reading.unresolved


def _left_cue_by_patterns(text: str, start: int) -> cues.Cue:
    """The left cue as the patterns alone read it (every start of the last word tried), for comparison."""
    last = re.search(r"([A-Za-z]+)[\s'’-]*$", text[max(0, start - 24) : start])
    if last is None or last.group(1).lower() not in cues._CUE_ENDINGS:
        return cues.Cue(None, start)
    word = last.group(1).lower()
    only = cues._ONLY.get(
        word, ("direction",) if word.replace("-", "").removesuffix("ern") in cues.BEARINGS else None
    )
    window = text[max(0, start - cues._WINDOW) : start]
    for name, pattern in cues._LEFT:
        found = pattern.search(window) if only is None or name in only else None
        if found is None:
            continue
        if name == "distance":
            return cues.left_cue(text, start)  # not the part under test
        if name == "settlement":
            return cues.Cue(found["word"].lower(), start)
        return cues.Cue(name, start, direction=cues._bearing(found))
    return cues.Cue(None, start)


_CUE_WORDS = [
    "shelled",
    "shelling",
    "on",
    "in",
    "In",
    "at",
    "inside",
    "within",
    "into",
    "the",
    "of",
    "near",
    "outskirts",
    "village",
    "x1",
    "é",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*_CUE_WORDS, " ", "  ", "\n", "-", "'", "_", "9", ",", "Idlib"]), max_size=14)
)
def test_places_cues_left_cue_reads_the_word_before_as_the_patterns_do(parts: list[str]) -> None:
    text = "".join(parts) + "Saraqib"
    start = len(text) - len("Saraqib")
    assert cues.left_cue(text, start) == _left_cue_by_patterns(text, start)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["from", "From", "FROM", "the", "fled", "to", "until", " ", "\n", "x", "Idlib", "é"]),
        max_size=12,
    ),
    st.sampled_from([" to ", " until the ", " and ", ", "]),
)
def test_places_cues_from_to_reads_as_its_patterns_do(parts: list[str], join: str) -> None:
    # the substring test before the patterns only spares work: "from X to Y" reads as the patterns alone say
    before = " ".join(parts) + " "
    text = before + "Kabajeb" + join + "Sukhnah"
    first_start, first_end = len(before), len(before) + len("Kabajeb")
    second_start = first_end + len(join)
    window = text[max(0, first_start - 60) : first_start]
    plain = cues._FROM_BEFORE.search(window)
    expected = (
        plain is not None
        and cues._TO_JOIN.match(text[first_end:second_start]) is not None
        and not cues._MOVEMENT.search(window[: plain.start()])
    )
    assert cues.from_to(text, first_start, first_end, second_start) == expected


# the words of the left patterns' phrases, in any order (see test_places_cues_ascii_windows_read_lower_cased...)
_CUE_PHRASE_WORDS = [
    "12",
    "1.5",
    "km",
    "kilometres",
    "away",
    "from",
    "to",
    "the",
    "north-east",
    "west",
    "eastern",
    "of",
    "city",
    "village",
    "outskirts",
    "close",
    "vicinity",
    "countryside",
    "rural",
    "areas",
    "desert",
    "badia",
    "between",
    "road",
    "towns",
    "province",
    "governorate",
    "muhafazat",
    "district",
    "camps",
    "in",
    "inside",
    "near",
    "idlib",
]

# windows ending in "of" or "the", where only some patterns are tried (see cues._CANNOT_END)
OF_AND_THE = [
    "Shelling hit the province of ",
    "Shelling hit the district of the ",
    "Clashes in the village of the ",
    "Raids near the ",
    "Fighting in the vicinity of ",
    "the eastern countryside of the ",
    "12 km west of the ",
    "on the road between the ",
    "Jets struck north of the ",
    "Clashes inside the ",
    "the head of ",
    "the spokesman of the ",
]


@pytest.mark.parametrize("before", OF_AND_THE)
def test_places_cues_of_and_the_read_as_the_patterns_do(before: str) -> None:
    text = before + "Saraqib"
    assert cues.left_cue(text, len(before)) == _left_cue_by_patterns(text, len(before))


@pytest.mark.parametrize("position", [0, 7, 19_999, 20_000, 250_000])
def test_places_cues_no_cue_is_the_empty_cue(position: int) -> None:
    # shared instances (below the bound) and fresh ones (above it) are the same value as a Cue built plainly
    assert cues.no_cue(position) == cues.Cue(None, position)
    assert cues.no_cue(position) == cues.no_cue(position)


def test_places_cues_left_patterns_are_written_in_lower_case() -> None:
    # an ASCII window is read lower-cased by the left patterns compiled without re.I (cues._LOWER_CASE): that
    # finds what re.I finds only where no pattern holds a capital letter ("\\S" and "\\W" are not "\\s", "\\w")
    for _, pattern in cues._LEFT:
        assert not re.search("[A-Z]", pattern.pattern.replace("(?P<", "("))  # (a named group's "P" aside)
        assert pattern.flags & re.IGNORECASE


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_CUE_PHRASE_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", " ", "  ", "\n", "-", ", "]), min_size=12, max_size=12),
    st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_places_cues_ascii_windows_read_lower_cased_as_with_re_i(
    words: list[str], gaps: list[str], upper: list[bool]
) -> None:
    # any mix of cases: the lower-case patterns on the lower-cased window match where, and with the groups,
    # the patterns as written (re.I) match on the window itself
    window = "".join(
        (w.upper() if up else w.title()) + gap for w, gap, up in zip(words, gaps, upper, strict=False)
    )
    for name, pattern in cues._LEFT:
        written = pattern.search(window)
        lowered = cues._LOWER_CASE[name].search(window.lower())
        assert (written and written.span()) == (lowered and lowered.span())
        if written and lowered:
            assert {k: v and v.lower() for k, v in written.groupdict().items()} == lowered.groupdict()
