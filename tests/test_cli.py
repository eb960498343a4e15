"""The command line: exit codes, one-line errors naming the file, no tracebacks, documented help."""

import re
import shutil

import pytest

from conftest import REPO, copy_project, run_cli
from policykb.cli.main import COMMANDS


def assert_one_line_error(proc, *fragments):
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("policykb: error: ")
    for f in fragments:
        assert f in lines[0]


def test_extract_missing_file(tmp_path):
    proc = run_cli("extract", str(tmp_path / "missing.txt"))
    assert_one_line_error(proc, "missing.txt", "no such file")


def test_extract_directory(tmp_path):
    assert_one_line_error(run_cli("extract", str(tmp_path)), str(tmp_path), "directory")


def test_extract_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    assert_one_line_error(run_cli("extract", str(p)), "empty.txt", "empty")


def test_extract_binary_file(tmp_path):
    p = tmp_path / "paper.txt"
    p.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03binary\x00")
    assert_one_line_error(run_cli("extract", str(p)), "paper.txt", "binary")


def test_extract_gbk_file_is_decoded(tmp_path):
    p = tmp_path / "gbk-paper.txt"
    p.write_bytes("一、引言\n\n人工智能赋能新质生产力。\n".encode("gbk"))
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    assert "encoding: gb18030" in proc.stdout
    assert "title: 引言" in proc.stdout


def test_extract_prints_yaml_for_a_corpus_paper():
    proc = run_cli("extract", "corpus/raw/dong-zhiyong-2025.txt")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("schema_version: 1\nid: dong-zhiyong-2025\n")


def test_broken_meta_yaml_names_file_and_line(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "meta" / "dong-zhiyong-2025.yaml").write_text("meta:\n  venue: [unclosed\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "corpus/meta/dong-zhiyong-2025.yaml:3", "invalid YAML")


def test_unknown_meta_field_names_file_and_line(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "meta" / "dong-zhiyong-2025.yaml").write_text("meta:\n  venue: x\n  publisher: y\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "dong-zhiyong-2025.yaml:3", "publisher")


def test_duplicate_key_in_meta_is_refused(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "meta" / "dong-zhiyong-2025.yaml").write_text("meta:\n  venue: x\n  venue: y\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "dong-zhiyong-2025.yaml:3", "duplicate key")


def test_broken_paper_yaml_is_reported_by_build(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "papers").mkdir(parents=True, exist_ok=True)
    (root / "corpus" / "papers" / "dong-zhiyong-2025.yaml").write_text("id: [\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "corpus/papers/dong-zhiyong-2025.yaml:2")


def test_non_slug_raw_file_name(tmp_path):
    root = copy_project(tmp_path / "p")
    shutil.copy(root / "corpus" / "raw" / "dong-zhiyong-2025.txt", root / "corpus" / "raw" / "董志勇 2025.txt")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "董志勇 2025.txt", "ASCII slug")


def test_bad_raw_file_in_corpus_is_named(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "raw" / "empty-paper.txt").write_text("\n\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert_one_line_error(proc, "empty-paper.txt", "empty")


def test_no_command_prints_help_and_fails():
    proc = run_cli()
    assert proc.returncode == 1
    assert "usage: policykb" in proc.stdout


def test_unknown_command_is_a_usage_error():
    proc = run_cli("frobnicate")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


@pytest.mark.parametrize("mod", COMMANDS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_command_has_help_and_is_documented(mod):
    name = mod.__name__.rsplit(".", 1)[-1].removesuffix("_cmd")
    proc = run_cli(name, "--help")
    assert proc.returncode == 0
    assert mod.HELP.split(",")[0] in proc.stdout.replace("\n", " ")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`policykb {name}\b", readme), f"README does not document `policykb {name}`"


@pytest.mark.parametrize(
    "text, message",
    [
        ("meta:\n  year: 2025\nprovenance:\n  year: a blog\n", "provenance of 'year' must be one of curated, public listing"),
        ("meta:\n  year: 2025\nprovenance:\n  pages: public listing\n", "provenance for 'pages', which this file does not set"),
        ("meta:\n  year: 2025\nprovenance: public listing\n", "'provenance' must be a mapping"),
    ],
)
def test_meta_provenance_errors_name_file_and_line(tmp_path, text, message):
    from policykb.curation import load_meta_curation
    from policykb.errors import PolicyKBError

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyKBError) as err:
        load_meta_curation(path)
    assert message in str(err.value) and "p.yaml:3" in str(err.value)


def test_meta_provenance_is_recorded(tmp_path):
    from policykb.curation import apply_meta_curation, load_meta_curation
    from policykb.structure.document import Meta

    path = tmp_path / "p.yaml"
    path.write_text("meta:\n  year: 2025\n  venue: 改革\nprovenance:\n  year: public listing\n", encoding="utf-8")
    meta = Meta()
    apply_meta_curation(meta, load_meta_curation(path))
    assert meta.provenance == {"year": "public listing", "venue": "curated"}
