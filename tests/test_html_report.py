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
    assert colour["?"].colour == "#dddddd" and colour["S1"] != colour["S2"]


def test_no_two_speakers_look_alike_past_twelve():
    records = [record([[i, i + 1]], speaker_id=f"S{i}") for i in range(150)]
    looks = list(colours(records).values())
    assert len(set(looks)) == len(looks)
    # the first twelve differ by colour alone; the 13th is the first hue with a pattern
    assert len({s.colour for s in looks[:12]}) == 12 and looks[12].pattern and not looks[11].pattern


def test_counts_are_singular_for_one_and_the_help_has_no_braces():
    article = {"doc": "a.txt", "date": None, "text": TEXT, "attributions": [record([[15, 38]])], "speakers": []}
    page = render([article])
    assert "1 article ·" in page and "1 attribution ·" in page and "1 speaker<" in page
    assert "1 articles" not in page and "1 attributions" not in page
    from typer.testing import CliRunner

    from attrib.cli.app import app

    usage = CliRunner().invoke(app, ["show", "--help"]).stdout.splitlines()[0]
    assert "{" not in usage and "PATHS" in usage


def test_the_index_lists_no_number_as_a_main_speaker():
    records = [record([[15, 38]], speaker=name, speaker_id=f"S{i}") for i, name in enumerate(["Twelve percent", "two"])]
    records += [record([[0, 9]], speaker="Elena Marsh"), record([[40, 50]], speaker="12")]
    article = {"doc": "a.txt", "date": None, "text": TEXT, "attributions": records, "speakers": []}
    index = render([article, {**article, "doc": "b.txt"}]).split('id="index"')[1].split("</table>")[0]
    assert "Elena Marsh" in index and "percent" not in index and "two" not in index and "<td>12" not in index


def test_a_quotation_no_attribution_took_is_marked_as_such():
    text = "The mayor said “we are nearly done” on Monday.\n\nA sign read “closed for repairs” all week."
    taken = [text.index("“"), text.index("”") + 1]
    article = {"doc": "a.txt", "date": None, "text": text, "attributions": [], "speakers": []}
    page = render([{**article, "attributions": [{**record([taken]), "quote": text[taken[0] : taken[1]]}]}])
    free = re.findall(r'<mark class="free"[^>]*>(.*?)</mark>', page.split("</article>")[0])
    assert free == ["“closed for repairs”"]


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
