"""Attribution as one step of a Dask user's own job: a bag of article records to attribution records."""

from __future__ import annotations

from collections.abc import Iterable

from ..read.articles import Article, Fields
from .cluster import ShardOptions, worker_extractor


def attribute_bag(
    bag,
    *,
    model: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    max_chars: int | None = None,
):
    """Map a ``dask.bag`` of article records (dicts) to a bag of attribution records (dicts).

    Each worker process loads the pipeline once. A record without a usable text gives no
    attributions; an article that fails to parse gives none either (as ``attrib extract`` skips it).
    """
    options = ShardOptions(model=model, max_chars=max_chars, fields=Fields(text_field, id_field, date_field))
    return bag.map_partitions(_attribute_records, options)


def _attribute_records(records: Iterable[dict], options: ShardOptions) -> list[dict]:
    fields = options.fields
    articles = [
        Article(str(r.get(fields.id, "")), r[fields.text], _date_of(r.get(fields.date)))
        for r in records
        if isinstance(r.get(fields.text), str) and r[fields.text].strip()
    ]
    return [
        a.to_dict()
        for result in worker_extractor(options).pipe(articles)
        if not result.error
        for a in result.attributions
    ]


def _date_of(value) -> str | None:
    return str(value)[:10] if value else None
