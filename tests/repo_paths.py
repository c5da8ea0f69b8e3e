"""Paths of the repository that tests read (bundled articles, README, CI script)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"
