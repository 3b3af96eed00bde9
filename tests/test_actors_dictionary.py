"""The actor dictionary as data: integrity of the built-in file, user dictionaries, actionable errors."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml
from jsonschema.validators import validator_for

from marsad.actors import ActorDictionary, ActorEntry, Alias, load_dictionary, schema
from marsad.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
INTER_CODES = range(1, 9)


def _raw() -> dict:
    text = resources.files("marsad.actors").joinpath("data", "actors.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


# ---------------------------------------------------------------------------------------- integrity


def test_actors_schema_is_a_valid_json_schema() -> None:
    validator_for(schema()).check_schema(schema())


def test_actors_builtin_file_is_schema_valid() -> None:
    validator = validator_for(schema())(schema())
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_raw())]
    assert problems == []


def test_actors_ids_are_unique() -> None:
    ids = [a["id"] for a in _raw()["actors"]]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert repeated == [], f"actor ids used more than once: {repeated}"


def test_actors_no_alias_is_claimed_by_two_actors_of_one_country(actors: ActorDictionary) -> None:
    clashes = actors.duplicate_aliases()
    assert clashes == [], "aliases claimed by two actors:\n" + "\n".join(clashes)


def test_actors_duplicate_alias_check_reports_clashes() -> None:
    """The integrity check above would catch a clash: two actors of one country sharing a spelling."""
    a = ActorEntry("x.one", "One Group", (Alias("the group"),), "unknown", 2, "SY", origin="a.yaml:1")
    b = ActorEntry("x.two", "Two Group", (Alias("The Group"),), "unknown", 2, "SY", origin="a.yaml:9")
    c = ActorEntry("x.three", "Three Group", (Alias("the group"),), "unknown", 2, "AF", origin="a.yaml:20")
    clashes = ActorDictionary([a, b, c]).duplicate_aliases()
    assert clashes == ["'the group': x.one (a.yaml:1) and x.two (a.yaml:9)"]


def test_actors_case_sensitive_aliases_do_not_clash_when_written_differently() -> None:
    a = ActorEntry("x.one", "One", (Alias("IS", case_sensitive=True),), "unknown", 2)
    b = ActorEntry("x.two", "Two", (Alias("Is", case_sensitive=True),), "unknown", 2)
    assert ActorDictionary([a, b]).duplicate_aliases() == []


def test_actors_cover_at_least_80_syrian_actors(actors: ActorDictionary) -> None:
    assert len([e for e in actors if e.country == "SY"]) >= 80


def test_actors_every_entry_has_a_declared_side_and_an_acled_inter_code(actors: ActorDictionary) -> None:
    bad = [e.id for e in actors if e.side not in actors.sides or e.inter not in INTER_CODES]
    assert bad == []


def test_actors_short_acronyms_are_case_sensitive(actors: ActorDictionary) -> None:
    """All-caps spellings of up to three letters (IS, SAA, NDF) must match only as written: "is" is a verb."""
    loose = [
        f"{e.id}: {a.text}"
        for e in actors
        for a in e.aliases
        if re.fullmatch(r"[A-Z]{1,3}", a.text) and not a.case_sensitive
    ]
    assert loose == []


@pytest.mark.parametrize("acronym", ["IS", "SAA", "NDF", "YPG", "SDF", "HTS", "SNA", "FSA", "ANA", "IDF"])
def test_actors_named_acronyms_are_case_sensitive(actors: ActorDictionary, acronym: str) -> None:
    flags = [a.case_sensitive for e in actors for a in e.aliases if a.text == acronym]
    assert flags and all(flags)


@pytest.mark.parametrize(
    ("actor_id", "side", "inters"),
    [
        ("syria.military", "government", {1}),
        ("syria.ndf", "government", {3, 4}),
        ("syria.liwa-al-quds", "government", {3, 4}),
        ("syria.5th-corps", "government", {3, 4}),
        ("global.islamic-state", "islamic-state", {2}),
        ("syria.sdf", "sdf", {2}),
        ("syria.hts", "hts", {2}),
        ("syria.sna", "turkey", {2}),
        ("turkey.military", "turkey", {8}),
        ("russia.military", "russia", {8}),
        ("israel.military", "israel", {8}),
        ("global.us-coalition", "us-coalition", {8}),
        ("lebanon.hezbollah", "hezbollah", {3}),
        ("iran.irgc", "iran", {8}),
        ("iran.fatemiyoun", "iran", {3}),
        ("global.civilians", "civilians", {7}),
        ("global.protesters", "protesters", {6}),
        ("global.rioters", "rioters", {5}),
        ("af.taliban", "taliban", {2}),
        ("af.ansf", "government", {1}),
        ("af.isaf", "us-coalition", {8}),
    ],
)
def test_actors_key_actors_have_acled_side_and_inter(
    actors: ActorDictionary, actor_id: str, side: str, inters: set[int]
) -> None:
    entry = actors.get(actor_id)
    assert entry is not None, f"{actor_id} missing from the dictionary"
    assert entry.side == side
    assert entry.inter in inters


@pytest.mark.parametrize(
    ("a", "b", "allied"),
    [
        ("government", "russia", True),
        ("russia", "government", True),
        ("iran", "hezbollah", True),
        ("turkey", "opposition", True),
        ("government", "islamic-state", False),
        ("sdf", "turkey", False),
        ("sdf", "sdf", True),
        (None, "sdf", False),
    ],
)
def test_actors_sides_know_their_allies(actors: ActorDictionary, a: str | None, b: str, allied: bool) -> None:
    assert actors.allied(a, b) is allied


def test_actors_default_dictionary_is_loaded_once_per_process() -> None:
    assert load_dictionary() is load_dictionary()


def test_actors_dictionary_loads_quickly_from_cache() -> None:
    import time

    load_dictionary()
    start = time.perf_counter()
    for _ in range(100):
        load_dictionary()
    assert time.perf_counter() - start < 0.05


# ---------------------------------------------------------------------------------------- user dictionaries


def test_actors_user_dictionary_adds_actors_and_sides() -> None:
    merged = load_dictionary([FIXTURES / "extra_valid.yaml"])
    assert merged is not load_dictionary()
    assert len(merged) == len(load_dictionary()) + 2
    found = merged.find("Clashes broke out between FIA fighters and Kafr Nabl guards.")
    assert [(m.actor_id, m.actor.name) for m in found] == [
        ("user.free-idlib-army", "Free Idlib Army"),
        ("user.village-guard", "Village Guard of Kafr Nabl"),
    ]
    assert "local-guard" in merged.sides


def test_actors_user_dictionary_replaces_an_actor_with_the_same_id() -> None:
    merged = load_dictionary([FIXTURES / "extra_valid.yaml"])
    (mention,) = merged.find("NDF militia members were deployed")
    assert (mention.actor.name, mention.actor.inter) == ("NDF (user name)", 4)
    assert load_dictionary().get("syria.ndf").name == "National Defence Forces"  # the built-in is untouched


def _marked_line(path: Path) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if "MARK" in line)


@pytest.mark.parametrize(
    ("fixture", "field", "words"),
    [
        ("bad_inter.yaml", "actors[1].inter", "greater than the maximum of 8"),
        ("missing_name.yaml", "actors[1].name", "required field 'name' is missing"),
        ("unknown_field.yaml", "actors[0].aliasez", "unknown field 'aliasez'"),
        ("bad_alias.yaml", "actors[0].aliases[1].case_sensitive", "not of type 'boolean'"),
        ("bad_country.yaml", "actors[0].country", "does not match"),
        ("bad_theatre.yaml", "actors[0].theatre", "is not one of ['north', 'south', 'east', 'west']"),
        ("undeclared_side.yaml", "actors[0].side", "side 'martians' is not declared"),
        ("duplicate_id.yaml", "actors[1].id", "already used on line 2"),
        ("bad_proxy.yaml", "sides[0].proxy", "no actor has id 'user.nobody'"),
        ("not_a_mapping.yaml", "(top level)", "is not of type 'object'"),
    ],
)
def test_actors_schema_error_names_file_line_and_field(fixture: str, field: str, words: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(ConfigError) as info:
        load_dictionary([path])
    message = str(info.value)
    assert message.startswith(f"{path}, line {_marked_line(path)}, field {field}: "), message
    assert words in message
    assert info.value.code == "config"


def test_actors_yaml_syntax_error_names_file_and_line() -> None:
    path = FIXTURES / "bad_syntax.yaml"
    with pytest.raises(
        ConfigError, match=rf"^{re.escape(str(path))}, line {_marked_line(path)}: not valid YAML"
    ):
        load_dictionary([path])


def test_actors_missing_user_dictionary_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist: check the path"):
        load_dictionary([tmp_path / "nowhere.yaml"])


def test_actors_empty_user_dictionary_is_refused_at_line_1(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", "utf-8")
    with pytest.raises(ConfigError, match=r"line 1, field actors: required field 'actors' is missing"):
        load_dictionary([path])
