"""The document-level pair model: its features and the statements it adds, on sentences written for this test."""

from kgbuild.parse.tokens import table_of
from kgbuild.pipeline.stream import make_pipeline
from kgbuild.records import Document
from kgbuild.resolve.document import resolve_document
from kgbuild.resolve.pairs import PAIR_PATTERN, PairModel, add_pair_relations, document_pairs

TEXT = "Vakhsh is a town in the south of the region. It lies about sixty miles from Tajikistan's border."


def _resolved(nlp):
    parsed = nlp(TEXT)
    return resolve_document(Document("t", TEXT), parsed, parsed._.relations or [], table=table_of(parsed)), parsed


def test_pairs_have_type_and_distance_features():
    nlp = make_pipeline()
    resolved, parsed = _resolved(nlp)
    pairs = list(document_pairs(resolved, parsed))
    assert pairs
    assert all(features[0].count(">") == 1 for _, _, features, *_ in pairs)
    assert any(f.startswith(features[0] + "|sd=") for _, _, features, *_ in pairs for f in features)


def test_model_above_threshold_adds_a_typed_statement_with_provenance():
    nlp = make_pipeline()
    resolved, parsed = _resolved(nlp)
    model = PairModel({"properties": ["country"], "bias": [5.0], "thresholds": [0.5], "weights": {}})
    added = [st for st in add_pair_relations(resolved, parsed, model).statements if st.pattern == PAIR_PATTERN]
    assert added and all(st.predicate == "kg:country" for st in added)
    assert all(TEXT[st.sentence_start:st.sentence_end] == st.sentence for st in added)
    silent = PairModel({"properties": ["country"], "bias": [-5.0], "thresholds": [0.5], "weights": {}})
    assert not [st for st in add_pair_relations(resolved, parsed, silent).statements if st.pattern == PAIR_PATTERN]


def test_an_introduction_defines_its_subject_and_a_news_lead_does_not():
    from kgbuild.resolve.pairs import defines_its_subject

    nlp = make_pipeline()
    introductions = ["Kestrel Ridge is a village in Harlan County, Kentucky, United States.",
                     "The Brenner Dam is located on the Sill River near Innsbruck, Austria.",
                     "Marta Ilves (born 4 May 1971) is an Estonian painter who lives in Tartu."]
    leads = ["This is the man who has been accused of stealing the painting.",
             "Police arrested two men in Leeds on Friday after a raid on a warehouse.",
             "Shares in Acme Corp rose 5% on Monday, traders said."]
    assert [defines_its_subject(nlp(t)) for t in introductions] == [True, True, True]
    assert [defines_its_subject(nlp(t)) for t in leads] == [False, False, False]


def test_a_definition_the_parser_misreads_is_read_on_the_surface():
    from kgbuild.resolve.pairs import _defines_on_the_surface

    assert _defines_on_the_surface("Vello di Ponte, commonly called Vello (Ligurian: Vèllo), is a town in Liguria.")
    assert _defines_on_the_surface("Arno Kask (born Arnold Kask on 2 March 1960 in Tartu, Estonia) is an Estonian poet.")
    assert not _defines_on_the_surface("When I was a child, a neighbour used to call every evening.")
    assert not _defines_on_the_surface("The Church of Latter-day Saints, which is the largest sponsor of troops, says so.")
    assert not _defines_on_the_surface("Police said the man is a suspect in the robbery.")


def test_a_part_of_statement_comes_with_its_has_part():
    nlp = make_pipeline()
    resolved, parsed = _resolved(nlp)
    model = PairModel({"properties": ["partOf"], "bias": [5.0], "thresholds": [0.5], "weights": {}})
    added = {(st.subject, st.predicate, st.object) for st in add_pair_relations(resolved, parsed, model).statements
             if st.pattern == PAIR_PATTERN}
    assert added and all((o, "kg:hasPart", s) in added for s, p, o in added if p == "kg:partOf")


def test_pair_features_read_the_dependency_path_and_each_mention_s_governor():
    nlp = make_pipeline()
    text = "Vakhsh is a small town in the south of Tajikistan."
    parsed = nlp(text)
    resolved = resolve_document(Document("t", text), parsed, parsed._.relations or [], table=table_of(parsed))
    features = [f for _, _, fs, *_ in document_pairs(resolved, parsed) for f in fs]
    assert any("|path=" in f for f in features)
    assert any("_governor=" in f for f in features)


def test_the_default_build_uses_the_pair_model_on_introductions_only():
    from kgbuild import build_graph
    from kgbuild.config import BuildConfig

    nlp = make_pipeline()
    intro = "Vlore is a city in Albania on the Adriatic Sea."
    news = "Police in Vlore said on Friday that a ferry had sunk in the Adriatic Sea off Albania."

    def patterns(text, **settings):
        kg = build_graph([text], nlp=nlp, config=BuildConfig(**settings))
        return {d["statement"].pattern for _, _, d in kg.graph.edges(data=True)}

    assert PAIR_PATTERN in patterns(intro)
    assert PAIR_PATTERN not in patterns(news)
    assert PAIR_PATTERN not in patterns(intro, pair_relations=False)
