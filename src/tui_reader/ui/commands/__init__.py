"""Command palette providers (ctrl+p): sections, library articles, themes, app commands."""
