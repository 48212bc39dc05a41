"""EX9105 (a title that does not belong to the body named before it, from offices.toml) and
EX9106 (one person's title with and without 副 in one draft)."""

import pytest

from review.config import Config
from review.document import Document
from review.pipeline import Pipeline
from review.rules.redirects import current
from review.stages.expression import offices
from review.stages.expression.data import OFFICES_FILE, expression_dir

TABLE = offices.load_offices(expression_dir() / OFFICES_FILE)


def found(text: str) -> list[tuple[str, str | None]]:
    doc = Document("t", text)
    return [(text[h.start:h.end], h.replacement)
            for h in [*offices.detect(doc, TABLE), *offices.contradictions(doc)]]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config())


@pytest.mark.parametrize(("text", "span", "fixed"), [
    ("县侨联主任马骏致辞。", "侨联主任", "侨联主席"),
    ("团市委副主任宣读决定。", "团市委副主任", "团市委副书记"),
    ("县红十字会常务副主席介绍救助情况。", "红十字会常务副主席", "红十字会常务副会长"),
    ("县人民检察院党组书记、副院长出席。", "检察院党组书记、副院长", "检察院党组书记、副检察长"),
    ("县气象局主任表示，汛期将加密预报。", "局主任", "局局长"),
    ("区发改委局长答记者问。", "发改委局长", "发改委主任"),  # EX9104's too: reported once
    ("城关派出所主任带队巡逻。", "派出所主任", "派出所所长"),
    ("东城街道办书记出席会议。", "街道办书记", "街道党工委书记"),
    ("村民委员会书记召开会议。", "村民委员会书记", None),
    ("县残联主任介绍情况。", "残联主任", None),                 # 理事长 or 主席
    ("河口乡党组副书记出席。", "乡党组副书记", "乡党委副书记"),
    ("河口村党组书记出席。", "村党组书记", None),               # 党支部, 党总支 or 党委
    ("青石镇党委委员、人武部部长、副乡长出席。", "镇党委委员、人武部部长、副乡长",
     "镇党委委员、人武部部长、副镇长"),
])
def test_a_title_the_body_does_not_have(text, span, fixed):
    assert (span, fixed) in found(text)


@pytest.mark.parametrize("text", [
    "县总工会女职工委员会主任讲话。", "县政协文史委员会主任介绍史料征集情况。",
    "县妇联党组书记、主席出席。", "县残联党组书记、理事长出席。",
    "县人民法院审判委员会委员出席。", "县检察院检察委员会专职委员出席。",
    "县工商联（总商会）会长出席。", "市总商会会长致辞。", "县台联会长出席。",
    "县委党校常务副校长授课。", "县卫健委党组书记、主任讲话。", "县医院院长办公会召开。",
    "青石镇镇长、白水乡副乡长共同出席。", "青石镇镇长李明、白水乡副乡长王刚出席。",
    "家乡党委委员、副镇长回乡探亲。", "城乡党委书记座谈会召开。",
    "东城街道党工委书记出席。", "社区居委会主任入户走访。", "村委会委员分工负责。",
    "总工会主席团会议召开。", "董事局主席致辞。", "时代的变局主任何人都看得清。",
])
def test_legitimate_titles_are_quiet(text):
    assert found(text) == []


def test_a_place_titles_toml_reports_is_reported_once(pipeline):
    text = "县人民检察院院长李明出席会议。"  # EX2701's
    rules = [f.rule for f in pipeline.check_text(text).findings if f.category == "expression"]
    assert rules == ["EX2701"]


def test_the_redirected_entries_mean_the_table_rule():
    assert current("EX2718") == current("EX2719") == "EX9105"


def test_a_title_with_and_without_deputy_is_reported_at_the_later_mention():
    text = "副县长周立平出席开幕式。会上，县长周立平作动员讲话。"
    assert found(text) == [("县长周立平", None)]


@pytest.mark.parametrize("text", [
    "县长周立平出席。副县长周立新陪同。",              # another name
    "县长周立平出席。县委书记周立平陪同。",            # another title
    "时任副县长周立平曾到此调研。县长周立平出席。",    # a former office
    "副县长周立平同志出席。副县长周立平讲话。",
    "镇党委副书记周立平兼任村第一书记。第一书记周立平走访农户。",
])
def test_different_people_and_past_titles_are_not_compared(text):
    assert found(text) == []
