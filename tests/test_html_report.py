"""The HTML report without a browser: nested and crossing marks, escaping, the index, the embedded data."""

import json
import re
from html import unescape

from attrib.write.html_report import colours, highlight, marks_of, render

TEXT = "The mayor said “we are <nearly> done” & left.\n\nShe added that it would open."


def record(quote_spans, speaker_id="S1", speaker="Elena Marsh", cue=None, who=None, kind="direct"):
    start, end = quote_spans[0][0], quote_spans[-1][1]
    return {
        "quote": TEXT[start:end],
        "quote_start": start,
        "quote_end": end,
        "quote_spans": quote_spans,
        "kind": kind,
        "cue": TEXT[cue[0] : cue[1]] if cue else None,
        "cue_start": cue and cue[0],
        "cue_end": cue and cue[1],
        "speaker": speaker,
        "speaker_mention": TEXT[who[0] : who[1]] if who else None,
        "speaker_start": who and who[0],
        "speaker_end": who and who[1],
        "speaker_id": speaker_id,
        "speaker_type": "person",
        "speaker_title": None,
        "date": "2026-03-03",
        "date_source": "article",
    }


def strip_tags(html):
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_marks_nest_and_the_text_reads_the_same():
    quote = TEXT.index("“"), TEXT.index("”") + 1
    records = [
        record([list(quote)], cue=(10, 14), who=(4, 9)),
        # a content crossing the first one's end: it is split, both pieces numbered 1
        record([[quote[0] + 4, TEXT.index("left") + 4]], speaker_id="S2", speaker="Tomas Greer", kind="indirect"),
    ]
    html = highlight(TEXT, marks_of(records), colours(records))
    assert strip_tags(html) == TEXT
    assert html.count('<mark class="q" data-a="1"') == 2
    assert html.count("<mark") == html.count("</mark>")
    assert "&lt;nearly&gt;" in html and "&amp; left" in html


def test_a_cue_shared_by_two_attributions_is_marked_once():
    cue, who = (10, 14), (4, 9)
    records = [record([[15, 30]], cue=cue, who=who), record([[31, 40]], cue=cue, who=who)]
    marks = marks_of(records)
    assert [m.attributions for m in marks if m.kind == "cue"] == [(0, 1)]
    assert sum(m.kind == "q" for m in marks) == 2


def test_unresolved_speakers_are_grey_and_named_speakers_differ():
    records = [record([[0, 5]]), record([[6, 9]], speaker_id="S2"), record([[10, 12]], speaker_id=None, speaker=None)]
    colour = colours(records)
    assert colour["?"] == "#dddddd" and colour["S1"] != colour["S2"]


def test_the_page_is_self_contained_and_its_data_cannot_close_the_script():
    evil = "Nasty </script><script>alert(1)</script> article"
    article = {"doc": evil, "date": None, "text": TEXT, "attributions": [record([[15, 38]])], "speakers": []}
    page = render([article, {**article, "doc": "b.txt"}])
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert page.count("<script") == 2 and "alert(1)</script>" not in page
    data = re.search(r'<script type="application/json" id="attrib-data">(.*?)</script>', page, re.DOTALL).group(1)
    assert json.loads(data)[0]["doc"] == evil
    assert 'id="index"' in page and page.count("<article") == 2


def test_one_article_has_no_index():
    article = {"doc": "a.txt", "date": None, "text": TEXT, "attributions": [], "speakers": []}
    assert 'id="index"' not in render([article])
