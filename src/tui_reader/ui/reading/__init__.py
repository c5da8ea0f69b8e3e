"""The reading screen and its widgets: article pane, contents, search, position."""
