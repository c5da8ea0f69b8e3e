"""Finding things in an article: full-text search, title matching, links."""
