"""tui-reader: read long-form articles in the terminal and write their comments offline."""

__version__ = "0.1.0"
