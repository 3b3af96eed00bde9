"""Name normalisers of the evaluation: the admin-1 spelling table and actor aliases."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from marsad.evaluate.names import (
    actor_matches,
    admin1_canonical,
    admin1_key,
    fold,
    known_admin1,
    letter_words,
    same_admin1,
    split_side,
)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("marsad.evaluate").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Idlib Governorate", "Idleb"),
        ("Idleb", "Idlib"),
        ("Deir ez-Zor", "Deir-ez-Zor"),
        ("Deir ez Zor Governorate", "Dayr az Zawr"),
        ("deir ezzor", "Deir-ez-Zor"),
        ("Dar'a", "Daraa"),
        ("Daraa Governorate", "Dar’a"),
        ("Lattakia", "Latakia"),
        ("Latakia Governorate", "lattakia"),
        ("Al-Hasakeh", "Hasakah"),
        ("Al Hasakah Governorate", "hasakeh"),
        ("Raqqa", "Ar-Raqqa"),
        ("Ar Raqqah Governorate", "raqqa"),
        ("As Suwayda Governorate", "As-Sweida"),
        ("Rif Dimashq Governorate", "Rural Damascus"),
        ("Damascus Governorate", "Damascus"),
        ("Hamah Governorate", "Hama"),
        ("Tartus Governorate", "tartous"),
        ("Quneitra Governorate", "Al Qunaytirah"),
        ("Paktia", "Paktiya"),
        ("paktya", "Paktia Province"),
        ("Helmand", "Hilmand"),
        ("sar-e pul", "Sar-e-Pul"),
        ("Herat", "Hirat"),
        ("wardak", "Maidan Wardak"),
        ("Jowzjan", "Jawzjan"),
        ("Uruzgan", "Oruzgan"),
        ("Wilayat Helmand", "helmand"),
        ("Ḥamāh", "Hama"),
    ],
)
def test_evaluate_names_same_admin1(a: str, b: str) -> None:
    assert same_admin1(a, b)
    assert same_admin1(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Damascus", "Rural Damascus"),
        ("Paktia", "Paktika"),
        ("Hama", "Homs"),
        ("Aleppo", "Idlib"),
        ("Kunar", "Kunduz"),
        ("Idlib", None),
        (None, None),
        ("", ""),
    ],
)
def test_evaluate_names_different_admin1(a: str | None, b: str | None) -> None:
    assert not same_admin1(a, b)


def test_evaluate_names_admin1_table_integrity() -> None:
    rows = _rows("admin1.csv")
    assert rows, "admin1.csv is empty"
    seen: dict[str, str] = {}
    canonicals = {row["canonical"] for row in rows}
    for row in rows:
        assert set(row) == {"country", "canonical", "variant"}
        assert row["country"] in {"SY", "AF"}
        key = admin1_key(row["variant"])
        assert key, f"{row['variant']!r} normalises to nothing"
        # one spelling must never denote two units
        assert seen.setdefault(key, row["canonical"]) == row["canonical"], row
    for canonical in canonicals:
        assert canonical in {row["variant"] for row in rows if row["canonical"] == canonical}
    assert (
        len({c for c in canonicals if any(r["country"] == "SY" and r["canonical"] == c for r in rows)}) == 14
    )
    assert (
        len({c for c in canonicals if any(r["country"] == "AF" and r["canonical"] == c for r in rows)}) == 34
    )


def test_evaluate_names_known_admin1() -> None:
    assert known_admin1("Paktya")
    assert known_admin1("Idlib Governorate")
    assert not known_admin1("??")
    assert not known_admin1("southern afghanistan")
    assert not known_admin1(None)


def test_evaluate_names_unknown_admin1_keeps_own_key() -> None:
    assert admin1_canonical("Nowhere Province") == "nowhere"
    assert same_admin1("Nowhere Province", "nowhere")


def test_evaluate_names_fold_and_words() -> None:
    assert fold("Ḥalab É") == "halab e"
    assert letter_words("al-Shula, Deir ez-Zor's 2nd") == ["al", "shula", "deir", "ez", "zor", "s", "nd"]


@pytest.mark.parametrize(
    ("side", "strings", "expected"),
    [
        ("IS", ["Islamic State"], True),
        ("IS", ["ISIS"], True),
        ("IS", ["Islamic State (Syria)"], True),
        ("IS", ["Daesh militants"], False),
        ("IS", ["Islamic State militants"], True),
        ("Government of Syria", ["Military Forces of Syria (2000-)"], True),
        ("Government of Syria", ["Syrian government forces"], True),
        ("Government of Syria", ["regime forces", "regime soldiers", "government"], True),
        ("Government of Syria", ["Government of Turkey"], False),
        ("Government of Turkey", ["Turkish Armed Forces", "Turkish forces"], True),
        ("Ahrar al-Sham", ["Ahrar al-Sham Movement"], True),
        ("SDF", ["Syrian Democratic Forces"], True),
        ("Civilians", ["civilians"], True),
        ("NDF (Syria)", ["National Defence Forces"], True),
        ("NDF (Syria)", ["National Defense Forces"], True),
        ("Jaysh al-Islam", ["Jaysh al-Islam"], True),
        ("Unlisted Brigade", ["Unlisted Brigade"], True),
        ("HTS", [""], False),
    ],
)
def test_evaluate_names_actor_matches(side: str, strings: list[str], expected: bool) -> None:
    assert actor_matches(side, strings) is expected


def test_evaluate_names_actor_alias_table_integrity() -> None:
    rows = _rows("actor_aliases.csv")
    assert rows
    for row in rows:
        assert row["ucdp_side"].strip() and row["alias"].strip(), row
    # every UCDP side is listed under its own name, so the table documents the names it covers
    sides = {row["ucdp_side"] for row in rows}
    assert sides <= {row["alias"] for row in rows}


def test_evaluate_names_split_side() -> None:
    assert split_side("Ahrar al-Sham, Jabhat Fateh al-Sham, Southern Front") == [
        "Ahrar al-Sham",
        "Jabhat Fateh al-Sham",
        "Southern Front",
    ]
    assert split_side(None) == []


def test_evaluate_names_admin1_name_is_the_canonical_spelling() -> None:
    from marsad.evaluate.names import admin1_name

    assert admin1_name("Idlib Governorate") == "Idleb"
    assert admin1_name("Dayr az Zawr") == "Deir-ez-Zor"
    assert admin1_name("paktya") == "Paktia"
    assert admin1_name("Nowhere") is None
    assert admin1_name(None) is None
