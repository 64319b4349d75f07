"""Names inside names: "Texas" in "University of Texas Arlington", "Canada" in "Fan Expo Canada".

A name of an organisation, a place, an event or a work often contains the name of another entity. That
inner name is a mention of its own entity (coreference corpora such as GUM annotate it, and a reader who
asks "every sentence that mentions Texas" wants the university's sentences too). NER gives one span, so
the inner mention is found here, on the characters of the names the document already has.

An inner name counts when it is
- another named entity's name in the same document ("Google" of the article's Google, in "the Google
  Science Fair"), or
- a country or a first-level region (``kgbuild/data/countries.txt``, ``regions.txt``): "Canada" in "Comic
  Corps of Canada" is Canada even where the article never names it alone; that place becomes an entity.

A person's name is never searched (in "Mohamed El-Hassan Mohamed" "Mohamed" is not his son Ahmed
Mohamed), nor a description's.

Off by default (``BuildConfig.nested_mentions``, ``kgbuild build --nested-mentions``): corpora disagree on
whether an inner name is a mention. GUM annotates it, and with it GUM's CoNLL F1 rises (``bench/gum.py``);
Re-DocRED and most entity-linking corpora do not, and there a node's inner mentions overlap the longer
name's entity, so its scorer counts nearly twice the wrong merges (``bench/redocred_split.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator

from kgbuild.extract.patterns.typed import countries, regions
from kgbuild.records import Entity, ResolvedDocument

#: Types of entities whose names may hold other names.
CONTAINER_TYPES = frozenset({"Organization", "Place", "Event", "CreativeWork", "Product", "Law"})
#: Types of entities whose names are looked for inside other names.
INNER_TYPES = frozenset({"Organization", "Place", "Person", "Event", "Product", "CreativeWork"})
#: Words a name may have besides capitalised ones ("University of Texas", "Ben & Jerry").
_NAME_GLUE = frozenset({"of", "and", "&", "de", "for", "the"})


def _is_name(text: str) -> bool:
    """A proper name: every word capitalised or glue, and not starting with a determiner."""
    words = text.split()
    if not words or words[0].lower() in _NAME_GLUE or len(text) < 3:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_GLUE for w in words)


#: A word of a name, without the punctuation around it ("(For", "Technlogy)", "Google's").
_WORD = re.compile(r"[\w&][\w&.'-]*")
#: The longest inner name looked for, in words.
MAX_INNER_WORDS = 6


def _inner_names(words: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of every run of up to MAX_INNER_WORDS words in ``words`` but the whole."""
    tokens = [(m.start(), m.end() - (2 if m.group().endswith("'s") else 0)) for m in _WORD.finditer(words)]
    for i, (start, _) in enumerate(tokens):
        for j in range(i, min(i + MAX_INNER_WORDS, len(tokens))):
            end = tokens[j][1]
            if i == 0 and j == len(tokens) - 1:
                break
            yield start, end, words[start:end]


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The lower-cased countries and regions an inner name may be ("n.j." and its like are no words)."""
    return frozenset(w for w in countries() | regions() if "." not in w)


def add_nested_mentions(text: str, entities: dict[str, Entity]) -> dict[str, Entity]:
    """Add to ``entities`` (in place, and returned) the mentions that lie inside other entities' names.

    Parameters
    ----------
    text : str
        The document's text; every span is ``(begin, end, text[begin:end])``.
    entities : dict[str, Entity]
        The document's entities, by key. New entities get keys after the last.

    Example
    -------
    >>> text = "Google hosted the Google Science Fair in Fan Expo Canada."
    >>> ents = {"e0": Entity("e0", "Organization", "Google", spans=[(0, 6, "Google")]),
    ...         "e1": Entity("e1", "Event", "the Google Science Fair", spans=[(14, 37, "the Google Science Fair")]),
    ...         "e2": Entity("e2", "Organization", "Fan Expo Canada", spans=[(41, 56, "Fan Expo Canada")])}
    >>> out = add_nested_mentions(text, ents)
    >>> out["e0"].spans, out["e3"].name, out["e3"].spans
    ([(0, 6, 'Google'), (18, 24, 'Google')], 'Canada', [(50, 56, 'Canada')])
    """
    owner: dict[str, str] = {}  # inner name -> entity key; a name two entities share is nobody's
    for key, entity in entities.items():
        if entity.type not in INNER_TYPES:
            continue
        for name in {entity.name, *entity.names, *(t for _, _, t in entity.spans)}:
            if _is_name(name):
                owner[name] = key if owner.get(name, key) == key else ""
    places = _places()
    spans_of = {key: {(b, e) for b, e, _ in entity.spans} for key, entity in entities.items()}
    found: dict[str, list[tuple[int, int, str]]] = {}
    for key, entity in list(entities.items()):
        if entity.type not in CONTAINER_TYPES:
            continue
        for begin, _, words in entity.spans:
            for start, end, inner in _inner_names(words):
                b, e = begin + start, begin + end
                if inner in owner:
                    target = owner[inner]  # "" when two entities share the name
                else:
                    target = "place:" + inner if inner.lower() in places and _is_name(inner) else ""
                if not target or target == key or (b, e) in spans_of.get(target, ()):
                    continue
                found.setdefault(target, []).append((b, e, text[b:e]))
    for target, spans in found.items():
        if target.startswith("place:"):
            name, target = target[len("place:"):], f"e{len(entities)}"
            while target in entities:
                target += "n"
            entities[target] = Entity(key=target, type="Place", name=name, ner_label="GPE")
        entity = entities[target]
        entity.spans = sorted(set(entity.spans) | set(spans))
        entity.mentions += len(spans)
    return entities


def with_nested_mentions(resolved: ResolvedDocument, text: str) -> ResolvedDocument:
    """The resolved document with the mentions inside its names added (see ``add_nested_mentions``).

    ``text`` is the text the entities' spans index (the parsed Doc's). The input is left as it was.

    Example
    -------
    >>> from kgbuild.records import Document
    >>> text = "He joined the Royal Bank of Canada."
    >>> bank = Entity("e0", "Organization", "Royal Bank of Canada", spans=[(10, 34, "the Royal Bank of Canada")])
    >>> out = with_nested_mentions(ResolvedDocument(Document("d", text), {"e0": bank}, []), text)
    >>> [(e.name, e.spans) for e in out.entities.values()]
    [('Royal Bank of Canada', [(10, 34, 'the Royal Bank of Canada')]), ('Canada', [(28, 34, 'Canada')])]
    >>> len(bank.spans)
    1
    """
    entities = {key: dataclasses.replace(e, spans=list(e.spans), names=set(e.names)) for key, e in resolved.entities.items()}
    return dataclasses.replace(resolved, entities=add_nested_mentions(text, entities))
