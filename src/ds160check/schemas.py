"""JSON Schemas of what the tool prints, built from the field catalogue so they never drift."""

from __future__ import annotations

from typing import Any

from ds160check.application import EXTRACT_SCHEMA
from ds160check.rules import Catalogue, FieldSpec, load_rules

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# What `--redact` makes of a date of birth (1988-••-••) and of a phone number (+77•••142).
_REDACTED_DATE_PATTERN = r"^\d{4}(-••(-••)?)?$"
_REDACTED_PHONE_PATTERN = r"^\+?\d{0,3}•••\d{0,3}$"
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
        "ocr_confidence": {"type": "number", "minimum": 0, "maximum": 100},
    },
}


def value_schema(type_name: str) -> dict[str, Any]:
    """The schema of one value of a catalogue type (``null`` allowed: DOES NOT APPLY)."""
    scalars: dict[str, dict[str, Any]] = {
        "date": {"type": "string", "pattern": f"{_DATE_PATTERN}|{_REDACTED_DATE_PATTERN}"},
        "bool": {"type": "boolean"},
        "money": _MONEY,
        "duration": _DURATION,
        "id": {"type": "string", "pattern": r"^[^\s\-a-z]*$"},
        "phone": {"type": "string", "pattern": rf"^\+?\d+$|{_REDACTED_PHONE_PATTERN}"},
    }
    scalar = scalars.get(type_name, {"type": "string"})
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


_VALUE_PAIR = {
    "anyOf": [
        {"type": "null"},
        {
            "type": "object",
            "required": ["raw", "normalized"],
            "additionalProperties": False,
            "properties": {"raw": {"type": ["string", "null"]}, "normalized": {}},
        },
    ]
}
_EVIDENCE = {
    "type": "object",
    "required": ["file", "role", "text"],
    "additionalProperties": False,
    "properties": {
        "file": {"type": "string"},
        "role": {"enum": ["old", "new", "evidence"]},
        "text": {"type": "string"},
        "page": {"type": "integer", "minimum": 1},
        "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
        "paragraph": {"type": "integer", "minimum": 0},
        "ocr_confidence": {"type": "number", "minimum": 0, "maximum": 100},
    },
}


_REVIEW: dict[str, Any] = {
    "decision": {"enum": ["accepted", "dismissed"]},
    "by": {"type": "string", "minLength": 1},
    "at": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z?)?$"},
    "reason": {"type": "string", "minLength": 1},
    "line": {"type": ["integer", "null"], "minimum": 1},
}


def _stale_decision_schema(catalogue: Catalogue) -> dict[str, Any]:
    from ds160check.comparison.codes import Code

    text = {"type": ["string", "null"]}
    now = {"anyOf": [{"type": "null"}, _closed({"old": text, "new": text})]}
    return _closed({**_REVIEW, "case": text, "code": {"enum": [c.value for c in Code]},
                    "field": {"enum": [*catalogue.fields, None]}, "old": text, "new": text,
                    "why": {"enum": ["changed", "gone"]}, "now": now})


def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``compare --format json``."""
    from ds160check.comparison.codes import ACTIONS, SEVERITIES, Code
    from ds160check.comparison.model import NOTICE_CODES, REPORT_SCHEMA
    from ds160check.rules.model import TRAP_FIELDS

    catalogue = load_rules().catalogue
    finding = {
        "type": "object",
        "required": [
            "code",
            "severity",
            "trap_field",
            "field",
            "old",
            "new",
            "score",
            "reason",
            "message",
            "action",
            "expected",
            "evidence",
        ],
        "additionalProperties": False,
        "properties": {
            "code": {"enum": [c.value for c in Code]},
            "severity": {"enum": list(SEVERITIES)},
            "trap_field": {"enum": [*TRAP_FIELDS, None]},
            "field": {"enum": [*catalogue.fields, None]},
            "old": _VALUE_PAIR,
            "new": _VALUE_PAIR,
            "score": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
            "reason": {"type": ["string", "null"]},
            "message": {"type": "string", "minLength": 1},
            "action": {"enum": list(ACTIONS)},
            "expected": {"type": ["string", "null"]},
            "evidence": {"type": "array", "items": _EVIDENCE},
            # Only under --decisions, on a finding a reviewer decided.
            "review": _closed(_REVIEW),
        },
    }
    application = {
        "type": "object",
        "required": ["file", "application_id", "date", "date_source", "location"],
        "additionalProperties": False,
        "properties": {
            "file": {"type": "string"},
            "application_id": {"type": ["string", "null"]},
            "date": {"type": ["string", "null"]},
            "date_source": {"enum": ["submitted", "printed", None]},
            "location": {"type": ["string", "null"]},
        },
    }
    case = {
        "anyOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["applicant", "old", "new"],
                "additionalProperties": False,
                "properties": {"applicant": {"type": ["string", "null"]}, "old": application,
                               "new": application},
            },
        ]
    }
    change = {
        "type": "object",
        "required": [
            "name",
            "title",
            "field",
            "old",
            "new",
            "kind",
            "material",
            "evidence_status",
            "evidence",
        ],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string"},
            "title": {"type": "string"},
            "field": {"enum": list(catalogue.fields)},
            "old": _VALUE_PAIR,
            "new": _VALUE_PAIR,
            "kind": {"type": "string"},
            "material": {"type": "boolean"},
            "evidence_status": {"enum": ["supported", "unsupported", "contradicted"]},
            "evidence": {"type": "array", "items": _EVIDENCE},
        },
    }
    document = {
        "type": "object",
        "required": ["path", "sha256", "kind", "role", "pages", "warnings"],
        "additionalProperties": False,
        "properties": {
            "path": {"type": "string"},
            "sha256": {"type": "string"},
            "kind": {"type": "string"},
            "role": {"enum": ["old", "new", "evidence"]},
            "pages": {"type": ["integer", "null"]},
            "warnings": {"type": "array", "items": {"type": "string"}},
        },
    }
    refusal = {
        "anyOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["type", "subtype", "subsections", "date", "post", "source", "quote",
                             "requested", "note", "meaning"],
                "additionalProperties": False,
                "properties": {
                    "type": {"enum": ["214b", "221g", "212a", "unknown", None]},
                    "subtype": {"enum": ["documents", "administrative_processing", None]},
                    "subsections": {"type": "array", "items": {"type": "string",
                                                               "pattern": r"^212\(a\)(\([0-9A-Za-z]+\))*$"}},
                    "date": {"type": ["string", "null"], "pattern": _DATE_PATTERN},
                    "post": {"type": ["string", "null"]},
                    "source": {"enum": ["letter", "ceac_status", "option"]},
                    "quote": {"anyOf": [{"type": "null"}, {
                        "type": "object", "required": ["text", "file", "page"],
                        "additionalProperties": False,
                        "properties": {"text": {"type": "string"}, "file": {"type": "string"},
                                       "page": {"type": ["integer", "null"]}}}]},
                    "requested": {"type": "array", "items": {"type": "string"}},
                    "note": {"type": ["string", "null"]},
                    "meaning": {"type": "string"},
                },
            },
        ]
    }
    notice = {
        "type": "object",
        "required": ["code", "message", "files"],
        "additionalProperties": False,
        "properties": {
            "code": {"enum": list(NOTICE_CODES)},
            "message": {"type": "string"},
            "files": {"type": "array", "items": {"type": "string"}},
        },
    }
    counts = {s: {"type": "integer", "minimum": 0} for s in SEVERITIES}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ds160check.invalid/schema/report-1.json",
        "title": REPORT_SCHEMA,
        "type": "object",
        "required": [
            "schema",
            "tool",
            "case",
            "documents",
            "refusal",
            "notices",
            "findings",
            "changes",
            "what_changed",
            "checklist",
            "summary",
        ],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": REPORT_SCHEMA},
            "tool": {
                "type": "object",
                "required": ["name", "version"],
                "additionalProperties": False,
                "properties": {"name": {"const": "ds160check"}, "version": {"type": "string"}},
            },
            "case": case,
            "documents": {"type": "array", "items": document},
            "refusal": refusal,
            "notices": {"type": "array", "items": notice},
            "findings": {"type": "array", "items": finding},
            "changes": {"type": "array", "items": change},
            "what_changed": {"type": "array", "items": {"type": "string"}},
            "checklist": {
                "type": "array",
                "minItems": 6,
                "maxItems": 6,
                "items": {
                    "type": "object",
                    "required": ["item", "status", "detail"],
                    "additionalProperties": False,
                    "properties": {
                        "item": {"type": "string"},
                        "status": {"enum": ["done", "missing", "unknown"]},
                        "detail": {"type": "string"},
                    },
                },
            },
            "summary": {
                "type": "object",
                "required": [*SEVERITIES, "verdict"],
                "additionalProperties": False,
                # dismissed: only under --decisions (dismissed findings count for no severity).
                "properties": {**counts, "verdict": {"type": "string"},
                               "dismissed": {"type": "integer", "minimum": 0}},
            },
            # Only under --decisions: the decisions no longer applied, and why.
            "stale_decisions": {"type": "array", "items": _stale_decision_schema(catalogue)},
        },
    }


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a batch case's ``report.json`` (``cases/<folder>/report.json``).

    Not the compare report: it wraps one compare report per comparison (the newest application
    against each earlier one) with what the batch adds: the folder, the applicant and the
    Application IDs, the case's notices, how the applications were ordered, and every file with
    what it was taken for. Paths are relative to the reports folder."""
    from ds160check.batch.model import CASE_SCHEMA, STATUSES
    from ds160check.comparison.codes import SEVERITIES

    report = report_schema()
    counts = {s: {"type": "integer", "minimum": 0} for s in SEVERITIES}
    text_list = {"type": "array", "items": {"type": "string"}}
    application = {"anyOf": [{"type": "null"}, _closed(
        {"application_id": {"type": ["string", "null"]}, "file": {"type": "string"}})]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ds160check.invalid/schema/case-1.json",
        "title": CASE_SCHEMA,
        **_closed({
            "schema": {"const": CASE_SCHEMA},
            "tool": report["properties"]["tool"],
            "folder": {"type": "string", "minLength": 1},
            "status": {"enum": list(STATUSES)},
            "verdict": {"type": "string", "minLength": 1},
            "summary": {"anyOf": [{"type": "null"}, _closed(counts)]},
            "applicant": _closed({"name": {"type": ["string", "null"]}, "application_ids": text_list,
                                  "old": application, "new": application}),
            "notices": report["properties"]["notices"],
            "order": {"anyOf": [{"type": "null"}, _closed({"method": {"type": "string"},
                                                           "explanation": {"type": "string"}})]},
            "notes": text_list,
            "errors": text_list,
            "files": {"type": "array", "items": _closed({
                "name": {"type": "string", "minLength": 1}, "path": {"type": "string", "minLength": 1},
                "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
                "taken_as": {"type": "string", "minLength": 1}, "detail": {"type": "string"}})},
            "comparisons": {"type": "array", "items": _closed({
                "old": {"type": "string"}, "new": {"type": "string"}, "report": {"$ref": "#/$defs/report"}})},
            "cross_case": cross_case_schema(),
        }),
        "$defs": {"report": {k: v for k, v in report.items() if k != "$schema"}},
    }


def summary_schema() -> dict[str, Any]:
    """The JSON Schema of a batch's ``summary.json``: one row per case, most urgent first (the
    same rows as ``summary.csv``, whose lists are joined with "; ")."""
    from ds160check.batch.model import ROW_KEYS, STATUSES
    from ds160check.batch.runner import BATCH_SCHEMA
    from ds160check.comparison.codes import SEVERITIES
    from ds160check.comparison.model import NOTICE_CODES

    report = report_schema()
    count = {"type": ["integer", "null"], "minimum": 0}
    text = {"type": ["string", "null"]}
    row: dict[str, Any] = dict.fromkeys(ROW_KEYS, text)
    row.update({s: count for s in SEVERITIES})
    row.update(dismissed=count, stale_decisions=count)  # --decisions: counted apart; 0 without
    row.update(
        folder={"type": "string", "minLength": 1}, status={"enum": list(STATUSES)},
        verdict={"type": "string", "minLength": 1},
        notices={"type": "array", "items": _closed({"code": {"enum": list(NOTICE_CODES)},
                                                    "message": {"type": "string"}})},
        contradicted=count, changes_supported=count, changes_unsupported=count,
        changes_contradicted=count, applications={"type": "integer", "minimum": 0},
        application_ids={"type": "array", "items": {"type": "string"}},
        undisclosed_refusal={"enum": ["yes", "no", None]},
        refusal_type={"type": ["string", "null"], "not": {"const": "none"}},
        errors={"type": "array", "items": {"type": "string"}},
        passed_over={"type": "array", "items": _closed({"name": {"type": "string"},
                                                        "reason": {"type": "string"}})},
        cross_case={"type": "array", "items": {"type": "string"}},
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ds160check.invalid/schema/summary-1.json",
        "title": BATCH_SCHEMA,
        **_closed({
            "schema": {"const": BATCH_SCHEMA},
            "tool": report["properties"]["tool"],
            "interrupted": {"type": "boolean"},
            "order": {"type": "string"},
            "totals": {"type": "object", "required": ["cases"],
                       "properties": {"cases": {"type": "integer", "minimum": 0}},
                       "additionalProperties": {"type": "integer", "minimum": 1}},
            "cases": {"type": "array", "items": _closed(row)},
            "cross_case": cross_case_schema(),
            "passed_over": _closed({"count": {"type": "integer", "minimum": 0},
                                    "entries": {"type": "array", "items": {"type": "string"}}}),
        }),
    }


def cross_case_schema() -> dict[str, Any]:
    """What the checks across client folders found (batch/cross_case.py): in summary.json, and
    in each case report the hits it is part of."""
    from ds160check.batch.fingerprints import KINDS

    names = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 2}
    files = {"type": "array", "minItems": 2, "items": _closed(
        {"case": {"type": "string", "minLength": 1}, "file": {"type": "string", "minLength": 1}})}
    return {"type": "array", "items": _closed({"kind": {"enum": list(KINDS)}, "cases": names, "files": files,
                                               "detail": {"type": "string", "minLength": 1}})}


def _closed(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, all required."""
    return {"type": "object", "required": list(properties), "additionalProperties": False,
            "properties": properties}


SCHEMAS = {"extract": extract_schema, "report": report_schema, "case": case_schema, "summary": summary_schema}
