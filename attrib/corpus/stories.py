"""Where wire grouping finds the article texts: a database's own sketches, the json format's texts, or the articles.

attrib's JSONL records carry no article text, so wire groups come from (in this order of trust):
a SQLite database from ``attrib extract -o corpus.sqlite`` (it keeps a sketch of each article's
text and its ``wire_group``), the ``json`` format written with ``--with-text`` (each article line
holds its text), or the articles the output was made from (``--texts``, read as ``attrib extract``
reads its inputs). Texts are read one at a time and only their sketches are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError
from ..read.articles import Reading, read_inputs
from ..write.review import json_line
from .corpus import ArticleFacts
from .reading import is_sqlite
from .wire import Sketch, sketch, wire_groups

OnError = Callable[[InputError], None]


def story_groups(outputs: Iterable[str], texts: Iterable[str], on_error: OnError) -> dict[str, str] | None:
    """Article id -> the id of its wire group's first article, for the articles in a group; None when
    neither the outputs nor ``texts`` give any article text."""
    from .store import stored_wire_groups  # sqlite3 only when a database is read

    groups: dict[str, str] = {}
    found = False
    sketches: list[Iterator[tuple[str, Sketch | None]]] = []
    for path in outputs:
        if is_sqlite(path):
            stored = stored_wire_groups(path)
            found = found or stored is not None
            groups.update(stored or {})
        else:
            sketches.append(_output_texts(path))
    sketches.append(_article_texts(list(texts), on_error))
    seen = [0]

    def counted() -> Iterator[tuple[str, Sketch | None]]:
        for it in sketches:
            for item in it:
                seen[0] += 1
                yield item

    groups.update(wire_groups(counted()))
    return groups if found or seen[0] else None


def _output_texts(path: str) -> Iterator[tuple[str, Sketch | None]]:
    """(doc, sketch) of each article line of the json format that carries its text."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                line = json_line(line)
                if '"text"' not in line:
                    continue  # a JSONL record, or an article written without its text
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the records' reader reports it
                if isinstance(data, dict) and isinstance(data.get("text"), str) and "attributions" in data:
                    yield str(data.get("doc")), sketch(data["text"])
    except OSError:
        return  # the records' reader reports it


def _article_texts(paths: list[str], on_error: OnError) -> Iterator[tuple[str, Sketch | None]]:
    for item in read_inputs(paths, reading=Reading(any_language=True)):
        if isinstance(item, InputError):
            on_error(item)
        else:
            yield item.id, sketch(item.text)


def one_per_story(records: Iterable[dict | ArticleFacts], groups: dict[str, str]) -> Iterator[dict | ArticleFacts]:
    """The records (and article facts) of the articles that are alone or first in their wire group: a story
    counts once."""
    for record in records:
        doc = str(record.doc if isinstance(record, ArticleFacts) else record.get("doc"))
        if groups.get(doc, doc) == doc:
            yield record
