"""Word text its readers do not see though Word draws it (red-team pass 40): white on an
unshaded white page, or at most 1 pt (w:sz 2, 0). Such a run between two visible ones parted,
for the check, the words a reader sees joined (出<white>甲</white>售冰毒), and the draft passed
with no finding. It is now read as a hidden run is: checked where it stands, and the text read
again without it (part 不含隐藏文字)."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor
from test_word_hidden import DRUG, LEAD, read, run, word

from review.location import Location

_PARTED = Location(part="不含隐藏文字", paragraph=1, column=len(LEAD) + len("本人长期") + 1)


def _styled(properties: str, text: str = "甲") -> str:
    return f"<w:r><w:rPr>{properties}</w:rPr><w:t>{text}</w:t></w:r>"


def _parted(middle: str) -> str:
    return run("本人长期出") + middle + run("售冰毒。")


def _drug(pipeline, data: bytes) -> list[Location]:
    doc = read(data)
    return [f.location for f in pipeline.check(doc).findings
            if doc.original[f.start:f.end] == DRUG]


def test_white_or_tiny_runs_parting_words_are_read_as_a_reader_sees_them(pipeline):
    for properties in ("<w:color w:val='FFFFFF'/>", "<w:color w:val='ffffff'/>",
                       "<w:color w:val='FEFEFE' w:themeColor='background1'/>",
                       "<w:sz w:val='2'/>", "<w:sz w:val='0'/><w:szCs w:val='0'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [_PARTED], properties
        assert "出甲售冰毒" in read(data).original  # still read


def test_a_white_character_style_hides_as_its_own_colour_does(pipeline):
    def ghost(document):
        style = document.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

    data = word(_parted(_styled("<w:rStyle w:val='Ghost'/>")), build=ghost)
    assert _drug(pipeline, data) == [_PARTED]
    # the run's own colour outdoes its style's
    shown = word(_parted(_styled("<w:rStyle w:val='Ghost'/><w:color w:val='000000'/>")),
                 build=ghost)
    assert _drug(pipeline, shown) == []


def test_white_text_on_a_shading_of_its_own_and_readable_sizes_are_ordinary_text(pipeline):
    for properties in ("<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='C00000'/>",
                       "<w:color w:val='FFFFFF'/><w:highlight w:val='black'/>",
                       "<w:sz w:val='3'/>", "<w:sz w:val='24'/>", "<w:color w:val='000000'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [], properties
        assert "不含隐藏文字" not in {loc.part for _, loc in read(data).parts}
    cell = word(body="<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr><w:shd w:val='clear' "
                     "w:fill='1F3864'/></w:tcPr><w:p>" + _parted(_styled(
                         "<w:color w:val='FFFFFF'/>")) + "</w:p></w:tc></w:tr></w:tbl>")
    assert _drug(pipeline, cell) == []


# After pass 40: near-white colours, a theme's white (darkened by a shade only so far), and a
# run squeezed to a tenth of its width or less hide as white and tiny runs do; a shade that
# makes the theme's white grey, and ordinary squeezing, are text a reader sees.

def test_near_white_and_squeezed_runs_part_no_words(pipeline):
    for properties in ("<w:color w:val='FEFEFE'/>", "<w:color w:val='F2F4F0'/>",
                       "<w:color w:val='000000' w:themeColor='background1'/>",
                       "<w:color w:val='F2F2F2' w:themeColor='background1' w:themeShade='F2'/>",
                       "<w:w w:val='5'/>", "<w:w w:val='1'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [_PARTED], properties


def test_grey_text_and_ordinary_squeezing_are_seen(pipeline):
    for properties in ("<w:color w:val='BFBFBF'/>", "<w:color w:val='F0F0C0'/>",
                       "<w:color w:val='FFFFFF' w:themeColor='text1'/>",
                       "<w:color w:val='BFBFBF' w:themeColor='background1' w:themeShade='BF'/>",
                       "<w:w w:val='80'/>", "<w:w w:val='150'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [], properties
        assert "不含隐藏文字" not in {loc.part for _, loc in read(data).parts}


# Red-team pass 43: white on a white highlight or a near-white shading counted as white on a
# ground of its own; text the colour of its own highlight or shading (red on red, black on a
# black highlight), a theme colour tinted to white (w:themeTint 00), and a run Word draws at
# its complex-script size (w:cs, w:rtl with w:szCs 2) all parted the words a reader sees.

def test_runs_drawn_in_the_colour_of_their_ground_or_at_their_complex_script_size(pipeline):
    for properties in ("<w:color w:val='FFFFFF'/><w:highlight w:val='white'/>",
                       "<w:color w:val='FFFFFF'/><w:shd w:val='clear' w:fill='FEFEFE'/>",
                       "<w:color w:val='C00000'/><w:shd w:val='clear' w:fill='C00000'/>",
                       "<w:color w:val='000000'/><w:highlight w:val='black'/>",
                       "<w:color w:val='FFFF00'/><w:highlight w:val='yellow'/>",
                       "<w:color w:val='000000' w:themeColor='text1' w:themeTint='00'/>",
                       "<w:color w:val='4472C4' w:themeColor='accent1' w:themeTint='08'/>",
                       "<w:cs/><w:sz w:val='24'/><w:szCs w:val='2'/>",
                       "<w:rtl/><w:sz w:val='24'/><w:szCs w:val='0'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [_PARTED], properties
    cell = word(body="<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr><w:shd w:val='clear' "
                     "w:fill='1F3864'/></w:tcPr><w:p>" + _parted(_styled(
                         "<w:color w:val='1F3864'/>")) + "</w:p></w:tc></w:tr></w:tbl>")
    assert [where.part for where in _drug(pipeline, cell)] == ["不含隐藏文字"]


def test_text_on_a_ground_of_another_colour_and_tints_a_reader_sees_are_ordinary(pipeline):
    for properties in ("<w:color w:val='000000'/><w:highlight w:val='yellow'/>",
                       "<w:color w:val='C00000'/><w:shd w:val='clear' w:fill='FFF2CC'/>",
                       "<w:color w:val='FFFFFF'/><w:highlight w:val='darkBlue'/>",
                       "<w:color w:val='4472C4' w:themeColor='accent1' w:themeTint='99'/>",
                       "<w:cs/><w:sz w:val='24'/><w:szCs w:val='21'/>",
                       "<w:sz w:val='24'/><w:szCs w:val='2'/>"):
        data = word(_parted(_styled(properties)))
        assert _drug(pipeline, data) == [], properties
        assert "不含隐藏文字" not in {loc.part for _, loc in read(data).parts}, properties
