"""Clusters of mentions: a union-find over mention ids that refuses merges of clashing types.

Used by the coreference rules (``kgbuild.resolve.coref`` and the modules of its
rules); every merge keeps its evidence (the two mentions and the rule's name).
"""

from __future__ import annotations

from collections.abc import Iterable

from kgbuild.lexicon import HONORIFICS, TYPE_GROUPS
from kgbuild.names import normalize
from kgbuild.resolve.mentions import Mention

PERSON = "PERSON"
_NOT_LABELS = frozenset({"CONCEPT", "PRONOUN"})
_NO_LABELS: frozenset[str] = frozenset()


class Clusters:
    """Union-find over mention ids, with the evidence of every merge."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.parent = list(range(len(mentions)))
        self.mentions = mentions
        self.evidence: list[tuple[int, int, str]] = []
        # members of every merged cluster by root (singletons are implicit): labels() without a scan of all mentions
        self._members: dict[int, list[int]] = {}
        # labels() and person_names() by root, kept up to date by union(): the rules ask for them again and again.
        # (Mention labels do not change once clustering has begun; _repair_person_labels runs before.)
        self._labels: dict[int, frozenset[str]] = {}
        self._person_names: dict[int, list[set[str]]] = {}

    def find(self, i: int) -> int:
        """The root of mention ``i``'s cluster (halving the path to it on the way)."""
        parent = self.parent
        if i >= len(parent):  # rules may add mentions (the noun before "also known as"): grow
            parent.extend(range(len(parent), len(self.mentions)))
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def labels(self, i: int) -> frozenset[str]:
        """The NER labels of the cluster of mention ``i`` (CONCEPT and PRONOUN left out)."""
        return self._root_labels(self.find(i))

    def person_names(self, i: int) -> list[set[str]]:
        """The words of each person name in the cluster of mention ``i`` (honorifics alone left out)."""
        return self._root_person_names(self.find(i))

    def _root_labels(self, root: int) -> frozenset[str]:
        labels = self._labels.get(root)
        if labels is None:
            members = self._members.get(root)
            if members is None:  # a mention alone: most are
                label = self.mentions[root].label
                labels = _NO_LABELS if label in _NOT_LABELS else frozenset((label,))
            else:
                labels = frozenset(self.mentions[j].label for j in members) - _NOT_LABELS
            self._labels[root] = labels
        return labels

    def _root_person_names(self, root: int) -> list[set[str]]:
        names = self._person_names.get(root)
        if names is None:
            names = self._person_names[root] = self._names_of(self._members.get(root, (root,)))
        return names

    def _names_of(self, members: Iterable[int]) -> list[set[str]]:
        names = [set(normalize(self.mentions[j].text).split()) for j in members if self.mentions[j].label == PERSON]
        return [n for n in names if n and not n <= HONORIFICS]

    def relabel(self, i: int, label: str) -> None:
        """Give mention ``i`` another label ("the 28-year-old" is a description of a person, not a date)."""
        self.mentions[i].label = label
        root = self.find(i)
        self._labels.pop(root, None)
        self._person_names.pop(root, None)

    def union(self, a: int, b: int, rule: str, force: bool = False) -> bool:
        """Merge the clusters of mentions ``a`` and ``b`` on the evidence of ``rule``.

        Parameters
        ----------
        a, b : int
            Mention ids.
        rule : str
            The rule's name, kept with the merge.
        force : bool
            Merge even when the clusters' types clash (the same name in one article).

        Returns
        -------
        bool
            Whether they were merged: False when already one cluster, or refused (a person and an
            organisation, two people of unrelated names).
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        labels = self._root_labels(ra) | self._root_labels(rb)
        groups = {TYPE_GROUPS.get(l, l) for l in labels}
        if not force and len(groups) > 1 and not groups <= {"org", "place"}:
            return False  # a person is never an organisation, whatever the rule says
        people_a, people_b = self._root_person_names(ra), self._root_person_names(rb)
        if people_a and people_b and not any(x <= y or y <= x for x in people_a for y in people_b):
            return False  # two people with unrelated names ("the chancellor" between Brown and Letwin)
        names = people_a + people_b  # in the order of the members below
        for root in (ra, rb):
            self._labels.pop(root, None)
            self._person_names.pop(root, None)
        root = min(ra, rb)
        self.parent[max(ra, rb)] = root
        self._members[root] = self._members.pop(ra, [ra]) + self._members.pop(rb, [rb])
        self._labels[root], self._person_names[root] = labels, names
        self.evidence.append((a, b, rule))
        return True
