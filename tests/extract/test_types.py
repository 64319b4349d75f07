"""The typed results: their hand-written constructors keep to their fields."""

import dataclasses
import inspect

import pytest

from kgbuild.extract.types import Argument, Relation


@pytest.mark.parametrize("cls", [Argument, Relation])
def test_constructor_parameters_are_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is None  # made fresh per instance, as the factory would
        else:
            assert p.default is inspect.Parameter.empty


def test_made_as_dataclasses_make_them():
    arg = Argument(3, (2, 3), "the host")
    rel = Relation((arg,), "met", (1,), "meet", arg, None, "verb_object", 0.7, 0)
    assert arg == Argument(head=3, tokens=(2, 3), text="the host", role="arg")
    assert hash(arg) == hash(Argument(3, (2, 3), "the host"))
    assert rel.extra == {} and rel.extra is not Relation((), "", (), "", None, None, "", 0.5, 0).extra
    assert dataclasses.replace(rel, confidence=0.9) == rel.evolve(confidence=0.9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rel.confidence = 0.1
    assert repr(arg) == "Argument(head=3, tokens=(2, 3), text='the host', role='arg')"


def test_pickled_to_another_process_and_back():
    import pickle

    arg = Argument(3, (2, 3), "the host", role="subject")
    rel = Relation((arg,), "met", (1,), "meet", arg, None, "verb_object", 0.7, 0, extra={"subject_source": "conj"})
    assert pickle.loads(pickle.dumps(rel)) == rel and pickle.loads(pickle.dumps(arg)) == arg
