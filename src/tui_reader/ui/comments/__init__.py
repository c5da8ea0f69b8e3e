"""The comment composer and the drafts screen."""
