"""Anaphora: the entity a pronoun or a role description points to, by agreement and salience.

A pronoun takes the subject earlier in its paragraph, else the last speaker in reach, else the
latest subject, and stays unresolved between equal candidates; "the nominee" takes the person the
article gave that role, else the person in focus; the writer's "I" is the author the text names.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..lexicon import RoleNoun, newspaper_nouns, organization_nouns, outlet_words, role_nouns, study_nouns
from ..nlp.labels import DEFINITE_DETERMINERS, DETERMINERS, PLURAL_NOUN_TAGS, SUBJECTS
from ..nlp.spans import sentence
from .entities import Entity, most_recent
from .mentions import author_span, paragraph_start
from .names import fold, name_key
from .phrases import unnamed_study
from .roles import description_head, same_role

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# the pronouns that outside quotation marks are the writer's or the reader's
WRITER_PRONOUNS = frozenset({"you", "i", "me", "my", "we"})
# how far back a pronoun may look for its entity, in paragraphs
PRONOUN_REACH = 2
# what "the 52-year-old" says of its holder: a person of either sex, holding no office
AGE_NOUN = RoleNoun(None, False, frozenset())


class Anaphora:
    """Pronoun and description resolution over the entities a ``Resolver`` holds (a mixin)."""

    def _pronoun(self, head: Token, pos: int) -> Entity | None:
        word = head.lower_
        if word in WRITER_PRONOUNS and not self.quoted(pos) and (writer := self._writer(word, pos)) is not None:
            return writer
        window_start = paragraph_start(self.text, pos, PRONOUN_REACH)
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            reporter = self._reporter(head, gender)
            if reporter is not None:
                self.how = "pronoun, paragraph subject"
                return reporter
            # the one person subject earlier in the paragraph, even of unknown sex ("Figueroa said ... she")
            topic = self._paragraph_subject(lambda e: e.type == "person" and e.gender in (gender, None), pos)
            if topic is not None:
                self.how = f"pronoun, {self.salience}"
                return topic
            # the one person of that sex the paragraph named before it, as a subject or not ("Reed's best year ... he")
            named = self._paragraph_person(gender, pos)
            if named is not None:
                self.how = "pronoun, paragraph subject"
                return named
            # the speaker just before, a person of unknown sex ("Rep. Jody Hale said ...\n\n"..." he said"), goes on
            # speaking: an earlier speaker of the pronoun's sex does not take the turn back
            last = self._last_speaker(window_start, gender, pos)
            if last is not None:
                self.how = "pronoun, last speaker"
                return last
            # a person of that sex first, then one of unknown sex
            kinds = [
                lambda e: e.type == "person" and e.gender == gender,
                lambda e: e.type == "person" and e.gender is None,
            ]
        elif word in ("they", "their") or head.pos_ == "NUM":  # "the two" counts a group "they" would name
            # groups first; an organisation only when no group is in reach
            kinds = [
                lambda e: e.type in ("group", "anonymous"),
                lambda e: e.type == "organization" and e.label != "GPE",
            ]
        elif word in ("it", "its"):
            # an unnamed study speaks too ("The report says ... It also points out")
            # and so does a document the article named ("The ad, titled ..., ends with a vow. It also says")
            kinds = [lambda e: e.type == "organization" or _unnamed_study(e) or self.is_document(e)]
        else:
            return None
        for ok in kinds:
            found = self._salient(ok, window_start, pos)
            if found is None and word in PERSON_PRONOUNS:
                return self._sentence_person(head, PERSON_PRONOUNS[word])  # equals in reach: its own sentence decides
            if found is not False:
                self.how = f"pronoun, {self.salience}"
                return found
        if word not in PERSON_PRONOUNS:
            return self._owned_body(head, pos) if word == "it" else None
        return self._person_like_subject(window_start, pos) or self._sentence_person(head, PERSON_PRONOUNS[word])

    def _owned_body(self, head: Token, pos: int) -> Entity | None:
        """ "Hale's campaign issued a correction. ... it said": with no body in reach, the last subject of the paragraph
        that is a body named by its owner ("Tom Hale's campaign", as the phrase itself would be resolved)."""
        start = paragraph_start(self.text, pos, 0)
        i = head.i - 1
        while i >= 0 and self.doc[i].idx >= start:
            t = self.doc[i]
            if t.dep_ in SUBJECTS and t.lower_ in organization_nouns() and t.tag_ not in PLURAL_NOUN_TAGS:
                owned = self._owned(self.doc[t.left_edge.i : t.i + 1], t)
                if owned:
                    self.how = "pronoun, other"
                    return self._phrase_entity(owned, "organization", None)
            i -= 1
        return None

    def _writer(self, word: str, pos: int) -> Entity | None:
        """The writer's own pronouns outside quotation marks: "you" is the reader, "I" the author (or the person a
        headline's label names), "we" the author where the text names one."""
        if word == "you":
            self.how = "generic you"  # the writer's generic "you" outside quotation marks addresses the reader
            return self._phrase_entity("reader", "other", None)
        self.how = "author"
        if word == "we":
            return self._author()  # the writer's own "we", where the text names the writer
        # a headline's "Ruiz: I back the plan" is Ruiz's; else the writer's "I" is the author the text names
        return self._headline_label(pos) or self._author()

    def _last_speaker(self, window_start: int, gender: str, pos: int) -> Entity | None:
        """The speaker resolved last in [window_start, pos) when it is a person of unknown sex whom no subject of the
        pronoun's sex followed and no pronoun of the other sex is tied to, else None."""
        start, end = bisect_left(self.resolved, (window_start,)), bisect_left(self.resolved, (pos,))
        if end == start:
            return None
        said, _, last = max(self.resolved[start:end], key=lambda x: x[1])
        other = "f" if gender == "m" else "m"
        if last.type != "person" or last.gender is not None or last.pronouns[other]:
            return None
        # "Odell said ... Nora Pell had a complaint. ... she said": a later subject of the pronoun's sex is its topic
        later = self.registry.subjects_between(said + 1, pos)
        return None if any(e.type == "person" and e.gender == gender for _, _, e in later) else last

    def _paragraph_person(self, gender: str, pos: int) -> Entity | None:
        """The one person of the pronoun's sex named earlier in its paragraph, outside quotation marks, else None."""
        here = paragraph_start(self.text, pos, 0)
        people = {
            id(e): e
            for p, e in self.registry.mentions_between(here, pos)
            if e.type == "person" and e.gender == gender and not self.quoted(p)
        }
        return people.popitem()[1] if len(people) == 1 else None

    def _person_like_subject(self, window_start: int, pos: int) -> Entity | None:
        """ "Burton explained ... "I love cats," he said.": with no person in reach, the one subject named by a single
        word the NER took for a body is the person "he" or "she" stands for (a body is "it")."""
        subjects = self.registry.subjects_between(window_start, pos)
        found = {
            id(e): e
            for p, _, e in subjects
            if e.type == "organization"
            and e.label == "ORG"
            and len(e.key) == 1
            and not e.name.isupper()
            and not self.quoted(p)
        }
        if len(found) != 1:
            return None
        self.how = "pronoun, other"
        return self.registry.retype(found.popitem()[1], "person")

    def _reporter(self, head: Token, gender: str) -> Entity | None:
        """ "Mr. Reed said that he ..." and "When he wrote the book, Mr. Reed said ...": the subject of what a
        named person says, or of a clause put before that person's name, is that person when the sex fits."""
        verb = head.head
        main = verb.head
        named = next((c for c in main.children if c.dep_ in SUBJECTS and c.ent_type_ == "PERSON"), None)
        if head.dep_ not in SUBJECTS or named is None or self.quoted(named.idx):
            return None
        said = verb.dep_ == "ccomp" and named.i < head.i
        fronted = verb.dep_ == "advcl" and head.i < named.i and verb.i < main.i
        if not (said or fronted):
            return None
        person = self._person_for((fold(named.text),), named.idx)
        return person if person is not None and person.gender in (gender, None) else None

    def _sentence_person(self, head: Token, gender: str) -> Entity | None:
        """ "As for Reed, he was subdued", "Reed's plan works when he says ...": the one person named before a subject
        pronoun in its own sentence, outside quotation marks, when the sex fits."""
        start = sentence(head).start_char
        if head.dep_ not in SUBJECTS or self.quoted(start) or self.quoted(head.idx):
            return None
        people = [e for e in self.registry.mentioned_between(start, head.idx) if e.type == "person"]
        if len(people) != 1 or people[0].gender not in (gender, None):
            return None
        return people[0]

    def _both(self, head: Token, pos: int) -> Entity | None:
        """ "both candidates": the pair of named people in reach ("Ana Ruiz and Tom Hale"), as "the two" would be."""
        if head.tag_ not in PLURAL_NOUN_TAGS or not any(c.lower_ == "both" for c in head.children):
            return None
        window_start = paragraph_start(self.text, pos, PRONOUN_REACH)
        found = self._salient(lambda e: e.type == "group" and _pair(e), window_start, pos)
        if not found:
            return None
        self.how = f"pronoun, {self.salience}"
        return found

    def _named_group(self, head: Token, pos: int) -> Entity | None:
        """ "The officials" after "Israeli officials said": the group in reach named with that noun and more."""
        bare = all(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children)
        if head.tag_ not in PLURAL_NOUN_TAGS or head.pos_ != "NOUN" or not bare or not list(head.children):
            return None
        window_start = paragraph_start(self.text, pos, PRONOUN_REACH)
        groups = [
            e
            for e in self.registry.mentioned_between(window_start, pos)
            if e.type in ("group", "anonymous") and len(e.key) > 1 and e.key[-1] == head.lower_
        ]
        found = most_recent(groups, pos)
        if found is not None:
            self.how = "role"
        return found

    def _headline_label(self, pos: int) -> Entity | None:
        """The person a headline names before a colon ("Ruiz: I back the plan"), for an "I" after it."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if not (self.in_headline(pos) or line_start == 0):  # the first line is the headline, whatever its case
            return None
        label = self.text[line_start:pos].split(":")
        if len(label) != 2 or not label[0].strip():
            return None
        return self._person_for(name_key(label[0].split()), pos)

    def _author(self) -> Entity | None:
        where = author_span(self.text)
        span = self.doc.char_span(*where, alignment_mode="expand") if where else None
        return self._person(span, span.start_char, []) if span is not None else None

    def _paragraph_subject(self, ok, pos: int) -> Entity | None:
        """The one compatible entity that is a subject earlier in the paragraph, else None."""
        # the subject of the sentence just before, in the same paragraph, is the topic a pronoun continues
        here = paragraph_start(self.text, pos, 0)
        # subjects inside quotation marks are the speaker's words, not the writer's topic
        previous = [(p, e) for p, _, e in self.registry.subjects_between(here, pos) if ok(e) and not self.quoted(p)]
        if previous and len({id(e) for _, e in previous}) == 1:
            self.salience = "paragraph subject"
            return max(previous, key=lambda x: x[0])[1]
        return None

    def _salient(self, ok, window_start: int, pos: int) -> Entity | None | bool:
        """The compatible entity to prefer, None when candidates tie, False when there is none."""
        topic = self._paragraph_subject(ok, pos)
        if topic is not None:
            return topic
        # the last speaker, when compatible: news keeps one speaker through a run of sentences
        start = bisect_left(self.resolved, (window_start,))
        end = bisect_left(self.resolved, (pos,))
        speakers = [(order, e) for _, order, e in self.resolved[start:end] if ok(e)]
        self.salience = "last speaker"
        if speakers:
            return max(speakers, key=lambda x: x[0])[1]  # the one resolved last
        self.salience = "other"
        subjects = self.registry.subjects_between(window_start, pos)
        subjects = [(p, s, e) for p, s, e in subjects if ok(e) and not self.quoted(p)]
        if subjects:
            _, sentence, entity = subjects[-1]
            rivals = {id(e) for _, s, e in subjects if s == sentence and e is not entity}
            # coordinated subjects ("John Baker and Tom Reed argued") are equal candidates
            return None if rivals else entity
        near = [e for e in self.registry.mentioned_between(window_start, pos) if ok(e)]
        if not near:
            return False
        return near[0] if len(near) == 1 else None

    def _kin(self, head: Token, word: str, pos: int) -> Entity | None:
        """The writer's "my father" (``word``: the description's head): the one person of the noun's sex whom
        the article calls the writer's father, or one of the writer's parents ("my parents, Joe and Ann Smith"),
        before or after."""
        if self.quoted(pos) or not any(c.lower_ == "my" for c in head.children):
            return None  # a quoted "my" is the speaker's
        noun = role_nouns().get(word)
        sex = noun.sex if noun is not None else None
        holders = [
            e
            for e in self.registry.role_holders(word)
            if e.type == "person"
            and e.gender in (sex, None)
            and any("my" in r.words and same_role(word, r.head) for r in e.roles)
        ]
        if len(holders) != 1:
            return None
        self.how = "role"
        holders[0].gender = holders[0].gender or sex  # "my father" says he is a man
        return holders[0]

    def _study(self, head: Token, pos: int) -> Entity | None:
        """ "the report", "this finding": the study the article described last, whatever noun described it."""
        definite = any(c.lower_ in DEFINITE_DETERMINERS for c in head.children)
        if not definite or unnamed_study(head) is None or self.quoted(pos):
            return None
        studies = [e for e in self.registry.studies() if _unnamed_study(e)]
        found = most_recent([e for e in studies if e.last_before(pos) is not None], pos)
        self.how = "role" if found is not None else self.how
        return found

    def _description(self, head: Token, pos: int) -> Entity | None:
        """ "the senator", "the nominee", "the company": the entity the article gave that role or
        title, the modifiers deciding between several ("the Vermont senator"); else, for a person
        noun, the person in the focus of the last sentences whom no other office rules out."""
        if head.tag_ in PLURAL_NOUN_TAGS:
            return None
        word = description_head(head)
        if (found := self._kin(head, word, pos) or self._study(head, pos)) is not None:
            return found
        bare = not any(c.dep_ == "det" for c in head.children)  # a headline's "Judge rejects ..."
        if (bare or any(c.lower_ in ("a", "an") for c in head.children)) and self._in_lede(pos):
            # a lede keeps the name for later ("A judge ruled ... Justice Ana Ruiz wrote"): the one holder of the role
            holders = [e for e in self.registry.role_holders(word) if e.type == "person"]
            holders.sort(key=lambda e: len(e.positions), reverse=True)
            self.how = "role"
            # several holders: the one the article is about, mentioned most ("Senator from Texas Says ...")
            if len(holders) == 1 or len(holders) > 1 and len(holders[0].positions) > len(holders[1].positions):
                return holders[0]
            return None
        if not any(c.lower_ == "the" for c in head.children):
            return None
        if (found := self._role_or_name_holder(head, word, pos)) is not None:
            return found
        # "said the 52-year-old": an age describes a person as a role noun does
        noun = AGE_NOUN if is_age(head) else role_nouns().get(word)
        if noun is None:
            return None

        # a person described by a role the article never gave anyone is the person in focus, of
        # the noun's sex first ("the first lady"); holding another office rules one out of an office
        def free(e: Entity) -> bool:
            offices = {r.head for r in e.roles if r.head in role_nouns() and role_nouns()[r.head].office}
            return e.type == "person" and not (noun.office and offices - noun.same)

        sexes = [noun.sex, None] if noun.sex else ["any"]
        start = paragraph_start(self.text, pos, PRONOUN_REACH)
        self.how = "focus"
        for sex in sexes:
            found = self._salient(lambda e, sex=sex: free(e) and sex in ("any", e.gender), start, pos)
            if found is not False:
                return found
        return None

    def _role_or_name_holder(self, head: Token, word: str, pos: int) -> Entity | None:
        """ "the senator", "the campaign", "the company": the entity mentioned before that holds the role, whose name
        ends in the word, or of that kind, the one sharing most of the description's modifiers, latest first."""
        modifiers = {fold(t.text) for t in head.subtree if t.i != head.i and t.lower_ not in DETERMINERS} - {""}
        # a name among the modifiers ("the Saudi government") rules out organisations without it
        proper = {fold(t.text) for t in head.subtree if t.i != head.i and t.ent_type_ in ("NORP", "GPE")}
        scored = []
        kind = word in organization_nouns()  # "the company": any organisation the NER labelled ORG
        for e in self.registry.described(word, kind):
            if e.last_before(pos) is None:
                continue
            roles = [r for r in e.roles if same_role(word, r.head)]
            kind_noun = kind and e.label == "ORG"
            # a role or a name's own words ("the campaign": "the Clinton campaign") before a kind ("the company")
            named_kind = e.type in ("organization", "other") and len(e.key) > 1 and e.key[-1] == word
            if e.type == "person" and roles:
                scored.append((len(modifiers & set().union(*(r.words for r in e.roles))), True, e))
            elif named_kind or e.type == "organization" and roles:
                scored.append((len(modifiers & set(e.key)), True, e))
            elif e.type == "organization" and (word in e.key or kind_noun) and not proper - set(e.key):
                # "the paper" is a body named like a paper ("Global Times") before any other
                outlet = word in newspaper_nouns() and e.key[-1] in outlet_words()
                scored.append((len(modifiers & set(e.key)), outlet, e))
        if not scored:
            return None
        self.how = "role"
        best = max(score for *score, _ in scored)
        return most_recent([e for *score, e in scored if score == best], pos)


def is_age(head: Token) -> bool:
    """Whether the phrase is an age standing for a person: "the 52-year-old" (spaCy's head is "old")."""
    years = any(c.dep_ == "npadvmod" and c.lower_ in ("year", "years") for c in head.children)
    return head.lower_ == "old" and years and any(c.lower_ == "the" for c in head.children)


def _unnamed_study(entity: Entity) -> bool:
    """An entity for a study the article names by its noun alone ("study", "report")."""
    return entity.type == "other" and len(entity.key) == 1 and entity.key[0] in study_nouns()


def _pair(entity: Entity) -> bool:
    """A group named by two names joined by "and" ("Ana Ruiz and Tom Hale")."""
    names = entity.name.split(" and ")
    return len(names) == 2 and "," not in entity.name and all(n[:1].isupper() for n in names)
