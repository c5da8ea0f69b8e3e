"""The pure core: plain Python, never imports Textual, tested directly."""
