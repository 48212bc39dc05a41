"""Over arbitrary text: every finding points exactly at what it reports."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.errors import InputError
from review.rules.lexicons import bundled, load

TERMS = sorted({term for option in bundled() for entry in load(option) for term in entry.terms})
NOISE = [" ", "*", "·", "|", "，", "\u200b", "😀", "\ufe0f", "\n", "。"]
SNIPPETS = ["13812345678", "11010519491231002X", "https://shop.example.top/a", "秘密★",
            "加微信 abc_shop888", "zhangsan@163.com", "<p>", "](https://t.cn/x)", "&nbsp;",
            "６２２８４８００１２３４５６７８９０３", "一三八一二三四五六七八"]


@st.composite
def drafts(draw):
    """Text mixing lexicon terms broken up by noise, detector bait and arbitrary characters."""
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 3))
        if kind == 0 and TERMS:
            term = draw(st.sampled_from(TERMS))
            glue = draw(st.sampled_from(["", *NOISE]))
            parts.append(glue.join(term))
        elif kind == 1:
            parts.append(draw(st.sampled_from(SNIPPETS)))
        elif kind == 2:
            parts.append(draw(st.sampled_from(NOISE)))
        else:
            parts.append(draw(st.text(max_size=20)))
    return "".join(parts)


def check_spans(pipeline, text, kind):
    try:
        result = pipeline.check_text(text, kind=kind)
    except InputError as refused:
        # markup readers would see otherwise than it reads (<bdo>, a script): refused, with a
        # one-line reason, never checked — nothing to point at (text is never refused)
        assert kind != "text" and str(refused) and "\n" not in str(refused)
        return
    lines = text.split("\n")
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert f.column - 1 <= len(lines[f.line - 1])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(), drafts()), kind=st.sampled_from(["text", "markdown", "html"]))
def test_finding_offsets_are_exact(pipeline, text, kind):
    check_spans(pipeline, text, kind)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.one_of(st.characters(), st.sampled_from(["\ud800", "\udc00", "\udfff"]))))
def test_lone_surrogates_from_api_callers_do_not_break_the_pipeline(pipeline, text):
    check_spans(pipeline, text, "text")
