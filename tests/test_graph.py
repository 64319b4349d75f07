"""Cross-document merging in the KnowledgeGraph: one node per entity across articles, and no more."""

from kgbuild.graph import KnowledgeGraph
from kgbuild.records import Document, Entity, ResolvedDocument


def _doc(doc_id: str, *entities: tuple[str, str]) -> ResolvedDocument:
    """A resolved document holding the given (type, name) entities."""
    found = {f"e{i}": Entity(f"e{i}", type_, name, mentions=1) for i, (type_, name) in enumerate(entities)}
    return ResolvedDocument(Document(doc_id, "text"), found, [])


def _nodes_named(kg: KnowledgeGraph, name: str) -> set[str]:
    return {n for n, data in kg.entities() if name in data["names"]}


def test_a_full_name_is_one_node_across_documents():
    kg = KnowledgeGraph()
    kg.add_document(_doc("a", ("Person", "Mara Quill"), ("Place", "Lisbon")))
    kg.add_document(_doc("b", ("Person", "Mara Quill"), ("Organization", "Harbor Trust")))
    assert len(_nodes_named(kg, "Mara Quill")) == 1


def test_a_lone_surname_joins_the_one_person_of_that_surname():
    kg = KnowledgeGraph()
    kg.add_document(_doc("a", ("Person", "Mara Quill")))
    kg.add_document(_doc("b", ("Person", "Quill"), ("Organization", "Harbor Trust")))
    assert _nodes_named(kg, "Quill") == _nodes_named(kg, "Mara Quill")


def test_a_lone_surname_two_people_share_stays_apart_from_both():
    kg = KnowledgeGraph()
    kg.add_document(_doc("a", ("Person", "Mara Quill")))
    kg.add_document(_doc("b", ("Person", "Tobias Quill")))
    kg.add_document(_doc("c", ("Person", "Quill")))
    assert _nodes_named(kg, "Quill").isdisjoint(_nodes_named(kg, "Mara Quill") | _nodes_named(kg, "Tobias Quill"))


def test_one_word_names_in_unrelated_articles_are_different_people():
    kg = KnowledgeGraph()
    kg.add_document(_doc("storm", ("Person", "Jonah"), ("Organization", "Coastal Weather Service")))
    kg.add_document(_doc("match", ("Person", "Jonah"), ("Organization", "Redbank Rovers")))
    assert len(_nodes_named(kg, "Jonah")) == 2


def test_one_word_names_in_articles_sharing_a_name_are_one_person():
    kg = KnowledgeGraph()
    kg.add_document(_doc("album", ("Person", "Marisol"), ("Organization", "Bluefin Records")))
    kg.add_document(_doc("tour", ("Person", "Marisol"), ("Organization", "Bluefin Records"), ("Place", "Oslo")))
    assert len(_nodes_named(kg, "Marisol")) == 1


def test_a_name_common_to_most_articles_is_no_shared_context():
    kg = KnowledgeGraph()
    for i in range(10):  # the news source appears in every article
        kg.add_document(_doc(f"filler{i}", ("Organization", "Daily Wire Service")))
    kg.add_document(_doc("storm", ("Person", "Jonah"), ("Organization", "Daily Wire Service")))
    kg.add_document(_doc("match", ("Person", "Jonah"), ("Organization", "Daily Wire Service")))
    assert len(_nodes_named(kg, "Jonah")) == 2


def test_a_wrong_merge_in_one_article_does_not_reach_another():
    kg = KnowledgeGraph()
    merged = _doc("a", ("Person", "Mark Rathbun"))
    merged.entities["e0"].names.add("Daniel Montalvo")  # article a merged the two men by mistake
    kg.add_document(merged)
    kg.add_document(_doc("b", ("Person", "Montalvo")))
    assert _nodes_named(kg, "Montalvo").isdisjoint(_nodes_named(kg, "Mark Rathbun"))
    kg.add_document(_doc("c", ("Person", "Rathbun")))
    assert _nodes_named(kg, "Rathbun") == _nodes_named(kg, "Mark Rathbun")


def test_a_surname_an_article_kept_apart_does_not_join_its_full_name():
    kg = KnowledgeGraph()
    kg.add_document(_doc("a", ("Person", "Formula Shell"), ("Person", "Shell")))  # resolution kept them apart
    assert _nodes_named(kg, "Shell").isdisjoint(_nodes_named(kg, "Formula Shell"))


def test_quantities_and_concepts_of_two_articles_are_two_nodes():
    kg = KnowledgeGraph()
    kg.add_document(_doc("a", ("Quantity", "20 goals"), ("Concept", "report")))
    kg.add_document(_doc("b", ("Quantity", "20 goals"), ("Concept", "report")))
    assert len(_nodes_named(kg, "20 goals")) == 2
    assert len(_nodes_named(kg, "report")) == 2
