"""Word lists shipped under ``models/`` (installed as ``attrib.models``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@lru_cache(maxsize=None)
def data_dir() -> Traversable:
    """``models/`` of the checkout this code runs from, else the installed ``attrib.models``.

    A plain checkout (or a git worktree beside an editable install) must read its own word lists,
    not those of whatever copy the installer mapped to ``attrib.models``.
    """
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "models" / "reporting_verbs.tsv").is_file():
        return checkout / "models"
    return resources.files("attrib.models")


def _lines(name: str) -> list[str]:
    text = data_dir().joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    kind: str  # speech, thought or evidence
    frames: frozenset[str]  # that, obj, to


@lru_cache(maxsize=None)
def reporting_verbs() -> dict[str, ReportingVerb]:
    out: dict[str, ReportingVerb] = {}
    for line in _lines("reporting_verbs.tsv"):
        lemma, kind, frames = line.split("\t")
        out[lemma] = ReportingVerb(lemma, kind, frozenset(frames.split(",")))
    return out


@lru_cache(maxsize=None)
def noun_cues() -> frozenset[str]:
    return frozenset(_lines("noun_cues.txt"))


@lru_cache(maxsize=None)
def titles() -> dict[str, str]:
    """Title as written -> implied gender ("m", "f" or "-")."""
    return dict(line.split("\t") for line in _lines("titles.tsv"))


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    """Mr., Ms. and the like: they give a sex, never a title."""
    return frozenset(_lines("honorifics.txt"))


@dataclass(frozen=True)
class RoleNoun:
    sex: str | None  # "m", "f" or None
    office: bool  # an office one holds: a person holding another is not "the <noun>"
    same: frozenset[str]  # the noun, its other names and title abbreviations


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, RoleNoun]:
    """Lower-cased noun -> what it says of the person it describes ("nominee", "the host")."""
    out = {}
    for line in _lines("role_nouns.tsv"):
        noun, sex, kind, *same = line.split("\t")
        words = {noun, *(w for w in (same[0].split(",") if same else []) if w)}
        out[noun] = RoleNoun(sex if sex in ("m", "f") else None, kind == "o", frozenset(words))
    return out


@lru_cache(maxsize=None)
def person_nouns() -> dict[str, str | None]:
    """Lower-cased one-word titles ("mayor", "spokeswoman") and the gender they imply, if any."""
    return {
        t.lower(): (g if g in ("m", "f") else None) for t, g in titles().items() if " " not in t and not t.endswith(".")
    }


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    """Lower-cased first name -> "m" or "f"."""
    return dict(line.split("\t") for line in _lines("first_names.tsv"))


@lru_cache(maxsize=None)
def organization_nouns() -> frozenset[str]:
    return frozenset(_lines("organization_nouns.txt"))


@lru_cache(maxsize=None)
def group_nouns() -> frozenset[str]:
    return frozenset(_lines("group_nouns.txt"))


@lru_cache(maxsize=None)
def data_nouns() -> frozenset[str]:
    """Nouns for published numbers: "data from X" is X's word."""
    return frozenset(_lines("data_nouns.txt"))


@lru_cache(maxsize=None)
def study_nouns() -> frozenset[str]:
    """Nouns for a study and its findings: "the report" after "a study" is that study."""
    return frozenset(_lines("study_nouns.txt"))


@lru_cache(maxsize=None)
def title_nouns() -> frozenset[str]:
    """Lower-cased nouns of positions beside the titles and role nouns ("member", "strategist", "fellow")."""
    return frozenset(_lines("title_nouns.txt"))


@lru_cache(maxsize=None)
def parties() -> dict[str, str]:
    """A party's word as written ("Republican", "GOP", "R-" of "(R-Ohio)") -> the party's name."""
    return dict(line.split("\t") for line in _lines("parties.tsv"))


@lru_cache(maxsize=None)
def outlet_words() -> frozenset[str]:
    """Last words of newspaper names used alone for the paper ("the Post" for "The New York Post")."""
    return frozenset(_lines("outlet_words.txt"))


@lru_cache(maxsize=None)
def share_nouns() -> frozenset[str]:
    """Nouns for a share of a group ("percent", "majority"): "Twelve percent said" is a part of people, a group."""
    return frozenset(_lines("share_nouns.txt"))


@lru_cache(maxsize=None)
def document_labels() -> frozenset[str]:
    """Nouns of a label announcing a quoted document ("Partial transcript as follows:"): it names no speaker."""
    return frozenset(_lines("document_labels.txt"))


@lru_cache(maxsize=None)
def headline_kickers() -> frozenset[str]:
    """Words a headline opens with before a colon to flag its news ("Breaking: ..."): they name no speaker."""
    return frozenset(_lines("headline_kickers.txt"))


@lru_cache(maxsize=None)
def anonymous_markers() -> tuple[str, ...]:
    return tuple(_lines("anonymous_markers.txt"))


@lru_cache(maxsize=None)
def anonymous_plurals() -> frozenset[str]:
    return frozenset(_lines("anonymous_plurals.txt"))


@lru_cache(maxsize=None)
def description_titles() -> dict[str, str]:
    """Lower-cased title abbreviation -> the noun that describes its holder ("sen." -> "senator")."""
    return dict(line.split("\t") for line in _lines("description_titles.tsv"))


@lru_cache(maxsize=None)
def connectives() -> frozenset[str]:
    """ "Still", "But", "In addition": the writer's links between statements, not words said."""
    return frozenset(_lines("connectives.txt"))


@lru_cache(maxsize=None)
def contrast_marks() -> frozenset[str]:
    """ "while", "although": a clause they open beside a statement is no part of it."""
    return frozenset(_lines("contrast_marks.txt"))


@lru_cache(maxsize=None)
def reason_marks() -> frozenset[str]:
    return frozenset(_lines("reason_marks.txt"))


@lru_cache(maxsize=None)
def linking_verbs() -> frozenset[str]:
    return frozenset(_lines("linking_verbs.txt"))


@lru_cache(maxsize=None)
def effort_verbs() -> frozenset[str]:
    """Verbs whose infinitive is the act: "tried to show X" reports X."""
    return frozenset(_lines("effort_verbs.txt"))


@lru_cache(maxsize=None)
def title_small_words() -> frozenset[str]:
    return frozenset(_lines("title_small_words.txt"))


@lru_cache(maxsize=None)
def proposition_nouns() -> frozenset[str]:
    """Nouns that name a proposition: "the idea that X" as an object is what the act is about."""
    return frozenset(_lines("proposition_nouns.txt"))


@lru_cache(maxsize=None)
def event_nouns() -> frozenset[str]:
    """Occasions and documents statements are made in or at: their date dates the statement."""
    return frozenset(_lines("event_nouns.txt"))


@lru_cache(maxsize=None)
def recording_nouns() -> frozenset[str]:
    """Recordings and performances an article narrates in the present ("in the sketch, she asks ...")."""
    return frozenset(_lines("recording_nouns.txt"))


@lru_cache(maxsize=None)
def occasion_nouns() -> frozenset[str]:
    """Occasions whose holder speaks at them ("a rally", "a speech"), unlike documents, which speak themselves."""
    return frozenset(_lines("occasion_nouns.txt"))


@lru_cache(maxsize=None)
def confidences() -> dict[str, float]:
    """How a speaker was resolved -> how often that way gives the right canonical name."""
    return {how: float(value) for how, value in (line.split("\t") for line in _lines("speaker_confidence.tsv"))}


def confidence(how: str) -> float:
    return confidences().get(how, 0.0)


@lru_cache(maxsize=None)
def number_words() -> frozenset[str]:
    """Words that open an amount ("Twelve percent"), never a speaker's name."""
    return frozenset(_lines("number_words.txt"))


@lru_cache(maxsize=None)
def acts() -> dict[str, str]:
    """Cue words and speakers' head nouns -> the act they report (speech, thought, document)."""
    return dict(line.split("\t") for line in _lines("acts.tsv"))


@lru_cache(maxsize=None)
def count_nouns() -> frozenset[str]:
    """Words that count a group without naming it: "Hundreds of farmers" are farmers."""
    return frozenset(_lines("count_nouns.txt"))


@lru_cache(maxsize=None)
def focus_adverbs() -> frozenset[str]:
    """Adverbs that open a speaker phrase without naming anyone: "only four percent" are four percent."""
    return frozenset(_lines("focus_adverbs.txt"))


@lru_cache(maxsize=None)
def document_nouns() -> dict[str, str]:
    """Nouns of documents that speak -> the kind each names ("survey" -> "poll")."""
    return dict(line.split("\t") for line in _lines("document_nouns.tsv"))


@lru_cache(maxsize=None)
def document_verbs() -> frozenset[str]:
    """Verbs whose subject owns the document they take as object ("X conducted a poll")."""
    return frozenset(_lines("document_verbs.txt"))


@lru_cache(maxsize=None)
def newspaper_nouns() -> frozenset[str]:
    """Nouns that describe a newspaper ("the paper"): a body named like a paper comes first."""
    return frozenset(_lines("newspaper_nouns.txt"))
