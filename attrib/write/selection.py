"""Which attributions a run keeps: by kind, speaker confidence, speaker type and act (``--speech-only``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import ArticleResult, Attribution

KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "other")


@dataclass(frozen=True)
class Selection:
    """The filters of the command line; an empty selection keeps every record."""

    kinds: frozenset[str] = frozenset()
    min_confidence: float = 0.0
    speaker_types: frozenset[str] = frozenset()
    speech_only: bool = False

    def __bool__(self) -> bool:
        return bool(self.kinds or self.min_confidence or self.speaker_types or self.speech_only)

    def keeps(self, record: Attribution | dict) -> bool:
        """Whether a record (an Attribution or its dict) passes every filter."""
        get = record.get if isinstance(record, dict) else lambda name: getattr(record, name, None)
        if self.kinds and get("kind") not in self.kinds:
            return False
        if self.speaker_types and get("speaker_type") not in self.speaker_types:
            return False
        # a record without a confidence (older output) is as sure as one without a speaker
        if self.min_confidence and not (get("speaker_confidence") or 0) >= self.min_confidence:
            return False
        # older output has no act: it cannot be shown to be speech
        return not self.speech_only or get("act") == "speech"

    def apply(self, result: ArticleResult) -> ArticleResult:
        """The article with the records this selection keeps (its speaker list stays the article's)."""
        if not self:
            return result
        return replace(result, attributions=[a for a in result.attributions if self.keeps(a)])
