"""`review model train --data FILE`: the organisation's examples added to the corpus, the
figures before → after on the corpus's held-out part and on the organisation's own, and no
model written when it is worse there (unless --force).

Trained for real, on a slice of the corpus (every 32nd line; every 8th with --full), with "the
model in use" trained on the same slice by `review model train` itself — so its card's held-out
figures are of the very split the gate uses, as the shipped model's are of the whole corpus."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
from pathlib import Path

import pytest

from review.model import corpus, shared
from review.model.scorer import MODEL_FILES, Scorer

CARD = "MODEL_CARD.json"

# Sentences written for these tests, in the voice of the corpus: every combination of the
# parts, so there are many and no two alike.
SHOPS = ["本店", "我们火锅城", "城东家电卖场", "鑫旺建材", "丽人美容院", "好运来超市", "优品服装店",
         "诚信驾校", "学霸教育培训中心", "金牌月子会所"]
OFFERS = ["全场五折", "买一送一", "会员日特价九十九元", "充值三百送一百", "新客首单立减五十元",
          "办卡即送精美礼品", "周末满两百减八十"]
CALLS = ["欢迎进店选购", "详情咨询电话13800001111", "加微信领取优惠券", "名额有限先到先得",
         "扫码关注立享折扣", "预约热线4008001234"]
UNITS = ["区人社局", "县卫健委", "市生态环境局", "街道办事处", "区教育局", "县交通运输局", "镇政府",
         "区图书馆"]
DOINGS = ["将于本周六举办专场招聘会", "开展了夏季防溺水安全宣传", "发布了春季农业生产指导意见",
          "组织志愿者清理河道垃圾", "召开了安全生产工作推进会", "启动了全民健身月活动",
          "完成了老旧小区改造项目验收"]
ENDS = ["欢迎广大群众参与", "相关工作将持续推进", "具体安排请关注后续通知", "共有两百余人参加",
        "进一步提升了服务水平"]


def ads() -> list[str]:
    return [f"{s}{o}，{c}！" for s, o, c in itertools.product(SHOPS, OFFERS, CALLS)]


def notices() -> list[str]:
    return [f"{u}{d}，{e}。" for u, d, e in itertools.product(UNITS, DOINGS, ENDS)]


def tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{label}\t{text}\n" for label, text in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """BLAS on one thread: the small fits here take a twentieth of the time they take when
    its threads compete for the cores with the other test workers."""
    from threadpoolctl import threadpool_limits

    train()  # scikit-learn, and the BLAS it loads: a limit applies to the libraries loaded
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def sliced(tmp_path_factory, full) -> list[Path]:
    """Every 32nd line of each corpus file (every 8th with --full), under the same names."""
    into = tmp_path_factory.mktemp("corpus")
    for source in corpus.default_files():
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        (into / source.name).write_text("".join(lines[::8 if full else 32]), encoding="utf-8")
    return sorted(into.glob("*.tsv"))


@pytest.fixture(scope="module")
def in_use(sliced, tmp_path_factory) -> Path:
    """The model in use, as `review model train` (no --data) makes it of the slice."""
    from review.model import train

    out = tmp_path_factory.mktemp("in-use") / "model"
    train.train(sliced, out)
    return out


@pytest.fixture
def office(cli, tmp_path, monkeypatch, sliced, in_use):
    """An office's directory whose review.toml names its model (a copy of the one in use), and
    `review` reading the slice as the corpus, with no outside datasets (minutes of scoring)."""
    monkeypatch.setattr(corpus, "default_files", lambda: list(sliced))
    monkeypatch.setattr(shared, "datasets_dir", lambda: tmp_path / "no-datasets")
    shutil.copytree(in_use, tmp_path / "model")
    (tmp_path / "review.toml").write_text('model = "model"\n', encoding="utf-8")
    return tmp_path


def model_bytes(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def card(directory: Path) -> dict:
    return json.loads((directory / CARD).read_text(encoding="utf-8"))


def train():
    """review.model.train, imported only by the tests that train (scikit-learn's import)."""
    from review.model import train as training

    return training


def test_good_data_is_accepted_and_the_card_records_it_with_before_and_after(cli, office,
                                                                             sliced):
    rows = [("ads", t) for t in ads()[::3]] + [("neutral", t) for t in notices()[::2]]
    data = tsv(office / "feedback.tsv", rows)
    old, old_card = model_bytes(office / "model"), card(office / "model")

    result = cli("model", "train", "--data", "feedback.tsv", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["written"] and not report["forced"] and report["gate"]["passed"]
    holdout = report["holdout"]
    # "before" is the model in use, from its card: the very figures `review model eval` shows
    assert holdout["before_from"] == "card"
    assert holdout["before"]["per_class"]["ads"] == old_card["holdout"]["per_class"]["ads"]
    assert set(holdout["after"]["per_class"]) == set(corpus.LABELS)
    for label in corpus.LABELS:
        change = holdout["delta"]["per_class"][label]["recall"]
        assert change == round(holdout["after"]["per_class"][label]["recall"]
                               - holdout["before"]["per_class"][label]["recall"], 4)
        assert change >= -0.01
    # a fifth of the office's examples held out, and figures on them before and after
    org = report["organisation"]
    assert org["size"] == round(len(rows) * 0.2)
    assert org["before"] is not None and org["after"]["per_class"]["ads"]["support"] > 0

    written = office / "model"
    assert model_bytes(written) != old
    assert sorted(Scorer.load(written).classes) == sorted(corpus.LABELS)
    new_card = card(written)
    assert new_card["extra_data"] == [{
        "file": "feedback.tsv", "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "examples": len(rows), "class_counts": {"neutral": len(notices()[::2]),
                                                "ads": len(ads()[::3])}}]
    assert "feedback.tsv" in new_card["data"]
    assert new_card["retraining"]["holdout"]["before"] == holdout["before"]
    assert new_card["retraining"]["holdout"]["after"] == holdout["after"]
    # the new card's held-out figures are those after, on the same split: the next
    # retraining compares with them, not with a model fitted again
    assert train().card_split(new_card) == train().split_of(sliced)
    assert not list(office.glob(".model.*"))  # no staging directory left behind


def test_the_text_report_is_a_table_before_and_after_in_chinese_or_english(cli, office):
    tsv(office / "ours.tsv", [("ads", t) for t in ads()[::7]])
    zh = cli("model", "train", "--data", "ours.tsv")
    assert zh.exit_code == 0, zh.output
    assert "项目语料留出集" in zh.stdout and "召回率" in zh.stdout and "宏平均 F1" in zh.stdout
    assert "已写入新模型" in zh.stdout
    row = next(line for line in zh.stdout.splitlines() if line.strip().startswith("ads"))
    assert row.count("→") == 3  # precision, recall, F1: before → after (change)


def test_poisoned_data_is_refused_and_the_model_is_left_as_it_was(cli, office):
    """Clear ads labelled clean: ads recall on the held-out part falls, nothing is written."""
    tsv(office / "feedback.tsv", [("neutral", t) for t in ads()])
    old = model_bytes(office / "model")

    result = cli("model", "train", "--data", "feedback.tsv", "--lang", "en")
    assert result.exit_code == 1
    # one line says why (after the progress notes, also on stderr)
    refusal = [line for line in result.stderr.splitlines() if line.startswith("review:")]
    assert len(refusal) == 1 and result.stderr.splitlines()[-1] == refusal[0]
    assert "ads recall" in refusal[0] and "nothing written" in refusal[0]
    assert "--force" in refusal[0]
    assert model_bytes(office / "model") == old
    assert not list(office.glob(".model.*"))
    # the table is shown all the same, so that the drop can be seen
    assert "held-out part of the corpus" in result.stdout and "macro-F1" in result.stdout

    as_json = cli("model", "train", "--data", "feedback.tsv", "--format", "json")
    assert as_json.exit_code == 1
    assert "ads 的召回率" in as_json.stderr and "未写入任何文件" in as_json.stderr
    report = json.loads(as_json.stdout)
    assert not report["written"] and not report["gate"]["passed"]
    worst = report["gate"]["worse"][0]
    assert worst["class"] == "ads" and worst["metric"] == "recall" and worst["change"] < -0.01
    assert model_bytes(office / "model") == old


def test_force_writes_a_worse_model_and_says_so(cli, office):
    tsv(office / "feedback.tsv", [("neutral", t) for t in ads()])
    result = cli("model", "train", "--data", "feedback.tsv", "--force", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "written because of --force" in result.stdout and "ads recall" in result.stdout
    retraining = card(office / "model")["retraining"]
    assert retraining["forced"] and not retraining["gate"]["passed"]


def test_before_is_fitted_again_when_the_card_is_of_another_corpus(cli, office):
    """The model in use learnt from every corpus sentence; scored on the held-out ones it would
    look perfect, so without a card of this split the corpus alone is fitted again."""
    model_card = card(office / "model")
    (office / "model" / CARD).write_text(json.dumps({**model_card, "data_sha256": "0" * 64}),
                                         encoding="utf-8")
    tsv(office / "feedback.tsv", [("neutral", t) for t in ads()])
    result = cli("model", "train", "--data", "feedback.tsv", "--format", "json", "--lang", "en")
    assert "training on the corpus alone" in result.stderr
    holdout = json.loads(result.stdout)["holdout"]
    assert holdout["before_from"] == "refit"
    # the same fitting as the card's, so the same figures; and still refused
    assert holdout["before"]["per_class"] == model_card["holdout"]["per_class"]
    assert result.exit_code == 1


@pytest.mark.parametrize(("content", "expected"), [
    (None, "no such file"),
    ("", "holds no examples"),
    ("ads 全场五折没有制表符\n", "feedback.tsv:1: no TAB"),
    ("neutral\t区政府召开会议。\nspam\t全场五折\n", "feedback.tsv:2: unknown label 'spam'"),
    ("ads\t\n", "feedback.tsv:1: no sentence after the label"),
])
def test_bad_data_is_one_line_and_exit_2_before_any_training(cli, office, content, expected):
    if content is not None:
        (office / "feedback.tsv").write_text(content, encoding="utf-8")
    old = model_bytes(office / "model")
    result = cli("model", "train", "--data", "feedback.tsv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and expected in result.stderr
    assert "Traceback" not in result.output
    assert model_bytes(office / "model") == old
    zh = cli("model", "train", "--data", "feedback.tsv")
    assert zh.exit_code == 2 and zh.stderr.count("\n") == 1
    assert any("\u4e00" <= c <= "\u9fff" for c in zh.stderr)


def test_a_directory_holding_other_files_is_not_replaced(cli, office):
    (office / "notes.txt").write_text("mine", encoding="utf-8")
    tsv(office / "ours.tsv", [("ads", t) for t in ads()[::7]])
    result = cli("model", "train", "--data", "ours.tsv", "--out", ".", "--lang", "en")
    assert result.exit_code == 2 and "not a model's" in result.stderr
    assert "notes.txt" in result.stderr
    assert (office / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_crash_while_writing_leaves_the_model_as_it_was(office):
    """A model is written beside the old one and renamed over it only when whole."""
    old = model_bytes(office / "model")
    with pytest.raises(OSError, match="disk full"), train().staged(office / "model") as new:
        (new / MODEL_FILES[1]).write_bytes(b"half")
        raise OSError("disk full")
    assert model_bytes(office / "model") == old
    assert not list(office.glob(".model.*"))
    with train().staged(office / "model") as new:
        for name, data in old.items():
            (new / name).write_bytes(data[::-1])
    assert model_bytes(office / "model") == {name: data[::-1] for name, data in old.items()}
    assert not list(office.glob(".model.*"))


def test_the_loop_marked_passages_exported_and_learnt(cli, office, tmp_path, monkeypatch):
    """Issue 21's loop end to end: reviewers reject 30 drafts, each marking the passage that
    was wrong; `review feedback export` turns the marks into examples; `review model train
    --data` learns them; the new model flags at least 80 % of 20 paraphrases it never saw, of
    a kind the model in use mostly passed."""
    from model.learning_sentences import LABEL, TEST, TRAIN
    from workflow.team import Team

    before = Scorer.load(office / "model")
    flagged_before = _flagged(before, TEST, LABEL)
    ws = tmp_path / "ws"
    ws.mkdir()
    monkeypatch.chdir(ws)
    team = Team.small(ws)
    for n, sentence in enumerate(TRAIN):
        draft = f"社区通知\n\n{sentence}\n"
        item = str(team.submit("editor", team.write(f"d{n}.txt", draft)))
        team.ok("reviewer", "show", item)
        start = draft.index(sentence)
        team.ok("reviewer", "reject", item, "--reason", "夹带不宜发布的内容",
                "--mark", f"{start}:{start + len(sentence)}:{LABEL}")
    team.ok("admin", "feedback", "export", "--out", str(tmp_path / "feedback"))
    exported = (tmp_path / "feedback" / "feedback.tsv").read_text(encoding="utf-8")
    assert exported.count(f"{LABEL}\t") == len(TRAIN)
    monkeypatch.chdir(office)
    result = cli("model", "train", "--data", str(tmp_path / "feedback" / "feedback.tsv"),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    after = Scorer.load(office / "model")
    flagged_after = _flagged(after, TEST, LABEL)
    assert flagged_before <= 0.5 * len(TEST)
    assert flagged_after >= 0.8 * len(TEST), (flagged_before, flagged_after)


def _flagged(scorer: Scorer, texts: list[str], label: str) -> int:
    """How many of `texts` the model labels `label` (its most probable class)."""
    from review.model.text import prepare

    rows = scorer.probabilities([prepare(t) for t in texts])
    return sum(1 for row in rows if scorer.classes[max(range(len(row)), key=row.__getitem__)]
               == label)
