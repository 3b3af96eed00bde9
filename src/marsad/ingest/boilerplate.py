"""Drop the furniture a saved page carries around its article: cookie notices, share buttons, "Related posts".

The rules are data (``boilerplate.txt`` beside this module), read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

MAX_LINE = 400  # longer lines are article paragraphs, whatever words they contain
MIN_ARTICLE_BEFORE_TAIL = (
    200  # characters of text that must come before a "tail" marker for it to cut the rest
)
KINDS = ("tail", "line")


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # tail | line
    pattern: re.Pattern[str]


def parse_rules(text: str) -> tuple[Rule, ...]:
    """Rules from the text of a rules file; raises ValueError naming the bad line."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, _, pattern = line.strip().partition(" ")
        if kind not in KINDS or not pattern.strip():
            raise ValueError(
                f"boilerplate rule line {number}: expected 'tail PATTERN' or 'line PATTERN': {line!r}"
            )
        try:
            compiled = re.compile(pattern.strip(), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(
                f"boilerplate rule line {number}: bad pattern {pattern.strip()!r}: {exc}"
            ) from exc
        rules.append(Rule(kind, compiled))
    return tuple(rules)


@cache
def rules() -> tuple[Rule, ...]:
    return parse_rules(resources.files(__package__).joinpath("boilerplate.txt").read_text(encoding="utf-8"))


def boilerplate_kind(line: str) -> str | None:
    """ "tail", "line", or None when the line may be article text."""
    trimmed = " ".join(line.split())
    if not trimmed or len(trimmed) > MAX_LINE:
        return None
    for rule in rules():
        if rule.pattern.fullmatch(trimmed):
            return rule.kind
    return None


def drop_boilerplate(lines: list[str]) -> list[str]:
    """The lines without boilerplate; a tail marker after enough article text cuts everything from it on."""
    kept: list[str] = []
    seen = 0
    for line in lines:
        kind = boilerplate_kind(line)
        if kind == "tail" and seen >= MIN_ARTICLE_BEFORE_TAIL:
            break
        if kind is None:
            kept.append(line)
            seen += len(line.strip())
    return kept
