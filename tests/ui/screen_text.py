"""What the user sees in a widget, as text."""

from __future__ import annotations

from textual.widget import Widget


def visible_lines(widget: Widget) -> list[str]:
    """The text a Line API widget currently shows, one string per screen row."""
    return [
        "".join(seg.text for seg in widget.render_line(y)).rstrip()
        for y in range(widget.scrollable_content_region.height)
    ]


def visible_text(widget: Widget) -> str:
    return "\n".join(visible_lines(widget))


def widget_text(widget: Widget) -> str:
    """What any widget draws (borders and padding included), as plain text."""
    from textual.geometry import Region

    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(seg.text for seg in strip).rstrip() for strip in strips)


def screen_rows(app: object) -> list[str]:
    """The whole composited screen (every widget, the key bar), one string per row."""
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return [strip.text.rstrip() for strip in strips]
