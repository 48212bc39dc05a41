"""Insider red-team pass 65 (docs/redteam/pass-65.md, N2): the desk drew a draft without the
text its elements hide by their own markup and said readers do not see it — but a style sheet
undoes that markup (`p { display: block }` in the page's own <style>, or the site's, shows a
`<p hidden>`), so the reviewer approved words the published page shows and he never read."""

from __future__ import annotations

from desk.conftest import client_of, desk_of, form_of

NOTICE = "本局决定自明日起全区停水三天"
PAGE = ("<html><head><style>p { display: block }</style></head><body>"
        "<h1>关于冬季供水的通知</h1><p>请居民注意节约用水。</p>"
        f"<p hidden>{NOTICE}，请居民自行储水。</p></body></html>")


def test_text_hidden_by_markup_is_shown_to_the_reviewer(team, monkeypatch):
    item = team.submit("editor", team.write("water.html", PAGE))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    page = client.get(f"/items/{item}").text
    assert 'id="hidden-text"' in page
    # the text as drawn leaves it out; the whole text the check read, under it, holds it
    drawn = page.split('id="text"', 1)[1].split("</div>", 1)[0]
    assert NOTICE not in drawn
    checked = page.split('id="checked-text"', 1)[1].split("</details>", 1)[0]
    assert NOTICE in checked and "请居民注意节约用水" in checked
    response = client.post(f"/items/{item}/approve", data=form_of(client, item))
    assert response.status_code == 303  # read now: the approval is his to sign


def test_a_draft_without_hidden_text_has_no_second_copy(team, monkeypatch):
    item = team.submit("editor", team.write("plain.html", PAGE.replace(" hidden", "")))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    page = client.get(f"/items/{item}").text
    assert 'id="hidden-text"' not in page and 'id="checked-text"' not in page
    assert NOTICE in page
