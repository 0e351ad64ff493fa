"""Input files careerkit reads (baselines, pages): a result or one clear line, never a traceback."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_careerkit import cli, sitecheck
from mkdocs_careerkit.config import CareerkitConfig
from mkdocs_careerkit.engine import Baseline
from mkdocs_careerkit.sources import read_source, read_text
from tests.conftest import build_site, write_site
from tests.test_cli import careerkit

relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=300)

VALID = b'{"careerkit_baseline": 1, "findings": []}\n'
# name → (file content, what the message must say)
BAD_BASELINES = {
    "not-utf8": (VALID[:-2] + b"\xff}\n", "byte 0xff at offset 40 is not UTF-8"),
    "latin-1": ('{"careerkit_baseline": 1, "findings": ["café"]}'.encode("latin-1"), "not UTF-8"),
    "empty": (b"", "the file is empty"),
    "blank": (b" \n\n", "the file is empty"),
    "not-json": (b"{", "not valid JSON"),
    "not-a-baseline": (b"[1, 2]", "not a careerkit baseline"),
    "huge-number": (b"1" * 5000, "not a careerkit baseline"),
    "too-deep": (b"[" * 100_000, "not a careerkit baseline"),
    "bad-entry": (b'{"careerkit_baseline": 1, "findings": ["x"]}', "entry 1 lacks file"),
}


def assert_one_clear_line(message: str, path: str) -> None:
    assert "\n" not in message.strip(), message
    assert path in message, message
    assert "Traceback" not in message and "UnicodeDecodeError" not in message, message
    # Every message says how to fix the file, after what is wrong with it.
    assert any(w in message for w in ("write-baseline", "correct the path", "readable")), message


@pytest.fixture
def clean_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_site(tmp_path, {"index.md": "# Home\n"})
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", BAD_BASELINES)
def test_check_baseline_bad_file_is_one_line_exit_2(
    name: str, clean_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, problem = BAD_BASELINES[name]
    (clean_site / "known.json").write_bytes(data)
    assert cli.main(["check", "--baseline", "known.json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_clear_line(err, "known.json")
    assert err.startswith("careerkit: known.json") and problem in err, err


def test_check_baseline_with_a_byte_order_mark_is_read(
    clean_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clean_site / "known.json").write_bytes(b"\xef\xbb\xbf" + VALID)
    assert cli.main(["check", "--baseline", "known.json"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "does not exist"),
    ],
    ids=["directory", "missing"],
)
def test_check_baseline_not_a_readable_file_is_one_line_exit_2(
    make: object, problem: str, clean_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make(clean_site / "known.json")  # type: ignore[operator]
    assert cli.main(["check", "--baseline", "known.json"]) == 2
    _, err = capsys.readouterr()
    assert_one_clear_line(err, "known.json")
    assert err.startswith("careerkit: ") and not err.startswith("careerkit: careerkit:")
    assert problem in err


def test_baseline_option_missing_file_says_where_it_looked(tmp_path: Path) -> None:
    config = load_config(str(write_site(tmp_path, {"index.md": "# x\n"})))
    with pytest.raises(PluginError) as raised:
        sitecheck.load_baseline(options("gone.json"), config)
    assert_one_clear_line(str(raised.value), str(tmp_path / "gone.json"))
    assert "relative to mkdocs.yml" in str(raised.value)


def test_unreadable_baseline_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions cannot be taken away from root, so the refusal is simulated."""
    config = load_config(str(write_site(tmp_path, {"index.md": "# x\n"})))
    (tmp_path / "known.json").write_bytes(VALID)

    def refuse(path: str, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(sitecheck, "open", refuse, raising=False)
    with pytest.raises(PluginError) as raised:
        sitecheck.load_baseline(options("known.json"), config)
    assert_one_clear_line(str(raised.value), "known.json")
    assert "permission denied" in str(raised.value)


def test_non_utf8_baseline_from_the_console_script_and_the_option(tmp_path: Path) -> None:
    """The reported crash: a UnicodeDecodeError traceback. Now one line and exit 2."""
    write_site(
        tmp_path, {"index.md": "# x\n"}, {"plugins": [{"careerkit": {"baseline": "b.json"}}]}
    )
    (tmp_path / "b.json").write_bytes(b"\xff\xfe{}")
    for args in (("check",), ("check", "--baseline", "b.json")):
        out = careerkit(*args, cwd=tmp_path)
        assert out.returncode == 2 and out.stdout == "", out.stderr
        [line] = out.stderr.splitlines()
        assert line.startswith("careerkit: ") and "b.json" in line and "not UTF-8" in line


def test_non_utf8_baseline_option_fails_the_build(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.append(r"known\.json: byte 0x80 at offset 0 is not UTF-8")
    config = write_site(
        tmp_path, {"index.md": "# x\n"}, {"plugins": [{"careerkit": {"baseline": "known.json"}}]}
    )
    (tmp_path / "known.json").write_bytes(b"\x80")
    built = build_site(config)
    assert built.error is not None  # MkDocs logs the PluginError's message, then aborts
    [message] = built.messages(logging.ERROR)
    assert_one_clear_line(message, "known.json")
    assert message.startswith("careerkit: ") and "byte 0x80 at offset 0 is not UTF-8" in message


def test_baseline_written_in_one_directory_works_from_another(tmp_path: Path) -> None:
    """Baseline entries are docs-relative, so where the command runs does not matter."""
    root = tmp_path / "repo"
    write_site(root, {"index.md": "# Home\n\n[Gone](gone.md)\n"})
    wrote = careerkit("check", "--write-baseline", "known.json", cwd=root)
    assert wrote.returncode == 0, wrote.stderr
    [entry] = json.loads((root / "known.json").read_text(encoding="utf-8"))["findings"]
    assert entry["file"] == "index.md"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = careerkit(
        "check", "-f", "../repo/mkdocs.yml", "--baseline", "../repo/known.json", cwd=elsewhere
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "(in baseline)" in out.stdout and "INFO  ../repo/docs/index.md:3:1:" in out.stdout


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["-f", "latin1.yml"], 'invalid continuation byte in "'),
        (["-f", "folder"], "Is a directory: name the MkDocs config file with -f FILE"),
        (["--output", "folder"], "cannot write folder: Is a directory: name a file"),
        (["--write-baseline", "folder"], "cannot write folder: Is a directory: name a file"),
    ],
    ids=["config-not-utf8", "config-is-a-folder", "output-is-a-folder", "baseline-is-a-folder"],
)
def test_config_and_output_file_problems_are_one_line_exit_2(
    args: list[str], problem: str, clean_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clean_site / "latin1.yml").write_bytes("site_name: Café\n".encode("latin-1"))
    (clean_site / "folder").mkdir()
    assert cli.main(["check", *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("careerkit: "), err
    assert problem in err and ("latin1.yml" in err or "folder" in err), err


# --- Random bytes into every file reader ------------------------------------------------------

entry = st.fixed_dictionaries({"file": st.text(), "code": st.text(), "message": st.text()})
valid_baseline = st.lists(entry, max_size=4).map(
    lambda items: json.dumps({"careerkit_baseline": 1, "findings": items}).encode()
)
corrupted_baseline = st.tuples(valid_baseline, st.integers(0, 100), st.binary(max_size=4)).map(
    lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
)
any_bytes = (
    st.binary()
    | st.text().map(str.encode)
    | valid_baseline
    | corrupted_baseline
    | st.sampled_from([data for data, _ in BAD_BASELINES.values()])
)
front_matter = st.tuples(st.binary(max_size=60), st.binary(max_size=60)).map(
    lambda t: b"---\n" + t[0] + b"\n---\n" + t[1]
)


def options(baseline: str | None) -> CareerkitConfig:
    opts = CareerkitConfig()
    opts.load_dict({"baseline": baseline})
    opts.validate()
    return opts


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, MkDocsConfig]]:
    root = tmp_path_factory.mktemp("readers")
    yield root, load_config(str(write_site(root, {"index.md": "# x\n"})))


@relaxed
@given(data=any_bytes)
def test_load_baseline_any_bytes_gives_a_baseline_or_one_clear_line(
    data: bytes, reader_site: tuple[Path, MkDocsConfig]
) -> None:
    root, config = reader_site
    path = root / "any baseline.json"
    path.write_bytes(data)
    for override, opts in ((str(path), options(None)), (None, options(path.name))):
        try:
            baseline = sitecheck.load_baseline(opts, config, override)
        except PluginError as e:
            assert_one_clear_line(str(e), str(path))
        else:
            assert isinstance(baseline, Baseline) and baseline.path == str(path)


@relaxed
@given(data=any_bytes)
def test_baseline_from_bytes_any_bytes_gives_a_baseline_or_a_value_error(data: bytes) -> None:
    try:
        Baseline.from_bytes(data, "b.json")
    except ValueError as e:
        assert_one_clear_line(str(e), "b.json")


@relaxed
@given(data=st.binary() | front_matter | st.text().map(str.encode))
def test_page_readers_any_bytes_give_a_source_with_findings(
    data: bytes, reader_site: tuple[Path, MkDocsConfig]
) -> None:
    root, _ = reader_site
    path = root / "page.md"
    path.write_bytes(data)
    text, findings = read_text(str(path), "sub/page.md")
    assert isinstance(text, str) and "\r" not in text
    source = read_source(str(path), "sub/page.md")
    assert source.raw == text
    for f in [*findings, *source.findings]:
        assert f.file == "sub/page.md" and f.code.startswith("page.") and f.message


@pytest.mark.parametrize("make", [lambda p: p.mkdir(), lambda p: None], ids=["dir", "missing"])
def test_page_readers_unreadable_path_is_a_finding(make: object, tmp_path: Path) -> None:
    make(tmp_path / "page.md")  # type: ignore[operator]
    source = read_source(str(tmp_path / "page.md"), "page.md")
    [finding] = source.findings
    assert (finding.file, finding.code) == ("page.md", "page.unreadable")


def test_read_source_impossible_date_in_front_matter(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\ndate: 2024-13-01\n---\n# Post\n", encoding="utf-8")
    source = read_source(str(tmp_path / "post.md"), "post.md")
    assert [(f.code, f.line) for f in source.findings] == [("page.bad-front-matter", 2)]
    assert "month must be in 1..12" in source.findings[0].message
