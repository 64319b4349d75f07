"""Re-pointing a statement's object (kgbuild.resolve.repoint), on a document written for this test."""

from kgbuild.records import Document, Entity, ResolvedDocument, Statement
from kgbuild.resolve.repoint import entity_named, repoint_object, without_emptied

TEXT = "Tory MP Jane Hale spoke. The Conservative Party said Tory voters agreed."


def test_the_object_s_words_of_that_sentence_only_move_and_an_emptied_entity_goes():
    ents = {"p": Entity("p", "Person", "Jane Hale", spans=[(8, 17, "Jane Hale")]),
            "t": Entity("t", "Group", "Tory", spans=[(0, 4, "Tory"), (53, 57, "Tory")]),
            "c": Entity("c", "Organization", "the Conservative Party", spans=[(25, 47, "The Conservative Party")])}
    st = Statement("p", "work_for", "t", TEXT[:24], 0, 24, "is MP of", "Jane Hale", "Tory", 0.5, "title")
    assert entity_named(ents, "Organization", ("Conservative Party",)) == "c"
    moved = repoint_object(ents, st, Entity("c", "Organization", "Conservative Party"))
    assert moved.object == "c" and (0, 4, "Tory") in ents["c"].spans
    assert ents["t"].spans == [(53, 57, "Tory")]  # another sentence's word stays
    out = without_emptied(ResolvedDocument(Document("d", TEXT), ents, []), ents, [moved])
    assert "t" in out.entities  # it still has a mention
    ents["t"] = Entity("t", "Group", "Tory")
    assert "t" not in without_emptied(ResolvedDocument(Document("d", TEXT), ents, []), ents, [moved]).entities
