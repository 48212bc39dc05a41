"""review.batch: per draft, the object `review check --format json` lists for that file; and
examples/dask_rescan.py, the same results from a Dask bag on a LocalCluster."""

from __future__ import annotations

import importlib.util
import json
import pickle

import pytest
from conftest import DRAFTS, ROOT

from review.batch import Checker, check_paths, check_texts

FILES = sorted(p for p in DRAFTS.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx",
                                                             ".pdf"})
TEXTS = [p for p in FILES if p.suffix in {".txt", ".md", ".html"}]


def cli_files(cli, *args: str) -> list[dict]:
    result = cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.output)["files"]


def test_the_fixtures_cover_every_kind_the_contract_names():
    assert {p.suffix for p in FILES} >= {".txt", ".md", ".html", ".docx"}


def test_check_paths_gives_what_review_check_json_gives(cli):
    expected = cli_files(cli, *map(str, FILES))
    assert check_paths(FILES) == expected
    assert check_paths([str(DRAFTS)]) == cli_files(cli, str(DRAFTS))  # a directory's drafts
    assert {r["decision"] for r in expected} == {"block", "review", "pass"}


def test_check_texts_gives_what_review_check_json_gives_for_the_file(cli):
    named = [(str(p), p.read_text(encoding="utf-8")) for p in TEXTS]
    assert check_texts(named) == cli_files(cli, *map(str, TEXTS))
    # markup is read as markup because of the name: a .md named .txt reads differently
    markdown = next(p for p in TEXTS if p.suffix == ".md")
    assert check_texts([(str(markdown), markdown.read_text(encoding="utf-8"))]) != \
        check_texts([("post.txt", markdown.read_text(encoding="utf-8"))])


def test_bare_texts_are_named_by_their_place_and_checked_as_plain_text(cli):
    ads = DRAFTS / "ads.txt"
    first, second = check_texts(["通知", ads.read_text(encoding="utf-8")])
    assert first["path"] == "<text-1>" and second["path"] == "<text-2>"
    assert {**second, "path": str(ads)} == cli_files(cli, str(ads))[0]


def test_a_draft_that_cannot_be_checked_is_its_result_not_an_exception(cli, tmp_path):
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ads = DRAFTS / "ads.txt"
    results = check_paths([missing, ads, empty])
    assert results == cli_files(cli, str(missing), str(ads), str(empty))
    assert [set(r) for r in results] == [{"path", "error"}, {"path", "decision", "findings"},
                                         {"path", "error"}]
    assert results[0]["path"] == str(missing) and results[0]["error"]
    assert check_texts([("blank.txt", "  \n")])[0].keys() == {"path", "error"}


def test_a_checker_pickles_as_its_config_and_checks_alike_after(cli):
    checker = Checker()
    before = checker.check_paths(FILES)  # its pipeline is loaded now
    shipped = pickle.dumps(checker)
    assert len(shipped) < 20_000  # the config, not the pipeline
    copy = pickle.loads(shipped)
    assert copy.config == checker.config and copy._pipeline is None
    assert copy.check_paths(FILES) == before
    # a worker process unpickles a Checker per task: they share one pipeline
    assert pickle.loads(shipped).pipeline is pickle.loads(shipped).pipeline
    assert pickle.loads(pickle.dumps(copy)).check_texts(["通知"]) == copy.check_texts(["通知"])


def test_the_bulk_path_gives_the_same_results(cli):
    checker = Checker()
    lean = checker.check_paths(FILES)
    checker.pipeline.warm()  # as a batch past BULK_BYTES does
    assert checker.check_paths(FILES) == lean


def _example():
    spec = importlib.util.spec_from_file_location("dask_rescan",
                                                  ROOT / "examples" / "dask_rescan.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dask_example_gives_check_paths_results_draft_by_draft(cli, tmp_path, capsys):
    for name in ("dask.bag", "distributed"):
        pytest.importorskip(name, reason=f"{name} is not installed: pip install -e '.[dask]' "
                                         "(the test extra includes it)")
    example = _example()
    out = tmp_path / "rescan.jsonl"
    summary = example.main(str(DRAFTS), out=out)  # a LocalCluster of 2 worker processes
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = check_paths([DRAFTS])
    assert lines == expected
    assert summary == {"drafts": len(expected),
                       "blocked": sum(r.get("decision") == "block" for r in expected),
                       "review": sum(r.get("decision") == "review" for r in expected),
                       "pass": sum(r.get("decision") == "pass" for r in expected),
                       "errors": 0}
    assert f"drafts {len(expected)}, blocked {summary['blocked']}" in capsys.readouterr().out


def test_the_dask_example_partitions_by_bytes():
    pytest.importorskip("dask.bag", reason="dask is not installed: pip install -e '.[dask]'")
    example = _example()
    big = str(DRAFTS / "notice.docx")  # ~38 KB, the others a few hundred bytes each
    small = [str(p) for p in FILES if p.stat().st_size < 5_000]
    parts = example.partitions([*small, big, *small], 3)
    assert [p for part in parts for p in part] == [*small, big, *small]  # order kept
    assert [big] in parts  # alone: it is more than a part's share of the bytes
    assert example.partitions([], 4) == []
