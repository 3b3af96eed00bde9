"""The word lists of the actor patterns ("ISIS members", "pro-Turkish factions", "Russian warplanes").

Word lists are normalised like the text ("troops" -> "trops"), so they are built through key().
"""

from __future__ import annotations

import re

from marsad.actors.text import key, words_key

# nouns that name the members of a group: "ISIS members", "SDF fighters", "Taliban insurgents"
GROUP_NOUNS = words_key(
    """
    fighters fighter militants militant gunmen gunman members member militiamen militiaman militias
    militia elements element operatives operative cells cell units troops soldiers soldier forces
    personnel commanders commander leaders leader recruits snipers sniper jihadists jihadist insurgents
    insurgent rebels men patrol patrols convoy officers officer guards loyalists affiliates
    """
)
# nouns that make an unlisted capitalised name a group: plural members, not a "leader" ("Labour Party leader")
UNKNOWN_CUES = words_key(
    "fighters militants gunmen members militiamen elements operatives cells jihadists rebels"
)
# "members of X"
MEMBER_NOUNS = words_key(
    """
    members member fighters militants gunmen militiamen elements operatives cells units soldiers troops
    personnel commanders commander leaders leader remnants ranks
    """
)
# "<adjective> forces": the side's own forces; attack nouns too, since "Russian airstrikes" names who struck, and the
# places its forces hold ("targeting regime positions", "a rebel checkpoint") or its commanders ("a rebel commander")
STATE_NOUNS = words_key(
    """
    forces force troops army military soldiers soldier servicemen personnel units patrol patrols convoy
    convoys warplanes warplane jets jet aircraft planes helicopters helicopter drones drone artillery
    tanks navy guards police officers commandos airstrikes airstrike strikes strike raids raid shelling
    bombardment bombing missiles rockets members elements shells mortars cannons snipers sniper commander
    commanders fighters positions position posts checkpoints checkpoint barracks headquarters bases base enemy
    """
)
ATTACK_NOUNS = words_key(
    "airstrikes airstrike strikes strike raids raid shelling bombardment bombing missiles rockets"
)
# "<adjective> militias": groups the side backs
MILITIA_NOUNS = words_key(
    "militias militia militiamen factions faction proxies proxy groups mercenaries gunmen"
)
# what "pro-X <noun>" and "X-backed <noun>" name: a group, not a strike; but "US-led air strikes" are the US's
# what "<adjective> <noun>" names: the side's forces or its proxies ("Russian warplanes", "Iranian militias")
ADJECTIVE_NOUNS = STATE_NOUNS | MILITIA_NOUNS
PRO_NOUNS = {
    False: GROUP_NOUNS | MILITIA_NOUNS | (STATE_NOUNS - ATTACK_NOUNS),
    True: GROUP_NOUNS | MILITIA_NOUNS | STATE_NOUNS,
}
# "X-backed", "X-linked"
BACKED = words_key(
    "backed sponsored supported funded trained armed affiliated aligned allied linked loyal led"
)
BACKED_AFTER = re.compile(
    r"[ \"“”„«»]+(?:" + "|".join(sorted(BACKED, key=len, reverse=True)) + r")(?![^\W_])"
)
# "ISIS-held areas" name a place, not an actor taking part
TERRITORIAL = words_key("held controlled run dominated occupied")
# words after an alias that make it a modifier of something else: "ISIS-held areas", "regime change"
NOT_ACTOR_AFTER = TERRITORIAL | words_key("change")
# a coalition is an alliance at war ("the coalition struck") or in politics: "the coalition government", "coalition
# partners", "the Coalition of Patriots for Change" (a name of its own) are not the one at war
COALITION = words_key("coalition")
NOT_WAR_COALITION_AFTER = words_key(
    "of government governments partners partner parties party talks leaders leader members agreement deal"
)
AGENT_CUES = words_key("by")
# words that may follow a country acting as agent ("by Russia and ..."), not an adjective ("by Russian ...")
FUNCTION_WORDS = words_key("and or in on at with to for from since after during which that its as")
TARGET_CUES = words_key("against targeting targeted on")
DETERMINERS = words_key("the a an its their")
# heads that make a capitalised name a group ("Free Idlib Army"), and Arabic words that start one ("Jaysh")
ORG_HEADS = words_key(
    """
    army brigade brigades battalion battalions division front movement corps regiment legion forces
    force group gathering militia units guards falcons lions hawks eagles shield knights commandos
    """
)
ARABIC_LEADS = words_key(
    """
    liwa liwaa jaysh jaish jeish harakat haraka katibat kataib kata'ib saraya ansar jabhat jabha tajammu
    faylaq failaq firqat alwiyat fawj quwat hayat tanzim jund
    """
)
# capitalised words that start sentences, not group names
NAME_STOPWORDS = words_key(
    """
    the a an on in at by for from with and but or as if once joint allied combined armed unknown
    unidentified security ied vbied rpg government regime enemy yesterday today tonight meanwhile however
    also while when after before during since this that these those some several many dozens hundreds
    reliable local
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    """
)
DEMONYMS = words_key(
    """
    syrian afghan iraqi iranian russian turkish kurdish arab palestinian lebanese israeli american
    british french jordanian pakistani chechen uzbek uighur uyghur turkmen foreign local tribal shiite
    shia sunni alawite druze christian islamist jihadist western
    """
)
# acronyms that are also English words: in SHOUTED text ("THE REGIME IS WEAK") they are the word
ENGLISH_WORDS = words_key("is us as an at it in on or no to am be do go he me my of so up we")

OPERATIONS_ROOM = [key("operations"), key("room")]
# every word that can make a capitalised run a group: a group noun after it or in "members of", an
# organisation's head noun, an Arabic word that opens a group's name, the "room" of an operations room
GROUP_WORDS = UNKNOWN_CUES | ORG_HEADS | ARABIC_LEADS | {OPERATIONS_ROOM[1]}

STATE_INTERS = (1, 8)  # ACLED inter codes of state forces: a country's own (1) and foreign ones (8)
MAX_NAME_WORDS = 8  # "Martyr Lieutenant Ahmed Abdou Brigades" is 5
