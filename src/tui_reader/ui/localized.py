"""Bindings whose descriptions are catalog keys, translated per instance.

Textual reads `BINDINGS` at class creation, before the interface language is known, so each
screen stores catalog keys as descriptions and swaps in the translated text when it is built.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from tui_reader.core.catalog import STRINGS, t


def localize_bindings(node: DOMNode, lang: str) -> None:
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=t(b.description, lang)) if b.description in STRINGS else b
            for b in bindings
        ]
