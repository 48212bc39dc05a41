"""Red-team pass 49 on Word text the colour of its ground: a shading's theme fill is what Word
paints (the w:fill beside it is not), and a pattern of a colour on a fill alike it is that
colour. White on a theme's white, or white on a white 10% pattern, parted 出甲售冰毒 for the
check while a reader saw 出售冰毒."""

from __future__ import annotations

from test_word_hidden import read
from test_word_unseen import _PARTED, _drug, _parted, _styled, word


def test_white_on_a_theme_white_or_a_pattern_of_one_colour_parts_no_words(pipeline):
    for properties in (
            "<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='000000' "
            "w:themeFill='background1'/>",
            "<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='1F3864' "
            "w:themeFill='accent1' w:themeFillTint='0A'/>",
            "<w:color w:val='FFFFFF'/><w:shd w:val='pct10' w:color='FFFFFF' w:fill='FFFFFF'/>",
            "<w:color w:val='C00000'/><w:shd w:val='pct25' w:color='C00000' w:fill='C00000'/>",
            "<w:color w:val='FFFFFF'/><w:shd w:val='solid' w:color='000000' "
            "w:themeColor='light1'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [_PARTED], properties


def test_white_on_a_dark_theme_fill_or_a_mixed_pattern_is_seen(pipeline):
    for properties in (
            "<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='FFFFFF' "
            "w:themeFill='text1'/>",
            "<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='FFFFFF' "
            "w:themeFill='background1' w:themeFillShade='80'/>",
            "<w:color w:val='FFFFFF'/><w:shd w:val='pct50' w:color='000000' w:fill='FFFFFF'/>",
            "<w:color w:val='000000'/><w:shd w:val='pct10' w:color='FFFFFF' w:fill='FFFFFF'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [], properties
        assert "不含隐藏文字" not in {loc.part for _, loc in read(data).parts}


def _styled_as(xml: str):
    """A character style "Pass49" whose run properties hold `xml` (w:color, w:shd)."""
    def build(document) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        style = document.styles.add_style("Pass49", WD_STYLE_TYPE.CHARACTER)
        style.element.get_or_add_rPr().append(parse_xml(xml.replace("/>",
                                                                    f" {nsdecls('w')}/>")))
    return build


# W3: the colour of the run's character style on the run's own shading, or the run's own
# colour on its style's shading: only the run's own colour and shading were compared.
def test_a_style_colour_on_its_own_ground_parts_no_words(pipeline):
    red = _styled_as("<w:color w:val='C00000'/>")
    data = word(_parted(_styled("<w:rStyle w:val='Pass49'/><w:shd w:val='clear' "
                                "w:fill='C00000'/>")), build=red)
    assert _drug(pipeline, data) == [_PARTED]
    shaded = _styled_as("<w:shd w:val='clear' w:fill='C00000'/>")
    data = word(_parted(_styled("<w:rStyle w:val='Pass49'/><w:color w:val='C00000'/>")),
                build=shaded)
    assert _drug(pipeline, data) == [_PARTED]


def test_a_style_colour_on_another_ground_or_overridden_is_seen(pipeline):
    red = _styled_as("<w:color w:val='C00000'/>")
    for properties in ("<w:rStyle w:val='Pass49'/><w:shd w:val='clear' w:fill='FFFF00'/>",
                       "<w:rStyle w:val='Pass49'/><w:color w:val='auto'/>"
                       "<w:shd w:val='clear' w:fill='C00000'/>",
                       "<w:rStyle w:val='Pass49'/><w:color w:val='FFFFFF'/>"
                       "<w:shd w:val='clear' w:fill='C00000'/>"):
        data = word(_parted(_styled(properties)), build=red)
        assert _drug(pipeline, data) == [], properties
