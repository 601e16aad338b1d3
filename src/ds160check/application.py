"""What ``extract`` returns: typed fields with provenance, and how it serialises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ds160check.model import Box

EXTRACT_SCHEMA = "ds160check.extract/1"


@dataclass(frozen=True)
class Span:
    """Where a value was printed: page (1-based), box, the label above it and the raw text."""

    page: int
    box: Box
    raw: str
    label: str
    # Read by OCR: the confidence (0-100) of its least sure word; None when from a text layer.
    ocr_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"page": self.page, "bbox": self.box.as_list(), "label": self.label,
                               "raw": self.raw}
        if self.ocr_confidence is not None:
            out["ocr_confidence"] = self.ocr_confidence
        return out


# A list field's provenance: per item a span, or per item a mapping sub-key → span.
ItemSpans = Span | dict[str, Span]


@dataclass(frozen=True)
class Field:
    """One catalogue key as read: its typed JSON value and where it came from."""

    key: str
    value: Any
    span: Span | None
    items: tuple[ItemSpans, ...] | None = None

    def provenance(self) -> Any:
        if self.items is not None:
            return [
                {sub: s.to_dict() for sub, s in item.items()}
                if isinstance(item, dict)
                else item.to_dict()
                for item in self.items
            ]
        return self.span.to_dict() if self.span is not None else None


@dataclass(frozen=True)
class Unreadable:
    """A value that was printed but could not be read as its type."""

    key: str
    raw: str
    reason: str
    span: Span | None


@dataclass(frozen=True)
class DocumentInfo:
    """The file an application was read from."""

    path: str
    sha256: str
    kind: str
    pages: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "kind": self.kind, "pages": self.pages}


@dataclass
class Application:
    """A DS-160 print-out or confirmation page, read."""

    document: DocumentInfo
    fields: dict[str, Field]
    warnings: list[str] = field(default_factory=list)
    unreadable: dict[str, Unreadable] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """The typed value of ``key`` (``default`` when absent)."""
        found = self.fields.get(key)
        return found.value if found is not None else default

    def __contains__(self, key: object) -> bool:
        return key in self.fields

    def values(self) -> dict[str, Any]:
        return {key: f.value for key, f in self.fields.items()}

    def to_dict(self) -> dict[str, Any]:
        """The ``ds160check.extract/1`` JSON object."""
        return {
            "schema": EXTRACT_SCHEMA,
            "document": self.document.to_dict(),
            "fields": {key: f.value for key, f in self.fields.items()},
            "provenance": {key: f.provenance() for key, f in self.fields.items()},
            "warnings": list(self.warnings),
        }
