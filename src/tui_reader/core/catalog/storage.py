"""State files and directories: privacy, locks, what was moved aside."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- storage hardening (issue 16; core.storage.atomic_file, core.storage.paths) ----------------------------
    # Our directories, checked at every start; params: path.
    "storage.unsafe_dir.owner": {
        "en": (
            "{path} belongs to another user: refusing to read or write there. Check it, then "
            "remove it or give it back to yourself (chown) and restrict it (chmod 700)."
        ),
        "fr": (
            "{path} appartient à un autre utilisateur : rien n'y sera lu ni écrit. Vérifiez-le, "
            "puis supprimez-le ou reprenez-le (chown) et restreignez-le (chmod 700)."
        ),
    },
    "storage.unsafe_dir.writable": {
        "en": (
            "{path} can be changed by other users: refusing to read or write there. Check what "
            "it holds, then restrict it (chmod 700)."
        ),
        "fr": (
            "{path} peut être modifié par d'autres utilisateurs : rien n'y sera lu ni écrit. "
            "Vérifiez son contenu, puis restreignez-le (chmod 700)."
        ),
    },
}
