"""The declarative rules of ``field_rules/``: loading, checking and their typed form."""

from ds160check.rules.load import check_rules, load_rules, load_rules_from
from ds160check.rules.model import Catalogue, FieldSpec, LabelSet, Marker, Row, Rules

__all__ = [
    "Catalogue",
    "FieldSpec",
    "LabelSet",
    "Marker",
    "Row",
    "Rules",
    "check_rules",
    "load_rules",
    "load_rules_from",
]
