"""Issue 11: code blocks and tables are never wrapped; wider than the text, they are cut with a
cue and scroll sideways (core.render.wide_blocks), and `--print` writes them in full."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui_reader.core.article.model import parse_article
from tui_reader.core.render.markdown import render_lines
from tui_reader.core.render.printing import plain_text, print_article
from tui_reader.core.render.wide_blocks import CUE_LEFT, CUE_RIGHT, WIDE_LIMIT, WideLine

CODE_LINE = "x = '" + "".join(f"{i:03d}-" for i in range(48)) + "END'"  # 202 characters
CODE = f"## Code\n\nAvant.\n\n```python\n{CODE_LINE}\ny = 1\n```\n\nAprès.\n"
CELLS = [f"colonne numéro {i}" for i in range(8)]
TABLE = (
    "## Tableau\n\n| "
    + " | ".join(CELLS)
    + " |\n|"
    + "---|" * 8
    + "\n| "
    + " | ".join(f"valeur {i}" for i in range(8))
    + " |\n"
)
WIDTH = 60


def text(line: list) -> str:
    return "".join(segment.text for segment in line)


def rendered(source: str, width: int = WIDTH) -> tuple[list[str], dict[int, WideLine]]:
    wide: dict[int, WideLine] = {}
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    lines = render_lines(source, console, width, wide=wide)
    assert all(sum(segment.cell_length for segment in line) == width for line in lines)
    return [text(line) for line in lines], wide


def test_a_200_character_code_line_is_not_broken() -> None:
    assert len(CODE_LINE) > 200
    lines, wide = rendered(CODE)
    # The code line is one served line, cut at the width with the cue, not folded onto more.
    starts = [n for n, line in enumerate(lines) if line.strip().startswith("x = '")]
    assert len(starts) == 1
    (number,) = starts
    assert lines[number].endswith(CUE_RIGHT)
    assert "END" not in "".join(lines)  # the end is to the right, not on a line below
    assert lines[number + 1].strip().startswith("y = 1")
    # The whole line is kept, and the view can show it from any column.
    line = wide[number]
    assert CODE_LINE in text(line.block.lines[line.row])
    end = text(line.shifted(line.max_shift))
    assert end.rstrip().endswith("END'") and end.startswith(CUE_LEFT)
    assert CUE_RIGHT not in end
    middle = text(line.shifted(60))
    assert middle.startswith(CUE_LEFT) and middle.endswith(CUE_RIGHT)
    assert all(sum(s.cell_length for s in line.shifted(n)) == WIDTH for n in (0, 7, 500))
    # Prose around it is not affected.
    assert "Avant." in lines[2] and all(n in wide for n in range(number - 1, number + 3))
    assert not any("Avant" in lines[n] or "Après" in lines[n] for n in wide)


def test_a_table_wider_than_the_width_is_not_wrapped() -> None:
    lines, wide = rendered(TABLE)
    header = [n for n, line in enumerate(lines) if "colonne numéro 0" in line]
    assert len(header) == 1  # one line, no cell folded
    row = [n for n, line in enumerate(lines) if "valeur 0" in line]
    assert len(row) == 1
    full = text(wide[row[0]].block.lines[wide[row[0]].row])
    assert all(f"valeur {i}" in full for i in range(8))
    assert all(f"colonne numéro {i}" in text(wide[header[0]].block.lines[1]) for i in range(8))
    assert lines[row[0]].endswith(CUE_RIGHT)


def test_narrow_code_and_tables_have_no_cue() -> None:
    lines, wide = rendered("```\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert not wide
    assert not any(CUE_RIGHT in line for line in lines)


def test_code_in_a_list_keeps_its_indent_and_scrolls_alone() -> None:
    lines, wide = rendered(f"- un point\n\n  ```\n  {CODE_LINE}\n  ```\n")
    (number,) = [n for n, line in enumerate(lines) if "x = '" in line]
    line = wide[number]
    indent = text(line.before)
    assert indent.strip() == "" and len(indent) >= 2
    assert text(line.shifted(50)).startswith(indent + CUE_LEFT)


def test_double_width_characters_keep_every_shifted_line_at_the_width() -> None:
    _, wide = rendered("```\n" + "終わりよければすべてよし " * 12 + "\n```\n")
    assert wide
    for line in wide.values():
        for shift in range(0, line.max_shift + 1, 7):
            assert sum(segment.cell_length for segment in line.shifted(shift)) == WIDTH


def test_a_line_longer_than_the_limit_is_folded_after_all() -> None:
    lines, wide = rendered(f"```\n{'a' * (WIDE_LIMIT + 10)}\n```\n")
    assert not wide
    assert sum(line.count("a") for line in lines) == WIDE_LIMIT + 10


def test_print_writes_code_and_tables_in_full() -> None:
    article = parse_article(("# Titre\n\n" + CODE + "\n" + TABLE).encode(), Path("a.md"))
    plain = plain_text(article, width=WIDTH)
    assert CODE_LINE in plain  # on one line, whole
    row = next(line for line in plain.split("\n") if "valeur 0" in line)
    assert all(f"valeur {i}" in row for i in range(8))
    styled = io.StringIO()
    print_article(article, width=WIDTH, file=styled, styled=True)
    shown = Text.from_ansi(styled.getvalue()).plain
    assert "\x1b" in styled.getvalue() and any(CODE_LINE in line for line in shown.split("\n"))
