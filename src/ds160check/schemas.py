"""JSON Schemas of what the tool prints, built from the field catalogue so they never drift."""

from __future__ import annotations

from typing import Any

from ds160check.application import EXTRACT_SCHEMA
from ds160check.rules import Catalogue, FieldSpec, load_rules

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_MONEY = {
    "type": "object",
    "required": ["amount", "currency"],
    "additionalProperties": False,
    "properties": {
        "amount": {"type": "number"},
        "currency": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
    },
}
_DURATION = {
    "type": "object",
    "required": ["value", "unit"],
    "additionalProperties": False,
    "properties": {
        "value": {"type": "integer", "minimum": 0},
        "unit": {"enum": ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]},
    },
}
_SPAN = {
    "type": "object",
    "required": ["page", "bbox", "label", "raw"],
    "additionalProperties": False,
    "properties": {
        "page": {"type": "integer", "minimum": 1},
        "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
        "label": {"type": "string"},
        "raw": {"type": "string"},
    },
}


def value_schema(type_name: str) -> dict[str, Any]:
    """The schema of one value of a catalogue type (``null`` allowed: DOES NOT APPLY)."""
    scalar: dict[str, Any] = {
        "date": {"type": "string", "pattern": _DATE_PATTERN},
        "bool": {"type": "boolean"},
        "money": _MONEY,
        "duration": _DURATION,
        "id": {"type": "string", "pattern": r"^[^\s\-a-z]*$"},
        "phone": {"type": "string", "pattern": r"^\+?\d+$"},
    }.get(type_name, {"type": "string"})
    return {"anyOf": [scalar, {"type": "null"}]}


def field_schema(spec: FieldSpec) -> dict[str, Any]:
    if not spec.is_list:
        return value_schema(spec.type)
    if isinstance(spec.item, dict):
        item: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {sub: value_schema(t) for sub, t in spec.item.items()},
        }
    else:
        item = value_schema(spec.item or "text")
    return {"type": "array", "items": item}


def _provenance_schema(spec: FieldSpec) -> dict[str, Any]:
    if not spec.is_list:
        return {"anyOf": [_SPAN, {"type": "null"}]}
    if isinstance(spec.item, dict):
        return {"type": "array", "items": {"type": "object", "additionalProperties": _SPAN}}
    return {"type": "array", "items": {"anyOf": [_SPAN, {"type": "null"}]}}


def extract_schema(catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The JSON Schema of ``extract --format json``."""
    catalogue = catalogue or load_rules().catalogue
    specs = list(catalogue.fields.values())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ds160check.invalid/schema/extract-1.json",
        "title": EXTRACT_SCHEMA,
        "type": "object",
        "required": ["schema", "document", "fields", "provenance", "warnings"],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": EXTRACT_SCHEMA},
            "document": {
                "type": "object",
                "required": ["path", "sha256", "kind", "pages"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "kind": {"enum": ["print", "confirmation"]},
                    "pages": {"type": "integer", "minimum": 1},
                },
            },
            "fields": {
                "type": "object",
                "additionalProperties": False,
                "properties": {spec.key: field_schema(spec) for spec in specs},
            },
            "provenance": {
                "type": "object",
                "additionalProperties": False,
                "properties": {spec.key: _provenance_schema(spec) for spec in specs},
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
        },
    }


SCHEMAS = {"extract": extract_schema}
