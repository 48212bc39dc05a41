"""The lean path (one draft: nothing loaded ahead, no NumPy) and the bulk path (many drafts:
`Pipeline.warm`, arrays) must find exactly the same: same rules, spans, severities, messages
and replacements; and so must the check's compiled loops (review/_kernels.c) and the Python
they stand in for where they are not built. Over the bundled drafts and corpus
sentences, the labelled dev set and real prose (both read from ../shared when present), each
text alone and joined into long drafts that take the array scorer."""

import os
import sys
from pathlib import Path

import pytest

from review.config import Config
from review.loading import Source, load
from review.pipeline import BULK_BYTES, Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REVIEW_SHARED", ROOT.parent / "shared"))


def _said(result) -> list[tuple]:
    return [(f.rule, f.start, f.end, f.severity, f.message, f.suggestion, f.replacement)
            for f in result.findings]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/drafts").glob("*"))
             if p.suffix in (".txt", ".md", ".html")]
    texts.append((ROOT / "fixtures/prose/correct_government.txt").read_text(encoding="utf-8"))
    sentences = [line.partition("\t")[2] for path in sorted((ROOT / "fixtures/corpus").glob("*"))
                 for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["\n".join(sentences[i:i + 150]) for i in range(0, len(sentences), 150)]
    dev = SHARED / "evalsets" / "dev"
    if dev.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(dev.rglob("*.txt"))]
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import prose

    outside = prose(300_000)
    if outside:
        texts += [outside[i:i + 5000] for i in range(0, len(outside), 5000)]
    return texts


@pytest.fixture(params=["compiled", "python"])
def sums(request, monkeypatch):
    """With the compiled loops where they are built, and with the Python's."""
    from review import compiled

    if request.param == "python":
        monkeypatch.setattr(compiled, "kernels", None)
    elif compiled.kernels is None:
        pytest.skip("review._kernels is not built here")
    return request.param


def test_both_paths_find_the_same(sums):
    lean, bulk = Pipeline(Config()), Pipeline(Config())
    bulk.warm()
    texts = _texts()
    long_drafts = ["\n".join(texts[i:i + 20]) for i in range(0, len(texts), 20)]
    compared = 0
    for text in texts + long_drafts:
        assert _said(lean.check_text(text)) == _said(bulk.check_text(text)), text[:60]
        compared += 1
    assert compared > 30


def test_the_compiled_loops_find_what_the_python_finds(monkeypatch):
    from review import compiled

    if compiled.kernels is None:
        pytest.skip("review._kernels is not built here")
    fast = Pipeline(Config())
    texts = _texts()
    found = [_said(fast.check_text(text)) for text in texts]
    monkeypatch.setattr(compiled, "kernels", None)
    python = Pipeline(Config())
    assert [_said(python.check_text(text)) for text in texts] == found
    from review.stages.classifier import RULE_OF_LABEL

    model = {rule.id for rule in RULE_OF_LABEL.values()}
    assert sum(f[0] in model for said in found for f in said) > 10  # the model's findings


# Modules a plain-text draft's check has no use for, each a cost of every start: NumPy (its
# import alone is four times `python -c pass`), the PDF and Office readers, shutil (which
# imports bz2 and lzma).
_NOT_FOR_A_TEXT_DRAFT = ("numpy", "review.inputs.pdfseen", "review.inputs.pdfcontent",
                         "review.inputs.office", "review.inputs.word", "shutil",
                         "tomllib")  # rule files and the config are read from the cache


def test_a_text_drafts_check_loads_nothing_it_does_not_use(tmp_path):
    import subprocess

    draft = tmp_path / "draft.txt"
    draft.write_text((ROOT / "fixtures/drafts/sample.txt").read_text(encoding="utf-8") * 20,
                     encoding="utf-8")
    code = ("import sys; from review.cli import main\n"
            "try:\n    main(['check', sys.argv[1], '--fail-on', 'never'])\n"
            "except SystemExit:\n    pass\n"
            f"print([m for m in {_NOT_FOR_A_TEXT_DRAFT!r} if m in sys.modules], file=sys.stderr)")
    for _ in range(2):  # the first may compile what the cache lacks
        run = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True,
                             text=True, check=False)
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr


def test_a_large_input_takes_the_bulk_path(tmp_path, sums):
    big = tmp_path / "big.txt"
    line = (ROOT / "fixtures/prose/correct_government.txt").read_text(encoding="utf-8")
    big.write_text(line * (BULK_BYTES // len(line.encode()) + 1), encoding="utf-8")
    pipeline = Pipeline(Config())
    pipeline.choose_path(big.stat().st_size)
    scorer = next(s for s in pipeline.stages if s.name == "classifier").scorer
    # the arrays, unless the compiled sums serve (they need only the mapped table)
    assert (scorer._arrays is None) == (sums == "compiled")
    doc = load(Source(str(big), big))
    assert _said(pipeline.check(doc)) == _said(Pipeline(Config()).check(doc))
