"""A real WordPress on 127.0.0.1 for the tests: Debian's `wordpress`, MariaDB, PHP's own server.

Everything lives in a private temporary directory: the database (its own datadir and socket, no
network), a docroot of symlinks to /usr/share/wordpress with its own wp-config.php (nothing in /etc
is read or written), and PHP's built-in server on a free 127.0.0.1 port. A watchdog process kills
the servers and removes the directory if the Python process dies without closing them (kill -9).
Facts and pitfalls: /work/shared/research/wordpress-server.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORDPRESS = Path("/usr/share/wordpress")
THEME = "twentytwentythree"
PHP_DIR = Path(__file__).resolve().parent / "php"
PACKAGES = (
    "wordpress wordpress-l10n php-cli php-mysql php-xml php-mbstring php-curl mariadb-server "
    f"wordpress-theme-{THEME}"
)
ENABLE_HINT = f"apt-get install {PACKAGES}"
# mariadbd lives in /usr/sbin, which is not on an ordinary user's PATH.
_SEARCH_PATH = os.pathsep.join(
    [os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/sbin"]
)
# Small and unsafe on purpose: a throw-away database that must start fast.
_MARIADB_OPTIONS = [
    "--skip-log-bin",
    "--innodb-log-file-size=4M",
    "--innodb-buffer-pool-size=16M",
    "--innodb-flush-log-at-trx-commit=0",
    "--innodb-doublewrite=0",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
]
# Tables a reset() puts back as the fixture left them.
_RESET_TABLES = ("comments", "commentmeta", "posts", "postmeta", "options", "users", "usermeta")
_PHP_WORKERS = "4"
# Kept across test sessions: the installed sites' datadir to copy (see _site_template) and compiled
# PHP (loading WordPress takes 0.1 s instead of 0.4 s; PHP checks the files' times, so a package
# upgrade is seen).
_CACHE_DIR = Path(tempfile.gettempdir()) / f"tui-reader-wp-cache-{os.getuid()}"
_OPCACHE_DIR = _CACHE_DIR / "opcache"


def _php_command(*args: str) -> list[str]:
    php = _program("php")
    if php is None:
        raise WordPressError("php is not installed")
    _OPCACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    return [
        php,
        "-d",
        "opcache.enable_cli=1",
        "-d",
        f"opcache.file_cache={_OPCACHE_DIR}",
        *args,
    ]


_START_TIMEOUT = 20.0


class WordPressError(RuntimeError):
    """The test site could not be started or a command on it failed."""


@dataclass(frozen=True)
class PostInfo:
    id: int
    url: str
    slug: str
    title: str


@dataclass(frozen=True)
class CommentRow:
    """A row of wp_comments, as stored (the content is not filtered for display)."""

    id: int
    post_id: int
    parent: int
    author: str
    email: str
    url: str
    content: str
    approved: str  # "0" held, "1" approved, "spam", "trash"
    agent: str = ""  # the User-Agent of the POST that created it
    date_gmt: str = ""


def _program(name: str) -> str | None:
    return shutil.which(name, path=_SEARCH_PATH)


def missing_requirements() -> list[str]:
    """What this machine lacks to run the test sites (empty when everything is there)."""
    lacking = [
        name
        for name in ("php", "mariadbd", "mariadb-install-db", "mariadb")
        if _program(name) is None
    ]
    for path in (
        WORDPRESS / "wp-settings.php",
        WORDPRESS / "wp-content" / "languages" / "fr_FR.mo",
        WORDPRESS / "wp-content" / "themes" / THEME / "theme.json",
    ):
        if not path.exists():
            lacking.append(str(path))
    php = _program("php")
    if php is not None:
        modules = subprocess.run([php, "-m"], capture_output=True, text=True).stdout.split()
        lacking += [f"php module {m}" for m in ("mysqli", "mbstring", "xml") if m not in modules]
    return lacking


def _php_str(value: str) -> str:
    """A PHP single-quoted literal of any string."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listens(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


def _serves(port: int) -> bool:
    """Whether the server answers an HTTP request (a static file: WordPress is not run).

    Accepting a connection is not enough: PHP resets the connections it takes while its workers
    start.
    """
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(b"HEAD /wp-includes/images/blank.gif HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            return sock.recv(12).startswith(b"HTTP/1.")
    except OSError:
        return False


# The watchdog reads "pg PID" (a process group to kill) and "rm PATH" (a directory to remove) lines,
# "forget ..." to undo one; when its stdin closes (this process exited, however) it does them all.
_REAPER_CODE = r"""
import os, shutil, signal, sys, time
groups, dirs = set(), set()
for line in sys.stdin:
    verb, _, arg = line.rstrip("\n").partition(" ")
    if verb == "pg": groups.add(int(arg))
    elif verb == "rm": dirs.add(arg)
    elif verb == "forget-pg": groups.discard(int(arg))
    elif verb == "forget-rm": dirs.discard(arg)
for pg in groups:
    try: os.killpg(pg, signal.SIGKILL)
    except OSError: pass
deadline = time.monotonic() + 5
for pg in groups:
    while time.monotonic() < deadline:
        try: os.killpg(pg, 0)
        except OSError: break
        time.sleep(0.05)
for d in dirs: shutil.rmtree(d, ignore_errors=True)
"""


class _Reaper:
    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None

    def _send(self, line: str) -> None:
        if self._proc is None or self._proc.poll() is not None:
            # Its own session: a Ctrl+C in the terminal reaches pytest, which tears down first.
            self._proc = subprocess.Popen(
                [sys.executable, "-c", _REAPER_CODE],
                stdin=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
        assert self._proc.stdin is not None
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()

    def kill_group(self, pgid: int) -> None:
        self._send(f"pg {pgid}")

    def forget_group(self, pgid: int) -> None:
        self._send(f"forget-pg {pgid}")

    def remove_dir(self, path: Path) -> None:
        self._send(f"rm {path}")

    def forget_dir(self, path: Path) -> None:
        self._send(f"forget-rm {path}")


_reaper = _Reaper()


def _start_group(
    args: list[str], log: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start a server in its own process group, watched by the reaper."""
    with log.open("ab") as out:
        proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    _reaper.kill_group(proc.pid)
    return proc


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    _reaper.forget_group(proc.pid)


def _as_root() -> list[str]:
    return ["--user=root"] if os.geteuid() == 0 else []


class MariaDB:
    """A private MariaDB server: datadir and socket under `root`, no TCP at all.

    The datadir is a copy of `template` (with the sites it holds described by `sites`), or a new
    one from mariadb-install-db.
    """

    def __init__(
        self, root: Path, template: Path | None = None, sites: dict[str, Any] | None = None
    ) -> None:
        self.root = root
        self.datadir = root / "mysql"
        self.socket = root / "mysql.sock"
        self.sites: dict[str, Any] = dict(sites or {})
        if template is not None:
            shutil.copytree(template, self.datadir, symlinks=True)
        else:
            self._install_db()
        self._proc = _start_group(
            [
                str(_program("mariadbd")),
                "--no-defaults",
                f"--datadir={self.datadir}",
                f"--socket={self.socket}",
                f"--pid-file={root / 'mysql.pid'}",
                "--skip-networking",
                *_as_root(),
                *_MARIADB_OPTIONS,
            ],
            root / "mariadbd.log",
        )
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._answers():
            if self._proc.poll() is not None or time.monotonic() > deadline:
                log = (root / "mariadbd.log").read_text("utf-8", "replace")
                self.close()
                raise WordPressError(
                    f"mariadbd did not start (a damaged cache? remove {_CACHE_DIR}):\n{log[-2000:]}"
                )
            time.sleep(0.03)

    def _install_db(self) -> None:
        install = subprocess.run(
            [
                str(_program("mariadb-install-db")),
                "--no-defaults",
                f"--datadir={self.datadir}",
                "--auth-root-authentication-method=normal",  # root, no password, socket only
                "--skip-test-db",
                *_as_root(),
                *_MARIADB_OPTIONS,
            ],
            capture_output=True,
            text=True,
        )
        if install.returncode != 0:
            raise WordPressError(f"mariadb-install-db failed:\n{install.stdout}{install.stderr}")

    def _client(self, sql: str, database: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                str(_program("mariadb")),
                "--no-defaults",
                f"--socket={self.socket}",
                "--user=root",
                "--batch",
                "--raw",
                "--skip-column-names",
                "--default-character-set=utf8mb4",
                *([database] if database else []),
            ],
            input=sql,
            capture_output=True,
            text=True,
        )

    def _answers(self) -> bool:
        return self.socket.exists() and self._client("SELECT 1", None).returncode == 0

    def sql(self, sql: str, database: str | None = None) -> list[str]:
        """Run SQL statements; the output lines (tab-separated columns, not escaped)."""
        done = self._client(sql, database)
        if done.returncode != 0:
            raise WordPressError(f"SQL failed: {done.stderr.strip()}\n{sql[:500]}")
        return done.stdout.splitlines()

    def close(self) -> None:
        # The data is thrown away: no need for a clean shutdown.
        _kill_group(self._proc)

    def shutdown(self) -> None:
        """A clean stop, leaving a datadir that can be copied."""
        self._proc.terminate()
        try:
            self._proc.wait(timeout=60)
        finally:
            _kill_group(self._proc)


# The fixture of each site: an open post with a small thread, a closed post, a draft.
_FIXTURES: dict[str, dict[str, Any]] = {
    "en_US": {
        "title": "Loopback Test Blog",
        "posts": {
            "open": ("Comments are open", "comments-open"),
            "closed": ("Comments are closed", "comments-closed"),
            "draft": ("A draft post", "a-draft-post"),
        },
        "content": "<!-- wp:paragraph --><p>A post of the test site, with its comment form.</p>"
        "<!-- /wp:paragraph -->",
        "comments": {
            "approved": ("Alice Martin", "alice@example.com", "", "Thanks, a clear article.", "1"),
            "reply": ("Bob Stone", "bob@example.com", "", "I agree with Alice.", "1"),
            "pending": ("Carol White", "carol@example.com", "", "Waiting for moderation.", "0"),
            "html": (
                "Dave Link",
                "dave@example.com",
                "https://dave.example.org/",
                'See <a href="https://example.org/more">this page</a>, <strong>really</strong>.',
                "1",
            ),
        },
    },
    "fr_FR": {
        "title": "Blog de test en boucle locale",
        "posts": {
            "open": ("Les commentaires sont ouverts", "commentaires-ouverts"),
            "closed": ("Les commentaires sont fermés", "commentaires-fermes"),
            "draft": ("Un brouillon", "un-brouillon"),
        },
        "content": "<!-- wp:paragraph --><p>Un article du site de test, avec son formulaire de "
        "commentaire.</p><!-- /wp:paragraph -->",
        "comments": {
            "approved": ("Amélie Durand", "amelie@example.fr", "", "Merci, un article clair.", "1"),
            "reply": ("Benoît Lefèvre", "benoit@example.fr", "", "D’accord avec Amélie.", "1"),
            "pending": ("Chloé Petit", "chloe@example.fr", "", "En attente de modération.", "0"),
            "html": (
                "Denis Lien",
                "denis@example.fr",
                "https://denis.example.fr/",
                'Voir <a href="https://example.fr/suite">cette page</a>, <em>vraiment</em>.',
                "1",
            ),
        },
    },
}


class WordPressSite:
    """One WordPress site (its own database and PHP server) with the fixture posts and comments.

    `db` is shared by the English and French sites of a test session; without it the site starts
    and owns its MariaDB.
    """

    def __init__(self, locale: str = "en_US", db: MariaDB | None = None) -> None:
        if locale not in _FIXTURES:
            raise ValueError(f"no fixture for locale {locale!r}")
        self.locale = locale
        self._owns_db = db is None
        self.db = db if db is not None else start_mariadb()
        self.database = "wp_" + locale.split("_")[0].lower()
        self.root = self.db.root / self.database
        self.docroot = self.root / "docroot"
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._server: subprocess.Popen[bytes] | None = None
        self._delay_used = False
        try:
            self.root.mkdir()
            self._make_docroot()
            self._start_server_on_a_free_port()  # warms up meanwhile
            if locale in self.db.sites:
                self._adopt(self.db.sites[locale])
            else:
                self._install()
            self._wait_for_server()
        except BaseException:
            self.close()
            raise

    # -- setting up ---------------------------------------------------------------------------

    def _adopt(self, installed: dict[str, Any]) -> None:
        """Take over the database installed with the template: only the address changes."""
        old, new = installed["base_url"], self.base_url
        self.db.sql(
            "".join(
                f"UPDATE {d}.wp_options SET option_value = '{new}' "
                "WHERE option_name IN ('siteurl', 'home'); "
                f"UPDATE {d}.wp_posts SET guid = REPLACE(guid, '{old}', '{new}'); "
                f"UPDATE {d}.wp_users SET user_url = REPLACE(user_url, '{old}', '{new}');"
                for d in (self.database, f"{self.database}_base")
            )
        )
        self._record(
            {
                key: {**post, "url": post["url"].replace(old, new, 1)}
                for key, post in installed["posts"].items()
            },
            installed["comments"],
        )

    def _record(self, posts: dict[str, Any], comments: dict[str, Any]) -> None:
        self.posts: dict[str, PostInfo] = {
            key: PostInfo(id=int(p["id"]), url=p["url"], slug=p["slug"], title=p["title"])
            for key, p in posts.items()
        }
        # Ids of the fixture comments on the open post: "approved", "reply" (to "approved"),
        # "pending" (held), "html" (HTML and a link in its text).
        self.fixture_comments: dict[str, int] = {k: int(v) for k, v in comments.items()}

    def installed(self) -> dict[str, Any]:
        """What a template records of this site, for _adopt()."""
        return {
            "base_url": self.base_url,
            "posts": {key: dataclasses.asdict(post) for key, post in self.posts.items()},
            "comments": self.fixture_comments,
        }

    def _install(self) -> None:
        """WordPress's own installation, then the fixture posts and comments."""
        self.db.sql(f"CREATE DATABASE {self.database}; CREATE DATABASE {self.database}_base;")
        fixture = _FIXTURES[self.locale]
        config = {
            "docroot": str(self.docroot),
            "host": f"127.0.0.1:{self.port}",
            "title": fixture["title"],
            "locale": self.locale,
            "options": {
                "timezone_string": "UTC",
                "comments_notify": "0",
                "moderation_notify": "0",
                "blogdescription": "",
            },
            "posts": {
                key: {
                    "title": title,
                    "slug": slug,
                    "content": fixture["content"],
                    "status": "draft" if key == "draft" else "publish",
                    "comment_status": "closed" if key == "closed" else "open",
                }
                for key, (title, slug) in fixture["posts"].items()
            },
            "comments": {
                key: {
                    "post": "open",
                    "author": author,
                    "email": email,
                    "url": url,
                    "content": content,
                    "approved": approved,
                    **({"parent": "approved"} if key == "reply" else {}),
                }
                for key, (author, email, url, content, approved) in fixture["comments"].items()
            },
        }
        env = {**os.environ, "TUI_WP_INSTALL": json.dumps(config)}
        done = subprocess.run(
            _php_command("-d", "display_errors=stderr", str(PHP_DIR / "install.php")),
            capture_output=True,
            text=True,
            env=env,
        )
        if done.returncode != 0:
            raise WordPressError(
                f"WordPress install failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
            )
        created = json.loads(done.stdout.strip().splitlines()[-1])
        self._record(created["posts"], created["comments"])
        base = f"{self.database}_base"
        self.db.sql(
            "".join(
                f"CREATE TABLE {base}.wp_{t} LIKE wp_{t}; "
                f"INSERT INTO {base}.wp_{t} SELECT * FROM wp_{t};"
                for t in _RESET_TABLES
            ),
            self.database,
        )

    def _make_docroot(self) -> None:
        self.docroot.mkdir()
        for entry in WORDPRESS.iterdir():
            if entry.name not in ("wp-config.php", "wp-content"):
                (self.docroot / entry.name).symlink_to(entry)
        content = self.docroot / "wp-content"
        content.mkdir()
        for name in ("themes", "languages"):
            (content / name).symlink_to(WORDPRESS / "wp-content" / name)
        (content / "plugins").mkdir()  # no plugin: Akismet would call out to the Internet
        (content / "uploads").mkdir()
        shutil.copytree(PHP_DIR / "mu-plugins", content / "mu-plugins")
        self._write_config()

    def _write_config(self) -> None:
        keys = "".join(
            f"define('{k}', '{secrets.token_hex(32)}');\n"
            for k in (
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT",
            )
        )
        (self.docroot / "wp-config.php").write_text(
            f"""<?php
// The test site's configuration (Debian's own wp-config.php would read /etc/wordpress).
define('DB_NAME', {_php_str(self.database)});
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', {_php_str("localhost:" + str(self.db.socket))});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', {_php_str(self.base_url)});
define('WP_SITEURL', {_php_str(self.base_url)});
{keys}
// Nothing leaves the machine and nothing runs behind the tests' backs.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) {{
    define('ABSPATH', __DIR__ . '/');
}}
require_once ABSPATH . 'wp-settings.php';
""",
            "utf-8",
        )

    # -- the web server -----------------------------------------------------------------------

    def _spawn_server(self) -> None:
        env = {**os.environ, "PHP_CLI_SERVER_WORKERS": _PHP_WORKERS}
        self._server = _start_group(
            _php_command(
                "-d",
                "display_errors=0",
                "-d",
                "log_errors=1",
                "-S",
                f"127.0.0.1:{self.port}",
                "-t",
                str(self.docroot),
                str(PHP_DIR / "router.php"),
            ),
            self.root / "php-server.log",
            env,
        )

    def _wait_for_server(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while not _serves(self.port):
            assert self._server is not None
            if self._server.poll() is not None or time.monotonic() > deadline:
                log = (self.root / "php-server.log").read_text("utf-8", "replace")
                raise WordPressError(f"php -S did not start on port {self.port}:\n{log[-2000:]}")
            time.sleep(0.02)

    def _start_server_on_a_free_port(self) -> None:
        # Another process may take the port between _free_port() and php binding it: try again.
        for _ in range(5):
            self._spawn_server()
            time.sleep(0.05)
            assert self._server is not None
            if self._server.poll() is None:
                return
            self.port = _free_port()
            self.base_url = f"http://127.0.0.1:{self.port}"
            self._write_config()
        raise WordPressError("php -S could not bind a free port")

    @property
    def server_running(self) -> bool:
        return self._server is not None and self._server.poll() is None

    def stop_server(self) -> None:
        """Stop the web server (connections to its port are then refused); the data stays."""
        if self._server is not None:
            _kill_group(self._server)
            self._server = None
        # The workers die after the master: wait until none of them listens any more.
        deadline = time.monotonic() + _START_TIMEOUT
        while _listens(self.port):
            if time.monotonic() > deadline:
                raise WordPressError(f"port {self.port} still answers after stopping the server")
            time.sleep(0.02)

    def start_server(self) -> None:
        """Start the web server again, on the same port."""
        if self.server_running:
            return
        self._spawn_server()
        self._wait_for_server()

    # -- reading and changing the site --------------------------------------------------------

    def comments(self, post_id: int | None = None) -> list[CommentRow]:
        """The comments in the database, every status, oldest first."""
        where = f"WHERE comment_post_ID = {int(post_id)}" if post_id is not None else ""
        lines = self.db.sql(
            "SELECT JSON_OBJECT('id', comment_ID, 'post_id', comment_post_ID, "
            "'parent', comment_parent, 'author', comment_author, 'email', comment_author_email, "
            "'url', comment_author_url, 'content', comment_content, 'approved', comment_approved, "
            "'agent', comment_agent, 'date_gmt', comment_date_gmt) "
            f"FROM wp_comments {where} ORDER BY comment_ID",
            self.database,
        )
        rows = []
        for line in lines:
            row = json.loads(line)
            rows.append(
                CommentRow(
                    id=int(row["id"]),
                    post_id=int(row["post_id"]),
                    parent=int(row["parent"]),
                    author=row["author"],
                    email=row["email"],
                    url=row["url"],
                    content=row["content"],
                    approved=row["approved"],
                    agent=row["agent"],
                    date_gmt=str(row["date_gmt"]),
                )
            )
        return rows

    def php(self, code: str) -> str:
        """Run PHP statements with WordPress loaded (no `<?php` tag); what they print."""
        prelude = (
            "<?php\n"
            f"define('ABSPATH', {_php_str(str(self.docroot) + '/')});\n"
            f"$_SERVER['HTTP_HOST'] = {_php_str(f'127.0.0.1:{self.port}')};\n"
            "$_SERVER['REQUEST_URI'] = '/';\n"
            "require ABSPATH . 'wp-load.php';\n"
        )
        done = subprocess.run(
            _php_command("-d", "display_errors=stderr"),
            input=prelude + code + "\n",
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise WordPressError(f"PHP failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        return done.stdout

    def _set_option(self, name: str, value: str) -> None:
        # Straight to the table: WordPress keeps no cache between requests on this site.
        self.db.sql(
            "INSERT INTO wp_options (option_name, option_value, autoload) "
            f"VALUES ('{name}', '{value}', 'yes') "
            f"ON DUPLICATE KEY UPDATE option_value = '{value}'",
            self.database,
        )

    def set_flood_check(self, enabled: bool, interval: int | None = None) -> None:
        """Turn WordPress's flood check on or off (off after start and after reset()).

        `interval` (seconds) replaces WordPress's own 15 s, so a retry test need not wait that long.
        """
        self._set_option("tui_test_flood_check", "1" if enabled else "")
        self._set_option("tui_test_flood_interval", str(int(interval or 0)))

    def set_post_delay(self, seconds: float) -> None:
        """Make wp-comments-post.php wait before handling a comment (timeout tests).

        The comment is still stored after the wait, as on a slow real server; reset() restarts the
        web server to drop such requests.
        """
        self._delay_used = self._delay_used or seconds > 0
        self._set_option("tui_test_post_delay", str(float(seconds)))

    def set_post_status(self, status: int | None) -> None:
        """Make wp-comments-post.php answer WordPress's error page with this status (5xx tests)."""
        self._set_option("tui_test_post_status", str(int(status or 0)))

    def approve_author(self, name: str, email: str, post_id: int | None = None) -> int:
        """Store an approved comment by this author, so that WordPress approves their next ones.

        It goes on the closed post unless `post_id` says otherwise, leaving the open post's thread
        as the test expects it. Returns the comment's id.
        """
        target = post_id if post_id is not None else self.posts["closed"].id
        when = "gmdate('Y-m-d H:i:s', time() - 2 * DAY_IN_SECONDS)"
        out = self.php(
            # WordPress unslashes what it stores.
            "echo wp_insert_comment(wp_slash(array("
            f"'comment_post_ID' => {int(target)}, "
            f"'comment_author' => {_php_str(name)}, "
            f"'comment_author_email' => {_php_str(email)}, "
            "'comment_content' => 'An earlier approved comment.', "
            "'comment_approved' => '1', "
            "'comment_author_IP' => '192.0.2.2', "
            f"'comment_date_gmt' => {when}, "
            f"'comment_date' => get_date_from_gmt({when}))));"
        )
        return int(out.strip())

    def delete_comments(self, post_id: int) -> None:
        """Delete every comment of a post (and their metadata)."""
        pid = int(post_id)
        self.db.sql(
            "DELETE m FROM wp_commentmeta m JOIN wp_comments c ON m.comment_id = c.comment_ID "
            f"WHERE c.comment_post_ID = {pid}; "
            f"DELETE FROM wp_comments WHERE comment_post_ID = {pid}; "
            f"UPDATE wp_posts SET comment_count = 0 WHERE ID = {pid};",
            self.database,
        )

    def reset(self) -> None:
        """Back to the fixture: its posts, comments and options; the server running.

        Comment ids keep growing across resets, so an id seen in one test never names another
        test's comment.
        """
        if self._delay_used:
            self.stop_server()
            self._delay_used = False
        base = f"{self.database}_base"
        self.db.sql(
            "".join(
                f"DELETE FROM wp_{t}; INSERT INTO wp_{t} SELECT * FROM {base}.wp_{t};"
                for t in _RESET_TABLES
            ),
            self.database,
        )
        self.start_server()

    def close(self) -> None:
        self.stop_server()
        if self._owns_db:
            close_mariadb(self.db)


def _template_key() -> str:
    """Changes with anything that makes a different installed site."""
    stats = [
        (path.stat().st_size, path.stat().st_mtime_ns)
        for path in (
            Path(str(_program("mariadbd"))),
            WORDPRESS / "wp-includes" / "version.php",
            WORDPRESS / "wp-content" / "languages" / "fr_FR.mo",
            WORDPRESS / "wp-content" / "themes" / THEME / "theme.json",
        )
    ]
    parts = (
        stats,
        _MARIADB_OPTIONS,
        _as_root(),
        _RESET_TABLES,
        repr(_FIXTURES),
        (PHP_DIR / "install.php").read_bytes(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _site_template() -> Path:
    """A stopped MariaDB datadir holding both installed sites, made once and kept in the cache.

    Installing takes 1.5-3 s a site; copying the result takes 0.1 s. Made under a lock (xdist
    workers start together) and renamed into place whole.
    """
    template = _CACHE_DIR / f"sites-{_template_key()}"
    if template.is_dir():
        os.utime(template)  # in use: see _remove_old_templates
        return template
    _CACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    with (_CACHE_DIR / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if template.is_dir():
            return template
        build = Path(tempfile.mkdtemp(dir=_CACHE_DIR, prefix="building-"))
        _reaper.remove_dir(build)
        try:
            db = MariaDB(build)
            try:
                sites = {}
                for locale in _FIXTURES:
                    site = WordPressSite(locale, db)
                    sites[locale] = site.installed()
                    site.close()
            except BaseException:
                db.close()
                raise
            db.shutdown()
            (build / "template").mkdir()
            db.datadir.rename(build / "template" / "mysql")
            (build / "template" / "sites.json").write_text(json.dumps(sites), "utf-8")
            (build / "template").rename(template)
        finally:
            shutil.rmtree(build, ignore_errors=True)
            _reaper.forget_dir(build)
        _remove_old_templates(keep=template)
    return template


def _remove_old_templates(keep: Path) -> None:
    """Templates of other packages or fixtures (90 MB each) that no session used for an hour."""
    for old in _CACHE_DIR.glob("sites-*"):
        if old != keep and time.time() - old.stat().st_mtime > 3600:
            shutil.rmtree(old, ignore_errors=True)


def start_mariadb() -> MariaDB:
    """A MariaDB with both sites installed, in a new temporary directory.

    Removed by close_mariadb(), or by the watchdog if this process dies first.
    """
    template = _site_template()
    sites = json.loads((template / "sites.json").read_text("utf-8"))
    root = Path(tempfile.mkdtemp(prefix="tui-wp-"))
    _reaper.remove_dir(root)
    try:
        return MariaDB(root, template / "mysql", sites)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def close_mariadb(db: MariaDB) -> None:
    db.close()
    shutil.rmtree(db.root, ignore_errors=True)
    _reaper.forget_dir(db.root)
