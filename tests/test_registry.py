"""The resolver's entity registry: lookups by name, role and position give what a scan of every entity gives."""

from attrib.speakers.entities import Entity
from attrib.speakers.registry import Registry
from attrib.speakers.roles import Role


def _role(head: str) -> Role:
    return Role(head, frozenset({head}))


def test_people_share_a_surname_in_order_of_creation():
    reg = Registry()
    ann = reg.add(Entity("person", ("ann", "lee"), "Ann Lee"))
    reg.add(Entity("organization", ("lee",), "Lee"))
    bo = reg.add(Entity("person", ("bo", "lee"), "Bo Lee"))
    reg.add(Entity("person", ("cy", "park"), "Cy Park"))
    assert reg.people(("lee",)) == [ann, bo]
    assert reg.people(("mr", "lee")) == [ann, bo]
    assert reg.people(("kim",)) == [] and reg.people(()) == []


def test_an_organisation_is_found_by_a_name_it_took_later_and_by_its_acronym():
    reg = Registry()
    short = reg.add(Entity("organization", ("ngb",), "NGB"))
    short.rename("National Grain Board", ("national", "grain", "board"), (1, 3))
    assert short in reg.organizations(("national", "grain", "board"), "ngb")
    assert short in reg.organizations(("ngb",), "ngb")  # the key it had before still finds it
    assert reg.organizations(("grain",), "g") == []


def test_a_role_holder_is_found_by_another_name_of_the_role():
    reg = Registry()
    person = reg.add(Entity("person", ("ana", "ruiz"), "Ana Ruiz"))
    person.add_roles([_role("justice")])
    # models/role_nouns.tsv lists "judge" and "justice" as names of one role
    assert reg.role_holders("judge") == [person]
    assert reg.role_holders("mayor") == []


def test_subjects_and_mentions_in_a_stretch_of_text_are_in_text_order_whatever_the_order_told():
    reg = Registry()
    a = reg.add(Entity("person", ("ann", "lee"), "Ann Lee"))
    b = reg.add(Entity("group", ("officials",), "officials"))
    a.add("Ann Lee", 50, subject_of=40)
    b.add("", 20, subject_of=10)
    a.add("", 5)
    assert reg.subjects_between(0, 100) == [(20, 10, b), (50, 40, a)]
    assert reg.subjects_between(21, 50) == []
    assert reg.mentioned_between(0, 30) == [a, b]  # in order of creation
    assert reg.mentioned_between(51, 100) == []


def test_last_mention_before_an_offset_when_mentions_were_told_out_of_order():
    e = Entity("person", ("ann", "lee"), "Ann Lee")
    for pos in (300, 100, 200):
        e.add("", pos)
    assert e.positions == [300, 100, 200]
    assert (e.last_before(250), e.last_before(100), e.last_before(1000)) == (200, None, 300)
