"""Finding actors in text: alias families, ambiguous words, patterns, unknown groups, civilians, spans."""

from __future__ import annotations

import os

import pytest

from marsad.actors import ActorDictionary, ActorMention, load_dictionary
from marsad.settings import Settings

# Each family: spellings seen in SOHR, UCDP, ACLED and ISAF texts that must resolve to one dictionary actor.
FAMILIES: dict[str, list[str]] = {
    "syria.ndf": [
        "NDF",
        "National Defence Forces",
        "National Defense Forces",
        "NDF (Syria)",
        "national defence forces",
    ],
    "syria.5th-corps": [
        "5th Corps",
        "Fifth Corps",
        "5th Assault Corps",
        "Fifth Assault Corps",
        "5th\xa0Corps",
    ],
    "syria.liwa-al-quds": ["Liwaa Al-Quds", "Liwa al-Quds", "Liwa al Quds", "Liwā' al-Quds", "Quds Brigade"],
    "global.islamic-state": [
        "ISIS",
        "ISIL",
        "IS",
        "IS militants",
        "Islamic State",
        "the Islamic State group",
        "Daesh",
        "Da’esh",
        "the organisation",
        "Islamic State of Iraq and the Levant",
    ],
    "syria.military": [
        "regime forces",
        "regime soldiers",
        "Syrian army",
        "Syrian Arab Army",
        "SAA",
        "government forces",
        "Syrian government",
        "Government of Syria",
        "the regime's forces",
        "the regime’s forces",
        "Assad forces",
    ],
    "syria.sdf": [
        "SDF",
        "Syrian Democratic Forces",
        "QSD",
        "Kurdish-led forces",
        "U.S.-backed Syrian forces",
    ],
    "syria.ypg": ["YPG", "People's Protection Units", "People’s Protection Units", "Kurdish fighters"],
    "syria.ypj": ["YPJ", "Women's Protection Units"],
    "syria.asayish": ["Asayish", "Asayesh"],
    "syria.hts": [
        "HTS",
        "Hayat Tahrir al-Sham",
        "Hay'at Tahrir al-Sham",
        "Hay’at Tahrir al-Sham",
        "Jabhat al-Nusra",
        "Nusra Front",
        "al-Nusra Front",
        "Jabhat Fateh al-Sham",
    ],
    "syria.sna": [
        "Syrian National Army",
        "SNA",
        "Turkish-backed factions",
        "Turkey-backed factions",
        "Turkey-backed Syrian forces",
    ],
    "syria.sultan-murad": ["Sultan Murad Division", "Liwa al-Sultan Murad"],
    "syria.hamza-division": ["Hamza Division", "al-Hamza Division", "al-Hamzah Division"],
    "syria.ahrar-al-sharqiya": ["Ahrar al-Sharqiya", "Ahrar al-Sharqiyah"],
    "syria.jaysh-al-islam": ["Jaysh al-Islam", "Jaish al-Islam", "Army of Islam", "al-Islam Army"],
    "syria.khalid-ibn-al-walid": ["Jaysh Khalid ibn al-Walid", "Jaysh Khaled Ibn Al-Waleed"],
    "syria.faylaq-al-sham": ["Faylaq al-Sham", "Sham Legion"],
    "syria.ahrar-al-sham": ["Ahrar al-Sham", "Ahrar al-Sham Movement"],
    "syria.nfl": ["National Front for Liberation", "National Liberation Front", "NLF"],
    "syria.tiger-forces": ["Tiger Forces", "Tiger Force"],
    "syria.4th-division": ["4th Division", "Fourth Division"],
    "syria.republican-guard": ["Republican Guard"],
    "syria.air-force-intelligence": ["Air Force Intelligence"],
    "syria.military-security": ["Military Security"],
    "syria.pflp-gc": ["PFLP-GC"],
    "turkey.military": ["Turkish forces", "Turkish army", "Turkish drones", "Government of Turkey"],
    "russia.military": [
        "Russian forces",
        "Russian army",
        "Russian warplanes",
        "Russian jets",
        "Russian fighter jets",
        "Russia's warplanes",
        "Government of Russia (Soviet Union)",
    ],
    "israel.military": ["Israeli forces", "Israeli jets", "IDF", "Government of Israel"],
    "global.us-coalition": [
        "International coalition",
        "US-led coalition",
        "Coalition forces",
        "coalition warplanes",
    ],
    "us.military": ["US forces", "American troops", "Government of United States of America"],
    "lebanon.hezbollah": ["Hezbollah", "Hizbollah", "Hizballah", "Lebanese Hezbollah"],
    "iran.irgc": ["IRGC", "Revolutionary Guards", "Iranian forces"],
    "iran.backed-militias": ["Iranian-backed militias", "Iran-backed militias", "pro-Iranian militias"],
    "iran.fatemiyoun": ["Fatemiyoun", "Liwa Fatemiyoun", "Fatemiyyoun"],
    "iran.zainabiyoun": ["Zainabiyoun", "Zaynabiyoun"],
    "iraq.pmf": ["Popular Mobilization Forces", "PMF", "Hashd al-Shaabi", "Iraqi militias"],
    "global.unidentified-armed-group": ["gunmen", "unknown gunmen", "unidentified gunmen"],
    "global.civilians": ["civilians", "Civilians", "children", "women", "a man", "farmers", "shepherds"],
    "af.taliban": ["Taliban", "Taleban"],
    "af.haqqani": ["Haqqani network"],
    "af.ansf": ["ANSF", "Afghan National Security Forces"],
    "af.ana": ["Afghan National Army", "ANA"],
    "af.anp": ["Afghan National Police", "ANP"],
    "af.isaf": ["ISAF", "International Security Assistance Force"],
    "af.joint-force": ["Afghan and coalition force", "Afghan and coalition security force"],
    "global.al-qaeda": ["al-Qaeda", "al-Qaida", "al Qaeda"],
    "af.imu": ["IMU", "Islamic Movement of Uzbekistan"],
    "af.hig": ["Hezb-e-Islami Gulbuddin", "Hezb-E Islami Gulbuddin"],
}
FAMILY_CASES = [(actor_id, phrase) for actor_id, phrases in FAMILIES.items() for phrase in phrases]


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def _only(mentions: list[ActorMention]) -> ActorMention:
    assert len(mentions) == 1, [(m.span.text, m.actor.name) for m in mentions]
    return mentions[0]


# ---------------------------------------------------------------------------------------- alias families


@pytest.mark.parametrize(("actor_id", "phrase"), FAMILY_CASES)
def test_actors_alias_family_resolves_to_one_canonical_actor(
    actors: ActorDictionary, actor_id: str, phrase: str
) -> None:
    text = f"Reports said {phrase} were involved."
    mention = _only(actors.find(text))
    assert mention.actor_id == actor_id
    assert mention.actor.name == actors.get(actor_id).name
    assert mention.actor.known
    assert mention.span.text == text[mention.span.start : mention.span.end]
    assert phrase.split()[-1].strip("'’") in mention.span.text


@pytest.mark.parametrize("actor_id", sorted(FAMILIES))
def test_actors_family_members_share_name_side_and_inter(actors: ActorDictionary, actor_id: str) -> None:
    resolved = {
        (m.actor.name, m.actor.side, m.actor.inter) for p in FAMILIES[actor_id] for m in actors.find(p)
    }
    assert len(resolved) == 1, resolved


def test_actors_mention_carries_raw_text_and_span(actors: ActorDictionary) -> None:
    text = "Joint forces of the “National Defence Forces” (NDF) combed the desert."
    ndf, short = actors.find(text)
    assert (ndf.actor.raw, short.actor.raw) == ("National Defence Forces", "NDF")
    assert ndf.span == ndf.actor.span and text[ndf.span.start : ndf.span.end] == "National Defence Forces"
    assert ndf.actor.name == short.actor.name == "National Defence Forces"


# ------------------------------------------------------------------------------------ "is", "us" and friends


@pytest.mark.parametrize(
    "text",
    [
        "The situation is calm and it is quiet.",
        "Is the road open? It is, and it is safe.",
        "This is what happened to us and to them.",
        "The army is shelling; this is a disaster.",
        "Ana said the saa and the sdf are words here, not names.",
        "THE SITUATION IS CALM TODAY",
        "Nothing is known about the attackers.",
    ],
)
def test_actors_english_words_never_match_case_sensitive_acronyms(actors: ActorDictionary, text: str) -> None:
    assert [m.span.text for m in actors.find(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IS is losing ground, and it is clear.", ["IS"]),
        ("It is IS that attacked, said an activist.", ["IS"]),
        ("The IS attack is the third this week.", ["IS"]),
        ("IS militants attacked the SAA, which is retreating.", ["IS militants", "SAA"]),
    ],
)
def test_actors_is_the_group_is_found_beside_is_the_verb(
    actors: ActorDictionary, text: str, expected: list[str]
) -> None:
    assert [m.span.text for m in actors.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The 5th Corps attacked ISIS positions near Palmyra.", "5th Corps"),
        ("Russian-backed 5th Corps fighters entered Busra al-Sham.", "5th Corps fighters"),
        ("the pro-Russian Fifth Corps, as well as regime forces", "Fifth Corps"),
        ("members of the 5th Assault Corps were killed", "members of the 5th Assault Corps"),
    ],
)
def test_actors_5th_corps_is_an_actor(actors: ActorDictionary, text: str, span: str) -> None:
    corps = [m for m in actors.find(text) if m.actor_id == "syria.5th-corps"]
    assert [m.span.text for m in corps] == [span]
    assert corps[0].actor.side == "government"


# ---------------------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("text", "actor_id", "span"),
    [
        # members of X / X members
        ("Members of ISIS attacked the checkpoint.", "global.islamic-state", "Members of ISIS"),
        ("members of the Syrian Democratic Forces", "syria.sdf", "members of the Syrian Democratic Forces"),
        ("militants of ISIS stormed the village", "global.islamic-state", "militants of ISIS"),
        ("a bus was targeted by ISIS members", "global.islamic-state", "ISIS members"),
        ("ISIS militants executed two men", "global.islamic-state", "ISIS militants"),
        ("HTS fighters shelled the town", "syria.hts", "HTS fighters"),
        ("SDF gunmen opened fire", "syria.sdf", "SDF gunmen"),
        ("Taliban insurgents attacked the post", "af.taliban", "Taliban insurgents"),
        (
            "Gunmen of the Hamza Division kidnapped him",
            "syria.hamza-division",
            "Gunmen of the Hamza Division",
        ),
        ("the organisation's members attacked", "global.islamic-state", "the organisation's members"),
        # pro-X / X-backed: a group on X's side
        ("31 pro-Russian fighters were killed", "syria.pro-russian-militias", "pro-Russian fighters"),
        ("pro-regime militiamen shelled the area", "global.pro-government-militias", "pro-regime militiamen"),
        ("pro-government gunmen shot a man", "global.pro-government-militias", "pro-government gunmen"),
        ("Turkish-backed factions shelled Tal Rifaat", "syria.sna", "Turkish-backed factions"),
        ("Turkey-backed militants looted houses", "syria.sna", "Turkey-backed militants"),
        ("Iranian-backed fighters arrived in Mayadin", "iran.backed-militias", "Iranian-backed fighters"),
        ("US-backed forces advanced on Raqqa", "syria.sdf", "US-backed forces"),
        ("ISIS-linked cells attacked a bus", "global.islamic-state", "ISIS-linked cells"),
        ("pro-Assad militias were deployed", "global.pro-government-militias", "pro-Assad militias"),
        # X-led: the leader's own forces
        ("US-led air strikes hit Raqqa", "us.military", "US-led air strikes"),
        ("HTS-led factions stormed the town", "syria.hts", "HTS-led factions"),
        # a named group after pro-X stands alone
        ("US-backed SDF fighters captured the village", "syria.sdf", "SDF fighters"),
        ("the Turkish-backed Sultan Murad Division", "syria.sultan-murad", "Sultan Murad Division"),
        # possessives and side adjectives
        ("the regime's forces advanced on Saraqib", "syria.military", "regime's forces"),
        ("Russia's warplanes struck the town", "russia.military", "Russia's warplanes"),
        ("Russian airstrikes hit ISIS positions", "russia.military", "Russian airstrikes"),
        ("regime shelling killed two", "syria.military", "regime shelling"),
        ("Israeli warplanes struck a depot", "israel.military", "Israeli warplanes"),
        ("Turkish special forces crossed the border", "turkey.military", "Turkish special forces"),
        ("the campaign led by Russia and its proxies", "russia.military", "Russia"),
    ],
)
def test_actors_patterns_resolve_group_phrases(
    actors: ActorDictionary, text: str, actor_id: str, span: str
) -> None:
    found = [m for m in actors.find(text) if m.actor_id == actor_id]
    assert [m.span.text for m in found] == [span]
    assert found[0].actor.raw == span


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on ISIS-held areas.",
        "pro-ISIS media outlets claimed the attack.",
        "SDF-controlled territory east of the river.",
        "the regime-held part of Deir ez-Zor",
        "Russian officials met in Ankara.",
        "Shells hit the Syrian Arab Army held housing project.",
    ],
)
def test_actors_patterns_leave_places_and_qualifiers_alone(actors: ActorDictionary, text: str) -> None:
    assert [(m.span.text, m.actor.name) for m in actors.find(text)] == []


def test_actors_pro_x_group_is_on_x_side(actors: ActorDictionary) -> None:
    (pro,) = actors.find("pro-Russian fighters were killed")
    assert pro.actor.side == "russia"
    assert actors.allied(pro.actor.side, "government")


def test_actors_pro_x_without_a_named_proxy_keeps_the_side(actors: ActorDictionary) -> None:
    (pro,) = actors.find("pro-Israeli gunmen were seen")
    assert (pro.actor.known, pro.actor.side, pro.actor.inter) == (False, "israel", 3)
    assert pro.span.text == "pro-Israeli gunmen"


# ---------------------------------------------------------------------------------------- unknown groups


@pytest.mark.parametrize(
    ("text", "name", "raw"),
    [
        ("the Free Idlib Army fighters attacked a checkpoint", "Free Idlib Army", "Free Idlib Army fighters"),
        (
            "Members of the Free Idlib Army clashed with HTS.",
            "Free Idlib Army",
            "Members of the Free Idlib Army",
        ),
        (
            "clashes with Jaysh al-Muhajirin wal-Ansar",
            "Jaysh al-Muhajirin wal-Ansar",
            "Jaysh al-Muhajirin wal-Ansar",
        ),
        ("the Southern Operations Room said", "Southern Operations Room", "Southern Operations Room"),
        (
            "later, Ansar Beit al-Maqdis fighters left the camp",
            "Ansar Beit al-Maqdis",
            "Ansar Beit al-Maqdis fighters",
        ),
    ],
)
def test_actors_unknown_groups_are_kept_raw(actors: ActorDictionary, text: str, name: str, raw: str) -> None:
    unknown = [m for m in actors.find(text) if not m.actor.known]
    assert [(m.actor.name, m.actor.raw) for m in unknown] == [(name, raw)]
    assert unknown[0].actor_id is None and unknown[0].actor.inter is None


@pytest.mark.parametrize(
    "text",
    [
        "Syrian fighters crossed the border.",
        "The Army said nothing.",
        "Joint forces of the NDF combed the area.",
        "Yesterday, fighters attacked the post.",
        "SOHR activists documented the deaths in Deir ez-Zor countryside.",
        "Reliable sources have informed SOHR that Russian forces arrived.",
        "12 gunmen attacked",
        "Free Idlib Army Fighters Attack Regime Checkpoint Near Saraqib\nThe attack began at dawn.",
        "Force Repels Insurgent Attack in Helmand",
        "IED operatives were detained.",
    ],
)
def test_actors_capitalised_words_are_not_groups_by_themselves(actors: ActorDictionary, text: str) -> None:
    assert [m.actor.raw for m in actors.find(text) if not m.actor.known] == []


# ---------------------------------------------------------------------------------- civilians, roles, country


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("Two children and a woman were killed.", ["children", "a woman"]),
        ("a shepherd was killed by a landmine", ["a shepherd"]),
        ("truffle hunters and farmers were abducted", ["truffle hunters", "farmers"]),
        ("12 civilians, including women and children", ["civilians", "women", "children"]),
    ],
)
def test_actors_civilian_words_are_civilians(actors: ActorDictionary, text: str, raws: list[str]) -> None:
    found = actors.find(text)
    assert [m.actor.raw for m in found] == raws
    assert {(m.actor.name, m.actor.inter, m.actor.side) for m in found} == {("Civilians", 7, "civilians")}


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("a military bus was targeted by ISIS members", ["agent"]),
        ("attacks against regime forces continued", ["target"]),
        ("an attack on the Syrian regime and its allies", ["target"]),
        ("clashes between regime forces and ISIS", [None, None]),
        ("civilians were killed by Russian warplanes", [None, "agent"]),
    ],
)
def test_actors_role_hints(actors: ActorDictionary, text: str, hints: list[str | None]) -> None:
    assert [m.role_hint for m in actors.find(text)] == hints


@pytest.mark.parametrize(
    ("text", "country", "ids"),
    [
        ("Coalition forces killed two insurgents.", "AF", ["af.isaf", "af.insurgents"]),
        ("Coalition forces killed two insurgents.", "SY", ["global.us-coalition", "syria.opposition"]),
        ("Taliban fighters fired on coalition forces.", None, ["af.taliban", "af.isaf"]),
        (
            "ISIS attacked the SDF as coalition forces watched.",
            None,
            ["global.islamic-state", "syria.sdf", "global.us-coalition"],
        ),
        ("government troops and insurgents clashed", "AF", ["af.ansf", "af.insurgents"]),
        ("government soldiers detained a Taliban commander", None, ["af.ansf", "af.taliban"]),
        ("government soldiers shelled Daraa", None, ["syria.military"]),
    ],
)
def test_actors_shared_aliases_follow_the_country(
    actors: ActorDictionary, text: str, country: str | None, ids: list[str]
) -> None:
    assert [m.actor_id for m in actors.find(text, country=country)] == ids


def test_actors_lookup_resolves_whole_names(actors: ActorDictionary) -> None:
    assert actors.lookup("Government of Syria").id == "syria.military"
    assert actors.lookup("IS").id == "global.islamic-state"
    assert actors.lookup("is") is None
    assert actors.lookup("coalition forces", country="AF").id == "af.isaf"
    assert actors.lookup("no such group") is None


def test_actors_find_returns_empty_list_for_nothing(actors: ActorDictionary) -> None:
    assert actors.find("") == []
    assert actors.find("   \n ") == []
    assert actors.find("The weather in Homs was cold.") == []


# ---------------------------------------------------------------------------------------- the seed report


def _seed_text() -> str:
    path = Settings().data_dir.parent / "corpus" / "sohr-deir-ez-zor-bus-attack.txt"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"seed report missing at {path}: CI must have ../shared beside the checkout")
        pytest.skip(f"seed report not available at {path}")
    return path.read_text("utf-8")


def test_actors_seed_report_must_have_and_must_not_have(actors: ActorDictionary) -> None:
    text = _seed_text()
    found = actors.find(text)
    by_id: dict[str | None, list[str]] = {}
    for m in found:
        by_id.setdefault(m.actor_id, []).append(m.span.text)
        assert text[m.span.start : m.span.end] == m.span.text
    assert by_id["syria.ndf"] == ["National Defence Forces", "NDF", "National Defense Forces"]
    assert by_id["syria.liwa-al-quds"] == ["Liwaa Al-Quds", "Liwaa Al-Quds"]
    assert len(by_id["syria.5th-corps"]) == 2
    assert "ISIS members" in by_id["global.islamic-state"]
    assert "regime soldiers" in by_id["syria.military"]
    assert "Russian forces" in by_id["russia.military"]
    assert by_id["syria.pro-russian-militias"] == ["pro-Russian fighters"]
    assert None not in by_id, f"no unknown actors in the seed report: {by_id.get(None)}"
    banner = text.index("This website uses cookies")
    assert all(m.span.start < banner for m in found)


@pytest.mark.parametrize("hint", ["SY", "sy", "Syria", "SYR", "Syrian Arab Republic"])
def test_actors_country_hint_may_be_a_name_or_code(actors: ActorDictionary, hint: str) -> None:
    # "regime shelling" is Syria's forces only when the hint is read as Syria, however it is written
    assert [m.actor_id for m in actors.find("Wounded in regime shelling on Douma", country=hint)] == [
        "syria.military"
    ]
    assert [m.actor_id for m in actors.find("government soldiers detained a commander", country=hint)] == [
        "syria.military"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shelling targeted regime positions in the Hama countryside",
            [("syria.military", "regime positions")],
        ),
        ("Rebel shells kill five in Aleppo", [("syria.opposition", "Rebel shells")]),
        (
            "Unknown gunmen assassinate a rebel commander",
            [("global.unidentified-armed-group", "Unknown gunmen"), ("syria.opposition", "rebel commander")],
        ),
        ("Syria regime kills dozens in raids", [("syria.military", "regime")]),
        ("Losses in the ranks of regime forces", [("syria.military", "ranks of regime forces")]),
        ("Turkish checkpoints came under fire", [("turkey.military", "Turkish checkpoints")]),
        ("Air defences confronted the Israeli enemy over Damascus", [("israel.military", "Israeli enemy")]),
        ("Peace Spring factions shelled Tal Tamr", [("syria.sna", "Peace Spring factions")]),
        (
            "Israeli missiles hit Iranian militias' positions",
            [
                ("israel.military", "Israeli missiles"),
                ("iran.backed-militias", "Iranian militias' positions"),
            ],
        ),
    ],
)
def test_actors_forces_named_by_what_they_hold_or_fire(
    actors: ActorDictionary, text: str, expected: list[tuple[str, str]]
) -> None:
    got = [(m.actor_id, m.span.text) for m in actors.find(text, country="SY")]
    assert got == expected


@pytest.mark.parametrize(
    "text", ["calls for regime change in the capital", "regime-controlled areas of Daraa"]
)
def test_actors_regime_as_a_modifier_is_no_actor(actors: ActorDictionary, text: str) -> None:
    assert actors.find(text, country="SY") == []


@pytest.mark.parametrize(
    "text",
    [
        # "Damascus" names the government only before its forces' nouns, never across "and" or "of"
        "Tahrir al-Sham targets the south of Damascus and airstrikes on the city of Deir Ezzor",
        "Clashes continue in the east of Damascus and warplanes target the eastern countryside of Homs",
        "Prisoner exchange south of the capital Damascus and shelling in the eastern Ghouta",
    ],
)
def test_actors_side_adjective_reaches_no_noun_past_a_function_word(
    actors: ActorDictionary, text: str
) -> None:
    assert [m.span.text for m in actors.find(text, country="SY") if "Damascus" in m.span.text] == []


@pytest.mark.parametrize(
    ("text", "actor_id", "hint"),
    [
        # a named actor after a side adjective stands alone ("Kurdish PKK commander" is the PKK's), and "by" or
        # "against" before the adjective still marks it
        ("Senior Kurdish PKK commander killed", "global.pkk", None),
        ("The town was taken by the Kurdish YPG militia", "syria.ypg", "agent"),
        ("Airstrikes by Assad regime warplanes hit the market", "syria.air-force", "agent"),
        ("Crimes against Syrian civilians continue", "global.civilians", "target"),
    ],
)
def test_actors_adjective_before_a_named_actor(
    actors: ActorDictionary, text: str, actor_id: str, hint: str | None
) -> None:
    found = [(m.actor_id, m.role_hint) for m in actors.find(text, country="SY")]
    assert (actor_id, hint) in found, found
