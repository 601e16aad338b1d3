"""Supporting documents: PDF and DOCX files read as text spans, and what they say.

    >>> doc = load_document("refusal.docx")
    >>> refusal = read_refusal(doc)
    >>> refusal.type, refusal.post
    ('214b', 'ASTANA')
"""

from __future__ import annotations

from ds160check.documents.ingest import (
    MAX_DOCX_UNPACKED_BYTES,
    MAX_DOCX_XML_BYTES,
    DocumentFormat,
    SpanPart,
    TextDocument,
    TextSpan,
    load_document,
)
from ds160check.documents.refusal import (
    Refusal,
    RefusalRules,
    load_refusal_rules,
    read_confirmation_hint,
    read_refusal,
)

__all__ = [
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_DOCX_XML_BYTES",
    "DocumentFormat",
    "Refusal",
    "RefusalRules",
    "SpanPart",
    "TextDocument",
    "TextSpan",
    "load_document",
    "load_refusal_rules",
    "read_confirmation_hint",
    "read_refusal",
]
