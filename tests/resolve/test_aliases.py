"""Short names and role descriptions (kgbuild.resolve.aliases), on sentences written for the tests."""

from kgbuild.lexicon import PRONOUNS  # noqa: F401  (same fixtures as test_resolve)


def _entity_with(resolved, name):
    hits = [e for e in resolved.entities.values() if name == e.name or name in e.names]
    assert len(hits) == 1, f"{name!r} is on {len(hits)} entities"
    return hits[0]


def _names(entity):
    return {entity.name} | entity.names


def test_short_name_of_a_department(resolve):
    r = resolve("The State Department approved the sale on Monday. Officials at State said the deal was legal.")
    dept = _entity_with(r, "State Department")
    assert "State" in _names(dept)
    assert any(m.rule == "short-name" for m in r.merges if m.entity == dept.key)


def test_short_name_left_alone_when_two_longer_names_fit(resolve):
    r = resolve("The State Department and the Commerce Department disagreed. The Department said nothing.")
    assert not any({"State Department", "Commerce Department"} <= _names(e) for e in r.entities.values())


def test_company_name_with_suffix(resolve):
    r = resolve("Showa Shell Sekiyu KK raised prices on Monday. Showa Shell said demand was strong.")
    shell = _entity_with(r, "Showa Shell Sekiyu KK")
    assert "Showa Shell" in _names(shell)


def test_role_description_is_the_one_titled_person(resolve):
    r = resolve("Foreign Minister Mevlut Cavusoglu spoke on Thursday. Turkey's foreign minister said the spy was arrested.")
    person = _entity_with(r, "Mevlut Cavusoglu")
    assert "Turkey's foreign minister" in _names(person)
    assert any(m.rule == "role" for m in r.merges if m.entity == person.key)


def test_role_description_with_other_words_is_not_the_person(resolve):
    # a shadow chancellor is not the chancellor
    r = resolve("Tory shadow chancellor Oliver Letwin spoke on Monday. He said the chancellor was wrong.")
    letwin = _entity_with(r, "Oliver Letwin")
    assert "chancellor" not in letwin.names


def test_role_description_shared_by_two_people_is_left_alone(resolve):
    r = resolve("Prime Minister David Cameron met Prime Minister Shinzo Abe. The prime minister said talks went well.")
    for e in r.entities.values():
        assert not ({"David Cameron", "Shinzo Abe"} <= _names(e))
        if e.type == "Person":
            assert "prime minister" not in e.names


def test_role_right_before_a_name_is_a_title(resolve):
    r = resolve("The envoy was summoned, said India's external affairs spokesman Syed Akbaruddin.")
    person = _entity_with(r, "Syed Akbaruddin")
    assert "India's external affairs spokesman" in _names(person)


def test_missed_proper_name_joins_the_named_entity(resolve):
    r = resolve("Cyprus joined the union in 2004. Turkey refused to recognise Cyprus.")
    cyprus = [e for e in r.entities.values() if e.name == "Cyprus"]
    assert len(cyprus) == 1


def test_nationality_people(resolve):
    r = resolve("American officials met on Monday. The deal was sold to the American people.")
    americans = _entity_with(r, "American")
    assert "American people" in _names(americans)


def test_narrator_description_skips_names_inside_quotes(resolve):
    text = ('Scholes spoke to BT Sport on Monday. "I think Cisse was wrong. What Cisse did was bad. '
            'It was awful. It was a shame," he said. Later McManaman told the channel he agreed.')
    r = resolve(text)
    for e in r.entities.values():
        if "channel" in _names(e):
            assert "Cisse" not in _names(e)


def test_person_is_never_merged_with_the_show_named_after_them(resolve):
    r = resolve("Jon Stewart hosted The Daily Show With Jon Stewart. Stewart left the show. The host thanked fans.")
    for e in r.entities.values():
        if "Daily Show" in e.name:
            assert "Jon Stewart" not in e.names and "Stewart" not in e.names


def test_a_place_never_takes_a_persons_description(resolve):
    r = resolve("Officials in Bangladesh, the North Korean diplomat caught with the gold, left. Bangladesh protested.")
    bangladesh = _entity_with(r, "Bangladesh")
    assert not any("diplomat" in n for n in bangladesh.names)


def test_dateline_is_no_apposition_and_the_source_is_no_group(resolve):
    text = ("Rome (CNN)A militant group attacked the embassy on Monday. Hamas denied it, a spokesman told CNN. "
            "The group said it was not involved.")
    r = resolve(text)
    cnn = _entity_with(r, "CNN")
    assert not {"Rome", "group"} & _names(cnn)


def test_an_organisation_takes_no_plural_or_personal_description(resolve):
    r = resolve("He was charged with supporting ISIS, three counts in all. "
                "Jeffrey Toobin, CNN senior legal analyst, said so.")
    isi = _entity_with(r, "ISIS")
    assert not any("counts" in n for n in isi.names)
    cnn = _entity_with(r, "CNN")
    assert not any("analyst" in n for n in cnn.names)


def test_called_as_a_phone_call_names_nothing(resolve):
    r = resolve("President Barack Obama called U.S. Ambassador Mark Lippert on Friday. Obama wished him well.")
    obama = _entity_with(r, "Barack Obama")
    assert not any("Ambassador" in n for n in obama.names)


def test_a_group_called_x_is_still_named(resolve):
    r = resolve("A militant group called Ansar al-Sharia claimed the attack.")
    assert any({"Ansar al-Sharia"} & _names(e) and len(_names(e)) > 1 for e in r.entities.values())


def test_a_person_is_no_group_or_abstract_noun(resolve):
    r = resolve("Mohammed Emwazi, an Islamist extremist group, was named. Emwazi, a young version of himself, smiled.")
    emwazi = _entity_with(r, "Mohammed Emwazi")
    assert not any("group" in n or "version" in n for n in emwazi.names)


def test_possessor_names_the_body_a_person_belongs_to(resolve):
    r = resolve("Rep. Susan Brooks, a member of the select committee investigating the attack, spoke on Saturday. "
                "So far, Brooks' committee has received 300 emails.")
    brooks = _entity_with(r, "Susan Brooks")
    committee = [e for e in r.entities.values() if "Brooks' committee" in _names(e)]
    assert len(committee) == 1 and "select committee" in _names(committee[0])
    assert committee[0].key != brooks.key


def test_possessor_of_another_person_is_another_body(resolve):
    r = resolve("Jonathan Baume, of the top civil servants' union, spoke on Monday. "
                "Mark Serwotka said Mr Serwotka's union would strike.")
    for e in r.entities.values():
        assert not ({"top civil servants' union", "Mr Serwotka's union"} <= _names(e))


def test_the_house_is_not_the_white_house(resolve):
    r = resolve("The White House welcomed the vote. The bill passed the House on Tuesday.")
    for e in r.entities.values():
        assert not ({"White House", "House"} <= _names(e))


def test_far_or_clausal_apposition_is_no_name(resolve):
    r = resolve("After the jury did not indict the officer in the killing of teenager Michael Brown, a poll found "
                "that most people disagreed. In Washington, Congress will have to lift the sanctions -- a step "
                "that is hardly a given.")
    brown = _entity_with(r, "Michael Brown")
    assert not any("poll" in n for n in brown.names)
    congress = _entity_with(r, "Congress")
    assert not any("step" in n for n in congress.names)


def test_capitalised_word_before_a_name_is_a_title_only_if_a_role(resolve):
    r = resolve("Team Bush was dismayed on Monday. Speaker Jim Wright said the bill would pass.")
    assert not any("Team" in _names(e) and e.type == "Person" for e in r.entities.values())
    wright = _entity_with(r, "Jim Wright")
    assert "Speaker" in wright.names


def test_the_country_among_several_countries_is_left_alone(resolve):
    r = resolve("The mayor of Los Angeles flew to Mexico on Monday. The country welcomed the visit.")
    assert "country" in _entity_with(r, "Mexico").names  # Los Angeles is no country
    r = resolve("The president of Guatemala flew to Mexico on Monday. The country welcomed the visit.")
    for e in r.entities.values():
        if e.name in ("Guatemala", "Mexico"):
            assert "country" not in e.names
    r = resolve("Pakistan protested on Monday. The country said the verdict was wrong.")
    assert "country" in _entity_with(r, "Pakistan").names


def test_next_persons_title_and_numbers_are_not_descriptions(resolve):
    r = resolve("Guests included Australian Prime Minister Tony Abbott, Leader of the House of Commons William Hague "
                "and others. At one point Barack Obama predicted more laughs.")
    abbott = _entity_with(r, "Tony Abbott")
    assert not any("Commons" in n for n in abbott.names)
    obama = _entity_with(r, "Barack Obama")
    assert not any("point" in n for n in obama.names)


def test_an_office_of_a_place_before_a_name_is_that_person(resolve):
    r = resolve("Archbishop of Canterbury Roland Baines led prayers for the victims.")
    person = _entity_with(r, "Roland Baines")
    assert not [e for e in r.entities.values() if e.type == "Concept" and "Archbishop" in e.name]
    assert {(r.entities[s.subject].name, s.predicate) for s in r.statements} >= {
        ("Roland Baines", "lead"), ("Roland Baines", "archbishop_of")}
    assert any(m.rule == "title" for m in r.merges if m.entity == person.key)
