from review.markup import html_view, markdown_view


def test_html_hides_tags_and_scripts_and_decodes_entities():
    text = "<p>加&nbsp;微信</p><script>var a = '出售';</script><p>&#x4E2D;国</p>"
    view = html_view(text)
    assert "出售" not in view.text
    assert "script" not in view.text
    assert "加\xa0微信" in view.text
    assert "中国" in view.text


def test_html_view_maps_to_the_original_entity():
    text = "<p>&#x4E2D;国</p>"
    view = html_view(text)
    i = view.text.index("中")
    assert text[view.starts[i]:view.ends[i]] == "&#x4E2D;"


def test_html_block_elements_separate_paragraphs():
    assert "出售\n\n冰毒" in html_view("<p>出售</p><p>冰毒</p>").text


def test_markdown_hides_link_targets_but_keeps_link_text():
    text = "请点击[这里](https://shop.example.top/a?b=(1))报名\n[ref]: https://x.top\n"
    view = markdown_view(text)
    assert "shop.example" not in view.text
    assert "x.top" not in view.text
    assert "请点击[这里]报名" in view.text


def test_markdown_inline_html_is_hidden():
    assert markdown_view("加<b>微</b>信").text == "加微信"
