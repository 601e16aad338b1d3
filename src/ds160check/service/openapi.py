"""The service's OpenAPI 3.1 document, served at ``/openapi.json``.

The response bodies are the JSON Schemas ``ds160check schema report|extract`` prints (OpenAPI
3.1 takes JSON Schema 2020-12 as it is), so the API and the command line describe one format.
"""

from __future__ import annotations

from typing import Any

from ds160check import __version__
from ds160check.service.settings import MAX_DOCUMENTS

_BINARY = {"type": "string", "format": "binary"}
_ERROR = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {"type": "string",
                             "description": "One line: the file (as uploaded) and the reason."}},
}
_OPTIONS = {
    "password": {"type": "string", "description": "Password of an encrypted PDF."},
    "redact": {"type": "string", "enum": ["true", "false"], "default": "false",
               "description": "Mask passport, ID, visa and phone numbers, emails and dates of birth."},
}
_COMPARE_OPTIONS = {
    "refused": {"type": "string", "description": "The refusal of OLD by hand: 214b or 221g (any spelling)."},
    "refusal_date": {"type": "string", "description": "Date of the refusal (e.g. 2025-03-12)."},
    "min_days": {"type": "string", "pattern": "^[0-9]+$",
                 "description": "REAPPLIED_TOO_SOON below this many days after the refusal (default 30)."},
}


def _errors(*statuses: tuple[str, str]) -> dict[str, Any]:
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {code: {"description": text, "content": body} for code, text in statuses}


_COMMON_ERRORS = (
    ("400", "A form or option that cannot be meant."),
    ("401", "No or a wrong bearer token (when the service has --token-file)."),
    ("413", "A file over --max-size (checked while it streams), or the request's files over 4 times it."),
    ("415", "Not multipart/form-data."),
    ("422", "OLD, NEW or FILE cannot be read: the command line's one-line message."),
    ("503", "Busy: more requests than --jobs plus --queue; try again (Retry-After)."),
)


def _form(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": required, "properties": properties}}}}


def openapi_document(token_required: bool) -> dict[str, Any]:
    """The document; ``token_required`` adds the bearer scheme to the checking endpoints."""
    security: list[dict[str, list[str]]] = [{"bearer": []}] if token_required else []
    compare = {
        "summary": "Compare the refused DS-160 with the new one (compare --format json)",
        "description": "The report of `ds160check compare OLD NEW DOCUMENTS… --format json`, paths being "
                       "the uploaded file names. A supporting document that cannot be read is listed "
                       "with a DOCUMENT_UNREADABLE notice (200), as compare does.",
        "requestBody": _form({"old": _BINARY, "new": _BINARY,
                              "documents": {"type": "array", "items": _BINARY, "maxItems": MAX_DOCUMENTS},
                              **_COMPARE_OPTIONS, **_OPTIONS}, ["old", "new"]),
        "responses": {"200": {"description": "The report.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Report"}}}}, **_errors(*_COMMON_ERRORS)},
        "security": security,
    }
    extract = {
        "summary": "Read one DS-160 print-out or confirmation page (extract --format json)",
        "requestBody": _form({"file": _BINARY, "backend": {"type": "string", "enum": ["pdfium", "plumber"]},
                              **_OPTIONS}, ["file"]),
        "responses": {"200": {"description": "The fields read.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Extract"}}}}, **_errors(*_COMMON_ERRORS)},
        "security": security,
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "ds160check", "version": __version__,
                 "description": "Check a US visa re-application (DS-160) against the refused one. Nothing "
                                "is kept after the response."},
        "paths": {
            "/v1/compare": {"post": compare},
            "/v1/extract": {"post": extract},
            "/healthz": {"get": {"summary": "Alive, with the pool's state", "security": [],
                                 "responses": {"200": {"description": "Serving."}}}},
            "/openapi.json": {"get": {"summary": "This document", "security": security,
                                      "responses": {"200": {"description": "OpenAPI 3.1."}}}},
        },
        "components": {
            "schemas": {"Report": _schema("report"), "Extract": _schema("extract"), "Error": _ERROR},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _schema(name: str) -> dict[str, Any]:
    from ds160check.schemas import SCHEMAS

    schema = dict(SCHEMAS[name]())
    schema.pop("$schema", None)  # the dialect is OpenAPI 3.1's own
    return schema
