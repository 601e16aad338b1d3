"""Supporting documents as evidence: what each one is, what it says, and which change it proves.

    rules.py   the rule files (documents/types, entities, facts), checked without spaCy
    nlp.py     the entity pipeline: light.py, or spaCy with --spacy-model
    light.py   the default pipeline without spaCy, the same entities: tokenizer.py (spaCy's
               English tokenizer from its exported data, tokenizer_export.py), matcher.py
               (spaCy's Matcher), lexical.py (token attributes), steps.py (our components)
    types.py   the document type, with a confidence and the reason
    facts.py   the employer, salary, dates, people... a document states, each with its span
    analyse.py a file in, an AnalysedDocument out (pipeline loaded once)
    link.py    the Linker: each change supported, unsupported or contradicted, with quotes

Importing this package does not import spaCy; analysing documents imports it only for a trained
pipeline (--spacy-model).
"""

from __future__ import annotations
