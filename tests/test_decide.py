from review.config import Config
from review.decide import decide
from review.document import Document
from review.findings import MODEL, RULE, Category, Decision, Gate, Hit, Rule, Severity

ADS = Rule("AD900", Category.ADS, Gate.POLICY, Severity.BLOCK, "广告", "ad")
ADS_SHORT = Rule("AD901", Category.ADS, Gate.POLICY, Severity.BLOCK, "广告", "ad")
OPINION = Rule("OP900", Category.OPINION, Gate.POLICY, Severity.REVIEW, "观点", "opinion")
CONSENT = Rule("CN900", Category.CONSENT, Gate.POLICY, Severity.REVIEW, "须同意", "consent")
TEXT = "本店全网最低价，欢迎选购。"


def run(hits, **config):
    return decide(Document("d.txt", TEXT), hits, Config(**config), "zh")


def test_the_worst_severity_decides():
    assert run([]).decision == Decision.PASS
    assert run([Hit(OPINION, 0, 2)]).decision == Decision.REVIEW
    assert run([Hit(OPINION, 0, 2), Hit(ADS, 2, 7)]).decision == Decision.BLOCK


def test_findings_carry_exact_text_and_positions():
    finding = run([Hit(ADS, 2, 7)]).findings[0]
    assert finding.text == "全网最低价" == TEXT[finding.start:finding.end]
    assert (finding.line, finding.column, finding.end_column) == (1, 3, 8)
    assert finding.gate == Gate.POLICY


def test_a_finding_inside_a_same_category_finding_is_merged():
    result = run([Hit(ADS, 2, 7), Hit(ADS_SHORT, 4, 7)])
    assert [f.rule for f in result.findings] == ["AD900"]


def test_findings_of_different_categories_are_all_kept():
    result = run([Hit(ADS, 2, 7), Hit(OPINION, 4, 7)])
    assert {f.rule for f in result.findings} == {"AD900", "OP900"}


def test_allowed_phrases_suppress_findings_inside_them():
    assert run([Hit(ADS, 2, 7)], allow=["全 网最低价"]).findings == []
    assert run([Hit(ADS, 2, 7)], allow=["欢迎选购"]).findings != []


def test_severity_overrides_by_rule_and_by_category():
    assert run([Hit(ADS, 2, 7)], severity={"AD900": "review"}).decision == Decision.REVIEW
    assert run([Hit(ADS, 2, 7)], severity={"ads": "off"}).findings == []


def test_consent_topics_are_never_blocked():
    hit = Hit(CONSENT, 0, 2, severity=Severity.BLOCK)
    assert run([hit]).findings[0].severity == Severity.REVIEW


def test_a_sentence_level_finding_gives_way_to_a_term_inside_it():
    sentence = Hit(OPINION, 0, len(TEXT), broad=MODEL)
    term = Hit(Rule("OP002", Category.OPINION, Gate.POLICY, Severity.REVIEW, "观点", "o"), 2, 7)
    assert [f.rule for f in run([sentence, term]).findings] == ["OP002"]
    assert [f.rule for f in run([sentence]).findings] == ["OP900"]


def test_the_models_sentence_gives_way_to_a_rule_inside_it_and_a_rule_to_a_term():
    model = Hit(ADS, 0, len(TEXT), broad=MODEL)
    rule = Hit(Rule("AD701", Category.ADS, Gate.POLICY, Severity.BLOCK, "广告", "ad"), 0, 7,
               broad=RULE)
    term = Hit(ADS_SHORT, 2, 7)
    assert [f.rule for f in run([model, rule]).findings] == ["AD701"]
    assert [f.rule for f in run([model, rule, term]).findings] == ["AD901"]
    # a term less severe than a co-occurrence rule's span does not make the rule milder …
    strict = Hit(Rule("AD702", Category.ADS, Gate.POLICY, Severity.BLOCK, "广告", "ad"), 0, 7,
                 broad=RULE)
    mild = Hit(Rule("AD003", Category.ADS, Gate.POLICY, Severity.REVIEW, "广告", "ad"), 2, 7)
    assert [f.rule for f in run([strict, mild]).findings] == ["AD702"]


def test_a_rule_in_the_sentence_wins_over_the_model():
    """… but the model's sentence gives way to a rule of its category inside it whatever the
    rule decided: a term found and excused as a quotation (info) is mention, not use."""
    model = Hit(Rule("IL901", Category.ILLEGAL, Gate.LEGAL, Severity.REVIEW, "违法", "i"),
                0, len(TEXT), broad=MODEL)
    quoted = Hit(Rule("IL002", Category.ILLEGAL, Gate.LEGAL, Severity.INFO, "引用", "q"), 2, 7)
    assert [f.rule for f in run([model, quoted]).findings] == ["IL002"]
    # a rule of another category that found a problem there says what is wrong; one that
    # only noted a quotation leaves the model's judgement standing
    other = Hit(Rule("AD003", Category.ADS, Gate.POLICY, Severity.REVIEW, "广告", "ad"), 2, 7)
    assert [f.rule for f in run([model, other]).findings] == ["AD003"]
    noted = Hit(Rule("AD004", Category.ADS, Gate.POLICY, Severity.INFO, "广告", "ad"), 2, 7)
    assert [f.rule for f in run([model, noted]).findings] == ["IL901", "AD004"]


def test_accepted_findings_are_left_out_before_the_decision_one_copy_each():
    from collections import Counter
    from hashlib import sha256

    doc = Document("d.txt", "全网最低价，全网最低价。")
    hits = [Hit(ADS, 0, 5), Hit(ADS, 6, 11)]
    digest = sha256("全网最低价".encode()).hexdigest()[:16]  # as .review/baseline.json keeps it
    one = decide(doc, hits, Config(), "zh", Counter({("AD900", digest): 1}))
    assert [f.start for f in one.findings] == [6] and one.baselined == 1
    assert one.decision == Decision.BLOCK
    both = decide(doc, hits, Config(), "zh", Counter({("AD900", digest): 2}))
    assert (both.findings, both.baselined, both.decision) == ([], 2, Decision.PASS)
    other = decide(doc, hits, Config(), "zh", Counter({("AD901", digest): 2}))
    assert len(other.findings) == 2 and other.baselined == 0
