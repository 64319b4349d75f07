"""Colours and names shared by the HTML viewer and the static picture, so both look alike."""

from __future__ import annotations

#: Fill colour of each entity type (colour-blind-friendly where the palette allows).
TYPE_COLORS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Place": "#59a14f",
    "Group": "#b07aa1",
    "Event": "#e15759",
    "Date": "#9c755f",
    "CreativeWork": "#ff9da7",
    "Product": "#76b7b2",
    "Law": "#8e6c8a",
    "Quantity": "#d4a6c8",
    "Language": "#17becf",
    "Concept": "#a3acb9",
    "Entity": "#79706e",
}

#: Edge colours: plain, denied (kg:negated true) and hedged (kg:modality).
EDGE_COLOR = "#8a94a6"
NEGATED_COLOR = "#d62728"
HEDGED_COLOR = "#e69f00"

_TYPE_LABELS = {"CreativeWork": "Creative work", "Entity": "Other"}


def type_label(name: str) -> str:
    """The legend name of an entity type.

    Example
    -------
    >>> type_label("CreativeWork")
    'Creative work'
    """
    return _TYPE_LABELS.get(name, name)


def type_color(name: str) -> str:
    """The fill colour of an entity type (grey for unknown types).

    Example
    -------
    >>> type_color("Person")
    '#4e79a7'
    """
    return TYPE_COLORS.get(name, TYPE_COLORS["Entity"])
