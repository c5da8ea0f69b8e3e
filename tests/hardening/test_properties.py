"""Property tests (hypothesis) for issue 6: the article model, the renderer and the stores.

- any bytes: parse_article opens them or raises ArticleError (binary/empty), never anything else;
  what it keeps holds no control character and the sections cover the body exactly;
- any Markdown-ish text: render_lines never raises, every line is exactly the requested width,
  no control character, no hyperlink but http/https/mailto;
- the drafts store: any draft round-trips; any bytes in a draft file never crash load_all, the
  other drafts load and the bytes are kept, unchanged, in drafts/corrupt/;
- positions.json, identity.json, the library cache and settings.toml: any bytes or any JSON
  value never crash the loaders.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tests.hardening.terminal_checks import CONTROL, segment_problems
from tui_reader.core.article.model import parse_article, summarize_article
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.comments.identity import load_identity
from tui_reader.core.errors import ArticleError
from tui_reader.core.render.markdown import render_lines
from tui_reader.core.storage.positions import PositionStore
from tui_reader.core.storage.settings import load_settings

# --- strategies -------------------------------------------------------------------------------

CONTROLS = st.sampled_from(
    ["\x1b[2J", "\x1b]52;c;eA==\x07", "\x1b]8;;file:///x\x1b\\", "\x07", "\x08", "\x9b", "\x7f"]
)
ODD_UNICODE = st.sampled_from(
    ["\u202e", "\u200b", "\ufeff", "漢字", "👩‍👩‍👧", "e\u0301", "\ud7ff", "\U0010ffff", "ﷺ", "\t"]
)
CONSTRUCTS = st.sampled_from(
    [
        "# ", "## ", "### ", "#### ", "> ", "- ", "1. ", "* ", "```", "~~~", "    ", "---", "===",
        "| a | b |\n|---|---|\n", "[x](https://e.com)", "[j](javascript:x)", "![i](smb://h/x)",
        "<https://a.b>", "**", "_", "`", "[bold]", "[/]", "[link=file:///x]", "<b>", "&amp;",
        "\\", "[ref]: ftp://x\n", "[ref]", "\n", "\n\n", "\r\n", "\r",
    ]
)  # fmt: skip
MARKDOWNISH = st.lists(
    st.one_of(CONSTRUCTS, CONTROLS, ODD_UNICODE, st.text(max_size=30)), max_size=40
).map("".join)

DRAFT_BYTES = st.one_of(
    st.binary(max_size=300),
    st.just(b"[" * 50_000),  # json's recursion limit
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ).map(lambda value: json.dumps(value).encode()),
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats()
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=15,
)


def _positions_doc(articles: object) -> bytes:
    return json.dumps({"schema": 1, "articles": articles}).encode()


HUGE_NUMBERS = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400), st.floats(), st.booleans(), st.none()
)
# Positions entries of the right shape whose numbers may be anything (10**400, nan, -inf...).
POSITION_ENTRIES = st.fixed_dictionaries(
    {
        "slug": st.one_of(st.text(max_size=10), HUGE_NUMBERS),
        "line": HUGE_NUMBERS,
        "lines": HUGE_NUMBERS,
        "percent": HUGE_NUMBERS,
    },
    optional={"finished": st.booleans(), "updated": st.text(max_size=5)},
)

STATE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.dictionaries(st.text(max_size=10), POSITION_ENTRIES, max_size=3).map(_positions_doc),
    st.just(b"[" * 50_000),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    # Well-formed positions files whose entries hold any values.
    st.dictionaries(
        st.text(max_size=10),
        st.dictionaries(
            st.sampled_from(["slug", "line", "lines", "percent", "finished", "updated"]),
            JSON_VALUES,
        ),
        max_size=3,
    ).map(_positions_doc),
)

PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- article model ------------------------------------------------------------------------------


@PROPS
@given(st.one_of(st.binary(max_size=400), MARKDOWNISH.map(lambda s: s.encode("utf-8"))))
def test_any_bytes_open_or_fail_cleanly(raw: bytes) -> None:
    try:
        article = parse_article(raw, Path("/tmp/any.md"))
    except ArticleError as error:
        assert error.key in ("error.binary", "error.empty")
        return
    assert "".join(s.source for s in article.sections) == article.body
    for text in (article.body, article.title, article.author or "", *article.tags):
        assert not CONTROL.search(text.replace("\t", " "))
    assert all(s.title for s in article.sections if s.level > 0)
    assert len({s.slug for s in article.sections}) == len(article.sections)
    summary = summarize_article(raw, Path("/tmp/any.md"))
    assert summary.title == article.title


# --- renderer -----------------------------------------------------------------------------------

CONSOLE = Console(force_terminal=True, color_system="truecolor", width=100)


@PROPS
@given(MARKDOWNISH, st.integers(min_value=10, max_value=140))
def test_render_lines_never_raises_and_is_exactly_as_wide(text: str, width: int) -> None:
    # Through the article model, as the app does: controls made inert, line endings normalised.
    try:
        article = parse_article(text.encode("utf-8"), None)
    except ArticleError:
        return
    for section in article.sections:
        lines = render_lines(section.source, CONSOLE, width)
        assert lines
        for line in lines:
            assert sum(cell_len(segment.text) for segment in line) == width
        assert segment_problems(lines, section.slug) == []


@PROPS
@given(st.text(max_size=200), st.integers(min_value=10, max_value=60))
def test_render_lines_of_raw_text_never_raises(text: str, width: int) -> None:
    """Even text that did not go through the model (controls left in) never makes it raise."""
    for line in render_lines(text, CONSOLE, width):
        assert sum(cell_len(segment.text) for segment in line) == width


# --- drafts store -------------------------------------------------------------------------------


def _new_draft(store: DraftStore, comment: str = "kept") -> object:
    draft = store.new(
        article_path="/articles/a.md",
        article_title="A",
        source_url=None,
        text_hash="a" * 64,
        lang="en",
        section_slug="top",
        section_title="Top",
    )
    draft.comment = comment
    assert store.save(draft).ok
    return draft


@PROPS
@given(st.text(), st.text(max_size=80), st.text(max_size=80), st.booleans())
def test_drafts_round_trip(comment: str, author: str, url: str, consent: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        draft = _new_draft(store, comment)
        draft.author, draft.url, draft.consent = author, url, consent
        assert store.save(draft).ok
        report = DraftStore(store.directory).load_all()
        assert report.problems == []
        assert report.drafts == [draft]


@PROPS
@given(DRAFT_BYTES)
def test_any_bytes_in_a_draft_file_never_crash_and_are_kept(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        good = _new_draft(store)
        victim = _new_draft(store, "victim")
        path = store.path_for(victim.id)
        path.write_bytes(data)
        report = DraftStore(store.directory).load_all()  # never raises
        assert good.id in [d.id for d in report.drafts]
        if victim.id not in [d.id for d in report.drafts]:
            (problem,) = report.problems
            if problem.moved_to is not None:
                assert problem.moved_to.read_bytes() == data  # kept aside, byte for byte
            else:
                assert path.read_bytes() == data  # left in place (newer schema)


# --- other state files ----------------------------------------------------------------------------


@PROPS
@given(STATE_BYTES)
def test_positions_file_of_any_content_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = PositionStore(Path(tmp))
        store.path.write_bytes(data)
        entries = store.all()  # never raises
        for position in entries.values():
            assert 0.0 <= position.percent <= 100.0
        problems = store.take_problems()
        if problems and problems[0].moved_to is not None:
            assert problems[0].moved_to.read_bytes() == data


@PROPS
@given(STATE_BYTES)
def test_identity_file_of_any_content_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "identity.json").write_bytes(data)
        result = load_identity(Path(tmp))  # never raises
        if result.problem is not None and result.problem.moved_to is not None:
            assert result.problem.moved_to.read_bytes() == data


@PROPS
@given(st.one_of(STATE_BYTES, st.just(b"a = " + b"[" * 50_000)))
def test_settings_file_of_any_content_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "settings.toml").write_bytes(data)
        loaded = load_settings(Path(tmp), themes={"textual-dark"})  # never raises
        assert loaded.settings.theme == "textual-dark"
        assert (Path(tmp) / "settings.toml").read_bytes() == data  # never rewritten by a load


@settings(max_examples=40, deadline=None)
@given(STATE_BYTES)
def test_library_cache_of_any_content_never_crashes(data: bytes) -> None:
    from tui_reader.core.storage import library

    with tempfile.TemporaryDirectory() as tmp:
        shelf = Path(tmp) / "shelf"
        shelf.mkdir()
        (shelf / "a.md").write_text("# A\n\nText.\n")
        cache = Path(tmp) / "cache.json"
        cache.write_bytes(data)
        original = library.cache_path
        library.cache_path = lambda: cache  # type: ignore[assignment]
        try:
            listing = library.list_articles(shelf)  # never raises
        finally:
            library.cache_path = original  # type: ignore[assignment]
        assert [info.title for info in listing.articles] == ["A"]


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        JSON_VALUES,
        st.fixed_dictionaries(
            {"stamp": JSON_VALUES, "record": st.dictionaries(st.text(max_size=6), JSON_VALUES)}
        ),
    ),
    st.booleans(),
)
def test_library_cache_entries_of_any_shape_never_crash(entry: object, right_stamp: bool) -> None:
    """A cache file of the right shape whose entry for the article holds anything."""
    import os

    from tui_reader.core.storage import library

    with tempfile.TemporaryDirectory() as tmp:
        shelf = Path(tmp) / "shelf"
        shelf.mkdir()
        article = shelf / "a.md"
        article.write_text("# A\n\nText.\n")
        key = os.path.abspath(article)
        if right_stamp and isinstance(entry, dict) and "stamp" in entry:
            st_ = article.stat()
            entry["stamp"] = [st_.st_size, st_.st_mtime_ns, "en"]
        cache = Path(tmp) / "cache.json"
        cache.write_text(json.dumps({"version": 1, "entries": {key: entry}}))
        original = library.cache_path
        library.cache_path = lambda: cache  # type: ignore[assignment]
        try:
            listing = library.list_articles(shelf)  # never raises
        finally:
            library.cache_path = original  # type: ignore[assignment]
        assert [info.title for info in listing.articles] == ["A"]


# --- issue 16: ~user paths, out-of-range times, huge integers, and displaying what loads ----------

HUGE_SCALARS = st.one_of(
    st.integers(min_value=4_300, max_value=20_000).map(lambda n: "0x" + "f" * n),
    st.integers(min_value=4_400, max_value=20_000).map(lambda n: "0b" + "1" * n),
    st.integers(min_value=4_400, max_value=6_000).map(lambda n: "9" * n),
    st.integers(min_value=1_500, max_value=3_000).map(lambda n: "1:" + ":".join(["59"] * n)),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats().map(repr),
    st.sampled_from(["0x", "0b", "1:", "-0x1", ".inf", "1e99999", "0o777", "2024-13-45"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["title", "author", "date", "tags", "lang", "source", "comments"]), HUGE_SCALARS
)
def test_front_matter_of_any_scalar_opens_and_prints(key: str, value: str) -> None:
    from io import StringIO

    from tui_reader.core.render.printing import print_article

    raw = f"---\n{key}: {value}\n---\n# Heading\n\nText.\n".encode()
    article = parse_article(raw, Path("/tmp/any.md"))  # never raises
    assert summarize_article(raw, Path("/tmp/any.md")).title == article.title
    out = StringIO()
    print_article(article, width=60, file=out)  # and what it loaded can be shown
    assert "Text." in out.getvalue()


# Any moment datetime can hold, at any UTC offset it can carry (±23:59), naive or not.
DRAFT_TIMES = st.one_of(
    st.builds(
        lambda moment, minutes: moment.replace(
            tzinfo=dt.timezone(dt.timedelta(minutes=minutes))
        ).isoformat(),
        st.datetimes(),
        st.integers(min_value=-1439, max_value=1439),
    ),
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.sampled_from(
        ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "9999-12-31", "0001-01-01"]
    ),
)


# Local time zones at both ends of the range (POSIX TZ strings: no tz database needed).
LOCAL_ZONES = st.sampled_from(["UTC0", "EAST-14", "WEST+12"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFT_TIMES, DRAFT_TIMES, LOCAL_ZONES)
def test_drafts_of_any_time_load_and_display(created: str, updated: str, zone: str) -> None:
    """Loading is not enough: the CLI's list, show and export, and the drafts screen's time
    label, display every draft that loads (an OverflowError came only when shown), in the
    local time zones furthest from UTC."""
    import time

    old_zone = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        _load_and_display(created, updated)
    finally:
        if old_zone is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_zone
        time.tzset()


def _load_and_display(created: str, updated: str) -> None:
    import contextlib
    from io import StringIO

    from tui_reader.cli_drafts import run_drafts
    from tui_reader.core.comments.export import to_markdown
    from tui_reader.ui.comments.drafts_support import local_time

    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        draft = _new_draft(store)
        path = store.path_for(draft.id)
        doc = json.loads(path.read_bytes())
        doc.update(created=created, updated=updated)
        path.write_text(json.dumps(doc))
        other = _new_draft(store, "other")
        report = DraftStore(store.directory).load_all()  # never raises
        assert other.id in [d.id for d in report.drafts]
        to_markdown(report.drafts, "en")
        for loaded in report.drafts:
            local_time(loaded.updated), local_time(loaded.created, with_date=False)
        old = os.environ.get("XDG_DATA_HOME")
        os.environ["XDG_DATA_HOME"] = tmp.removesuffix("/") + "/xdg"
        try:
            shutil.copytree(store.directory, Path(tmp) / "xdg" / "tui-reader" / "drafts")
            for argv in (["list"], ["show", other.id], ["export", "--format", "md"]):
                with contextlib.redirect_stdout(StringIO()), contextlib.redirect_stderr(StringIO()):
                    assert run_drafts(argv, "en") == 0
        finally:
            os.environ["XDG_DATA_HOME"] = old or ""


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.sampled_from(["~nosuchuser/x", "~nosuchuser", "~", "~/", "~root/x", "~~", "~\x1b[2J/x"]),
        st.text(max_size=12).map(lambda s: "~" + s),
    )
)
def test_articles_dir_of_any_tilde_path_never_crashes(value: str) -> None:
    from tui_reader.core.launch import prepare

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "settings.toml").write_text(f"articles_dir = {json.dumps(value)}\n")
        loaded = load_settings(Path(tmp), themes={"textual-dark"})  # never raises
        try:
            launch = prepare(None, "en", loaded)  # nor does listing the library
        except ArticleError as error:  # "~" is a directory without articles: a clean message
            assert error.key in ("error.no_articles", "error.unreadable")
        else:
            assert launch.listing is not None
