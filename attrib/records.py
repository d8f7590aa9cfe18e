"""The results: frozen dataclasses with character offsets into the article and one JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Speaker:
    """One entity of an article that speaks, with every name the article gives it."""

    speaker_id: str
    name: str
    type: str  # person, organization, group, anonymous or other
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    gender: str | None = None  # "m" or "f", see gender_source
    attributions: int = 0
    gender_source: str | None = None  # title, pronoun (the article's evidence) or census (first-name statistics)

    @classmethod
    def from_dict(cls, data: dict) -> "Speaker":
        return cls(**{**data, "aliases": tuple(data["aliases"]), "titles": tuple(data["titles"])})

    def to_dict(self) -> dict:
        out = asdict(self)
        out["aliases"], out["titles"] = list(self.aliases), list(self.titles)
        return out


@dataclass(frozen=True)
class Attribution:
    """One attribution: who said what, and when.

    ``quote == text[quote_start:quote_end]`` for the article's text; when the content is split
    around its cue (“X,” he said, “Y.”) ``quote_spans`` gives the pieces.
    """

    doc: str
    quote: str
    quote_start: int
    quote_end: int
    quote_spans: tuple[tuple[int, int], ...]
    kind: str  # direct, indirect or mixed
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_id: str | None
    speaker_type: str | None
    speaker_title: str | None
    date: str | None
    date_source: str | None  # explicit, relative, article or None
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    date_precision: str | None = None  # day, week, month or year
    speaker_key: str | None = None  # the folded canonical name as a slug ("barack-obama"), the same in every article
    speaker_gender: str | None = None  # "m" or "f" for a person when the article (or a census first name) says so
    speaker_gender_source: str | None = None  # title, pronoun or census
    speaker_confidence: float = 0.0  # how sure the resolver is of ``speaker`` (0-1); 0 when there is none
    act: str | None = None  # speech, thought, document, evidence or other (attrib.find.acts); None in older output
    # the article's own facts on each record, for the formats that have no article objects (jsonl, csv)
    article_title: str | None = None
    article_author: str | None = None
    article_url: str | None = None
    speaker_affiliation: str | None = None  # the body or party the article ties the speaker to ("Republican Party")

    @property
    def quote_text(self) -> str:
        """The content's pieces joined with " … ": a split quote without the narration between its pieces."""
        return " … ".join(self.quote[s - self.quote_start : e - self.quote_start] for s, e in self.quote_spans)

    @classmethod
    def from_dict(cls, data: dict) -> "Attribution":
        data = {k: v for k, v in data.items() if k != "quote_text"}  # derived: it is no field
        return cls(**{**data, "quote_spans": tuple(tuple(p) for p in data["quote_spans"])})

    def to_dict(self) -> dict:
        out = {}
        for key, value in asdict(self).items():
            out[key] = value
            if key == "quote":
                out["quote_text"] = self.quote_text  # beside the quote it is read from
        out["quote_spans"] = [list(p) for p in self.quote_spans]
        return out


@dataclass(frozen=True)
class ArticleResult:
    """Everything attrib found in one article."""

    doc: str
    date: str | None
    attributions: list[Attribution]
    speakers: list[Speaker]
    error: str | None = None  # set when the article could not be analysed
    text: str | None = None  # the text the offsets index, when it goes out with the records (HTML, --with-text)
    title: str | None = None  # the page's or record's title, else the text's headline
    author: str | None = None  # the record's or page's author, else the byline or closing author's note
    url: str | None = None  # the web page's address
    outlet: str | None = None  # as attrib speakers counts it (README, "outlet")

    def to_dict(self) -> dict:
        head = {"doc": self.doc, "date": self.date} | ({"text": self.text} if self.text is not None else {})
        meta = {"title": self.title, "author": self.author, "url": self.url, "outlet": self.outlet}
        return (
            head
            | meta
            | {
                "counts": self.counts(),
                "speakers": [s.to_dict() for s in self.speakers],
                "attributions": [a.to_dict() for a in self.attributions],
            }
        )

    def counts(self) -> dict[str, int]:
        """The article's attributions, in all and by kind: facts that hold when there are none too."""
        kinds = [a.kind for a in self.attributions]
        return {"attributions": len(kinds), **{k: kinds.count(k) for k in ("direct", "indirect", "mixed")}}


# the record's keys, in order: the dataclass fields with the derived quote_text after quote
FIELDS = [k for f in Attribution.__dataclass_fields__ for k in ((f, "quote_text") if f == "quote" else (f,))]
