"""Generated and mutated articles through the library: no exception, and every record keeps its invariants."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import article, violations

DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["0001-01-01", "9999-12-31"]))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(seed=st.integers(0, 2**32), date=DATES)
def test_generated_articles_keep_the_record_invariants(extractor, seed, date):
    text = article(random.Random(seed))
    for record in extractor.extract(text, date=date):
        assert violations(text, record.to_dict()) == []


@FUZZ
@given(text=st.text(min_size=1, max_size=400).filter(str.strip), date=DATES)
def test_arbitrary_text_keeps_the_record_invariants(extractor, text, date):
    for record in extractor.extract(text, date=date):
        assert violations(text, record.to_dict()) == []
