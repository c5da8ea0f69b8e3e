"""Rendering to Rich: Markdown per section, the plain-prose fast path, --print."""
