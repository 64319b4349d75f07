"""Date normalisation against the article date."""

import datetime as dt

from rdflib.namespace import RDF, XSD

from kgbuild import Document, build_graph
from kgbuild.dates import normalize_date
from kgbuild.rdf.export import to_rdflib
from kgbuild.rdf.vocab import KG

FRIDAY = dt.date(2011, 10, 21)


def test_relative_dates_resolve_against_the_article_date():
    assert normalize_date("Thursday", FRIDAY) == "2011-10-20"
    assert normalize_date("on Friday", FRIDAY) == "2011-10-21"
    assert normalize_date("yesterday", FRIDAY) == "2011-10-20"
    assert normalize_date("in September", FRIDAY) == "2011-09"
    assert normalize_date("December", FRIDAY) == "2010-12"
    assert normalize_date("last year", FRIDAY) == "2010"


def test_absolute_dates_need_no_reference():
    assert normalize_date("5 March 2015") == "2015-03-05"
    assert normalize_date("March 5, 2014") == "2014-03-05"
    assert normalize_date("2011") == "2011"


def test_unclear_dates_are_left_alone():
    assert normalize_date("Thursday") is None
    assert normalize_date("this summer", FRIDAY) is None
    assert normalize_date("the 1980s") is None


def test_statement_time_is_normalised_in_the_graph(nlp):
    kg = build_graph([Document("d", "Clinton met Pakistani journalists on Thursday.", date="2011-10-21")], nlp=nlp)
    g = to_rdflib(kg)
    times = {(str(t), t.datatype) for t in g.objects(None, KG.normalizedTime)}
    assert times == {("2011-10-20", XSD.date)}
    dates = [n for n in g.subjects(RDF.type, KG.Date)]
    assert any(str(g.value(n, KG.normalizedDate)) == "2011-10-20" for n in dates)
