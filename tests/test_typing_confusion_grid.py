"""The confusion grid that `marsad eval case2021 --errors N` prints: every count readable at any terminal width."""

from __future__ import annotations

import io

from rich.console import Console

from marsad.evaluate.report import confusion_table

CONFUSION = {
    "AIR_STRIKE": {"AIR_STRIKE": 15, "ARMED_CLASH": 1, "none": 1},
    "ARMED_CLASH": {"ARMED_CLASH": 29, "ATTACK": 2},
    "NATURAL_DISASTER": {"none": 17, "ARMED_CLASH": 1},
}


def render(width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(confusion_table(CONFUSION), soft_wrap=True)
    return out.getvalue().splitlines()


def test_typing_confusion_grid_keeps_rows_whole_in_a_narrow_terminal() -> None:
    lines = render(40)
    row = next(line for line in lines if line.startswith("ARMED_CLASH"))
    # columns: 1=AIR_STRIKE 2=ARMED_CLASH 3=ATTACK 4=none
    assert row.split()[1:] == ["·", "29", "2", "·"]
    disaster = next(line for line in lines if line.startswith("NATURAL_DISASTER"))
    assert disaster.split()[1:] == ["·", "1", "·", "17"]
    assert any("4=none" in line for line in lines)
