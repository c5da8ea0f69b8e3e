"""Feeds (RSS, Atom) and `reader sync`: discovery, parsing, OPML, their state in SQLite, and the
sync that saves new entries as library articles. No Textual; feedparser and httpx are imported
only when a feed is read or fetched."""
