"""Comments: WordPress's rules, drafts and their store, identity, export, quotes."""
