"""`marsad gazetteer import`: GeoNames dumps (SY.txt / allCountries.txt format, alternateNamesV2.txt) into a
built gazetteer, kept across rebuilds.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import gazetteer_cmd
from marsad.errors import InputError, MarsadError
from marsad.gazetteer import build
from marsad.gazetteer.build import build_gazetteer, read_meta
from marsad.gazetteer.geonames_import import detect_format, import_file
from marsad.gazetteer.match import Gazetteer

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
DUMP = FIXTURES / "SY_sample.txt"
ALTERNATES = FIXTURES / "alternateNamesV2_sample.txt"


@pytest.fixture(scope="module")
def built(gazetteer_fixture_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gaz") / "base.sqlite"
    build_gazetteer(out, gazetteer_fixture_data, countries=frozenset({"SY"}))
    return out


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "gazetteer-v1.sqlite"
    shutil.copy(built, copy)
    return copy


def _names(db: Path, geonameid: int) -> set[str]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT n.name FROM names n JOIN places p ON p.id = n.place_id WHERE p.geonameid = ?", (geonameid,)
    )
    return {r[0] for r in rows}


@pytest.mark.parametrize(("path", "kind"), [(DUMP, "geonames"), (ALTERNATES, "alternatenames")])
def test_gazetteer_import_detects_format(path: Path, kind: str) -> None:
    assert detect_format(path) == kind


def test_gazetteer_import_refuses_other_files(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,lat,lon\nX,1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a GeoNames dump"):
        import_file(db, other)
    with pytest.raises(MarsadError, match="no such file"):
        import_file(db, tmp_path / "missing.txt")
    with pytest.raises(MarsadError, match="marsad gazetteer build"):
        import_file(tmp_path / "nowhere.sqlite", DUMP)


def _count(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM places").fetchone()[0], conn.execute(
            "SELECT count(*) FROM names"
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("where", ["first line", "deep in the file"])
def test_gazetteer_import_refuses_bytes_that_are_not_text(db: Path, tmp_path: Path, where: str) -> None:
    # a damaged download: the message names the file, and nothing of it reaches the gazetteer
    good = DUMP.read_bytes()
    damaged = tmp_path / "SY.txt"
    damaged.write_bytes(
        b"\x98\xff" + good if where == "first line" else good + b"#" * 50_000 + b"\n\x98\xff\tbad\n"
    )
    before = _count(db)
    with pytest.raises(InputError, match=r"SY\.txt: not UTF-8 text"):
        import_file(db, damaged)
    assert _count(db) == before
    result = CliRunner().invoke(gazetteer_cmd.app, ["import", str(damaged), "--db", str(db)])
    assert result.exit_code == 1
    assert "not UTF-8 text" in result.output
    assert "Traceback" not in result.output


def test_gazetteer_import_adds_features_and_names(db: Path) -> None:
    counts = import_file(db, DUMP, frozenset({"SY"}))
    assert (
        counts["places"] == 3
    )  # village, wadi, mountains; the country, the seamount and Lebanon are not added
    conn = sqlite3.connect(db)
    features = dict(conn.execute("SELECT name, feature FROM places WHERE geonameid > 99000000").fetchall())
    assert features == {"Hawijat Sakr": "village", "Wadi al Miyah": "river", "Jabal al Bishri": "mountain"}
    admin1 = conn.execute("SELECT admin1, admin1_pcode FROM places WHERE geonameid = 99000001").fetchone()
    assert admin1 == ("Deir ez-Zor", "SY09")
    assert "Al-Sukhneh" in _names(db, 172425)  # a known town gains the dump's alternate names
    found = Gazetteer.load(db).find("Clashes broke out in Huwaijat Sakr and near Jebel Bishri.", "SY")
    assert [(m.place.name, m.cue) for m in found] == [("Hawijat Sakr", "in"), ("Jabal al Bishri", "near")]


def test_gazetteer_import_alternate_names(db: Path) -> None:
    import_file(db, DUMP, frozenset({"SY"}))
    counts = import_file(db, ALTERNATES)
    assert counts["places"] == 0 and counts["names"] >= 3  # links and unknown places are skipped
    assert "Suchna" in _names(db, 172425)
    assert {"حويجة صكر", "Hwaijat Saqer"} <= _names(db, 99000001)
    again = import_file(db, ALTERNATES)
    assert again["names"] == 0  # importing twice adds nothing


def test_gazetteer_import_survives_rebuild(
    gazetteer_fixture_data: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_file(db, DUMP, frozenset({"SY"}))
    imports = read_meta(db)["imports"]
    assert str(DUMP.resolve()) in imports
    real = build.build_gazetteer

    def small_build(out: Path, data_dir: Path | None, progress=None) -> dict[str, int]:  # type: ignore[no-untyped-def]
        return real(out, data_dir, progress, countries=frozenset({"SY"}))

    monkeypatch.setattr(build, "build_gazetteer", small_build)
    build.rebuild(db, gazetteer_fixture_data)
    assert _names(db, 99000001)  # imported again into the new build
    assert read_meta(db)["imports"] == imports


def test_gazetteer_import_cli(db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(gazetteer_cmd.app, ["import", str(DUMP), "--db", str(db), "--country", "sy"])
    assert result.exit_code == 0, result.output
    assert "3 places" in result.output
    bad = runner.invoke(gazetteer_cmd.app, ["import", str(FIXTURES / "README.md"), "--db", str(db)])
    assert bad.exit_code == 1
    assert "not a GeoNames dump" in bad.output and "Traceback" not in bad.output


def test_gazetteer_import_cli_build(
    gazetteer_fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def small_rebuild(path: Path, data_dir: Path | None, progress=None) -> dict[str, int]:  # type: ignore[no-untyped-def]
        return build_gazetteer(path, data_dir, progress, countries=frozenset({"SY"}))

    monkeypatch.setattr(gazetteer_cmd, "rebuild", small_rebuild)
    out = tmp_path / "cli.sqlite"
    runner = CliRunner()
    result = runner.invoke(
        gazetteer_cmd.app, ["build", "--out", str(out), "--data-dir", str(gazetteer_fixture_data)]
    )
    assert result.exit_code == 0, result.output
    assert "geonames_cities" in result.output and out.is_file()
    missing = runner.invoke(
        gazetteer_cmd.app, ["build", "--out", str(out), "--data-dir", str(tmp_path / "nope")]
    )
    assert missing.exit_code == 1 and "no data folder" in missing.output
