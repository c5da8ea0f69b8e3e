"""State on disk: paths, atomic files, settings, reading positions, the library cache."""
