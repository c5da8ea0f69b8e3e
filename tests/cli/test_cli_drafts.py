"""`reader drafts …`: in-process with capsys, plus one real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import tui_reader
from tui_reader.cli_drafts import run_drafts
from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.comments.identity import Identity, identity_path, save_identity
from tui_reader.core.comments.quote import with_quote

Captured = tuple[int, str, str]


class Clock:
    """One minute per call: drafts added one after the other have distinct times."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    global _clock
    _clock = Clock()
    monkeypatch.setenv("COLUMNS", "100")  # the table adapts to the terminal: pin its width
    yield _clock


_clock = Clock()


def run(capsys: pytest.CaptureFixture[str], *argv: str, lang: str = "en") -> Captured:
    code = run_drafts(list(argv), lang)
    out, err = capsys.readouterr()
    return code, out, err


def add(
    *,
    comment: str = "A thoughtful comment.",
    status: str = "draft",
    lang: str = "en",
    author: str = "Ada",
    email: str = "ada@example.org",
    title: str = "Data centres",
    quote: str = "Water is the scarce resource.",
    draft_id: str | None = None,
) -> Draft:
    store = DraftStore(clock=_clock)
    draft = store.new(
        article_path="/articles/data-centres.md",
        article_title=title,
        source_url="https://example.org/data-centres",
        text_hash="a" * 64,
        lang=lang,
        section_slug="water",
        section_title="Water, the resource",
    )
    if draft_id:
        draft.id = draft_id
    comment = with_quote(comment, quote) if quote else comment  # as Ctrl+O puts it
    draft.comment, draft.status, draft.author, draft.email = comment, status, author, email
    assert store.save(draft).ok
    return draft


def assert_one_line_error(err: str, *needles: str) -> None:
    assert "Traceback" not in err
    assert err.startswith("reader")
    assert err.count("\n") == 1, err
    for needle in needles:
        assert needle in err


# --- list -----------------------------------------------------------------------------------


def test_list_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list") == (0, "No drafts.\n", "")
    assert run(capsys, "list", "--json") == (0, "[]\n", "")


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    older = add(comment="First comment")
    newer = add(comment="Second\ncomment", status="ready")
    code, out, err = run(capsys, "list")
    assert (code, err) == (0, "")
    header, first, second = out.splitlines()
    assert header.split() == ["ID", "STATUS", "UPDATED", "ARTICLE", "SECTION", "EXCERPT"]
    assert first.startswith(newer.id[:8] + "  ready")  # newest first
    assert "Second comment" in first  # whitespace collapsed, the quote it starts with skipped
    assert second.startswith(older.id[:8] + "  draft")
    assert "Data centres" in second and "Water, the resource" in second


def test_list_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    add(status="ready")
    code, out, _ = run(capsys, "list", lang="fr")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["ID", "ÉTAT", "MODIFIÉ"]
    assert "prêt" in out


def test_list_json_has_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    draft = add()
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    (doc,) = json.loads(out)
    assert doc["id"] == draft.id
    assert set(doc) >= {
        "schema", "id", "lang", "article", "section", "comment", "author", "email",
        "url", "consent", "status", "created", "updated",
    }  # fmt: skip
    assert doc["article"]["title"] == "Data centres"
    assert doc["section"] == {"slug": "water", "title": "Water, the resource"}
    assert "quote" not in doc  # the comment holds it: a send posts it once
    assert doc["comment"] == "> Water is the scarce resource.\n\nA thoughtful comment."


def test_list_filters_by_status(capsys: pytest.CaptureFixture[str]) -> None:
    add(status="sent")
    ready = add(status="ready")
    _, out, _ = run(capsys, "list", "--json", "--status", "ready")
    assert [d["id"] for d in json.loads(out)] == [ready.id]


def test_list_reports_corrupt_files_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    good = add()
    bad = DraftStore().path_for("11111111-1111-4111-8111-111111111111")
    bad.write_text("{truncated")
    code, out, err = run(capsys, "list")
    assert code == 0
    assert good.id[:8] in out
    assert_one_line_error(err, str(bad), "moved to", "corrupt")
    # Reported once: the file is out of the way now.
    assert run(capsys, "list")[2] == ""


def test_control_characters_are_made_inert(capsys: pytest.CaptureFixture[str]) -> None:
    add(quote="evil \x1b]0;title\x07 quote\x9b31m", comment="bell\x07")
    for argv in (["list"], ["show", ""], ["export", "--format", "md"], ["export"]):
        if argv == ["show", ""]:
            argv = ["show", DraftStore().load_all().drafts[0].id]
        _, out, _ = run(capsys, *argv)
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, argv


# --- show -----------------------------------------------------------------------------------


def test_show_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    draft = add(comment="Full text\nover two lines")
    code, out, err = run(capsys, "show", draft.id[:5])
    assert (code, err) == (0, "")
    assert draft.id in out
    assert "> Water is the scarce resource." in out
    assert out.count("Water is the scarce resource.") == 1  # the comment holds the quote
    assert out.rstrip().endswith("> Water is the scarce resource.\n\nFull text\nover two lines")
    code, out, _ = run(capsys, "show", draft.id, "--json")
    assert code == 0 and json.loads(out)["comment"] == draft.comment


def test_show_unknown_and_ambiguous(capsys: pytest.CaptureFixture[str]) -> None:
    add(draft_id="abcdef01-0000-4000-8000-000000000001")
    add(draft_id="abcdef01-0000-4000-8000-000000000002")
    code, out, err = run(capsys, "show", "ffff")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "no draft matches ffff")
    code, out, err = run(capsys, "show", "abcdef01")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "matches several drafts", "000000000001", "000000000002")
    code, out, _ = run(capsys, "show", "abcdef01-0000-4000-8000-000000000002")
    assert code == 0 and "000000000002" in out
    # The list shows ids long enough to tell these two apart.
    _, out, _ = run(capsys, "list")
    assert "abcdef01-0000-4000-8000-000000000001" in out


# --- export ---------------------------------------------------------------------------------


def test_export_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    add(comment="Comment one.", status="ready")
    add(comment="Comment two.", title="Other", quote="Line a\nLine b", author="Grace")
    code, out, err = run(capsys, "export", "--format", "md")
    assert (code, err) == (0, "")
    blocks = out.split("\n---\n")
    assert len(blocks) == 2
    assert blocks[0].startswith("## Other\n")
    assert "- Source: <https://example.org/data-centres>" in blocks[0]
    assert "- Section: Water, the resource" in blocks[0]
    assert "- Name: Grace" in blocks[0]
    assert "> Line a\n> Line b" in blocks[0]
    assert blocks[0].count("Line a") == 1  # the quote is in the comment, exported once
    assert "Comment two." in blocks[0] and "Comment one." in blocks[1]


def test_export_markdown_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    add()
    _, out, _ = run(capsys, "export", "--format", "md", lang="fr")
    assert "- Section : Water, the resource" in out
    assert "- Nom : Ada" in out


def test_export_json_with_status(capsys: pytest.CaptureFixture[str]) -> None:
    add(status="draft")
    sent = add(status="sent")
    code, out, _ = run(capsys, "export", "--status", "sent")
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == [sent.id]
    _, out, _ = run(capsys, "export", "--format", "json")
    assert len(json.loads(out)) == 2


# --- validate -------------------------------------------------------------------------------


def test_validate_only_ready_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    add(status="draft", comment="", email="bad")  # not ready: not checked
    add(status="ready")
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert "1 ready draft checked, 0 with errors." in out


def test_validate_reports_failures_in_the_drafts_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = add(status="ready", lang="fr", email="ada@localhost", comment="  ", quote="")
    add(status="ready")
    code, out, _ = run(capsys, "validate")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == [
        f"{bad.short_id}  E-mail : Erreur\u00a0: veuillez saisir une adresse e-mail valide.",
        f"{bad.short_id}  Commentaire : Erreur\u00a0: veuillez saisir votre commentaire.",
    ]
    assert lines[-1] == "2 ready drafts checked, 1 with errors."


def test_validate_without_ready_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate")[:2] == (0, "No ready drafts to validate.\n")


# --- forget-identity ------------------------------------------------------------------------


def test_forget_identity(capsys: pytest.CaptureFixture[str]) -> None:
    save_identity(Identity("Ada", "ada@example.org"))
    code, out, _ = run(capsys, "forget-identity")
    assert code == 0 and "forgotten" in out
    assert not identity_path().exists()
    code, out, _ = run(capsys, "forget-identity")
    assert code == 0 and "No name" in out


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["bogus"],
        ["show"],
        ["export", "--format", "pdf"],
        ["list", "--status", "posted"],
        ["list", "--nope"],
    ],
)
def test_bad_input_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "reader drafts --help")


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "forget-identity" in out
    code, out, _ = run(capsys, "list", "--help", lang="fr")
    assert code == 0 and "seulement les brouillons dans cet état" in out


# --- subprocess -----------------------------------------------------------------------------


def test_as_a_module_in_a_subprocess(isolated_dirs: Path) -> None:
    draft = add(status="ready")
    # Works whether or not the package is installed in the venv.
    src = str(Path(tui_reader.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader.cli_drafts", "list", "--json"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == [draft.id]
    bad = subprocess.run(
        [sys.executable, "-m", "tui_reader.cli_drafts", "show", "nope"],
        capture_output=True,
        env={**env, "LANG": "fr_FR.UTF-8"},
        timeout=60,
    )
    assert bad.returncode == 1
    assert bad.stderr.decode() == "reader : aucun brouillon ne correspond à nope\n"


def test_list_fits_a_narrow_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    add(comment="word " * 100, title="A very long article title " * 4)
    _, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert "…" in lines[1]


def test_forget_identity_failure_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    save_identity(Identity("Ada", "ada@example.org"))

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    code, out, err = run(capsys, "forget-identity")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "Permission denied")
