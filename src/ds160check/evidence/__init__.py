"""Supporting documents as evidence: what each one is, what it says, and which change it proves.

    rules.py   the rule files (documents/types, entities, facts), checked without spaCy
    nlp.py     the spaCy pipeline (imported only when documents are analysed)
    types.py   the document type, with a confidence and the reason
    facts.py   the employer, salary, dates, people... a document states, each with its span
    analyse.py a file in, an AnalysedDocument out (pipeline loaded once)
    link.py    the Linker: each change supported, unsupported or contradicted, with quotes

Importing this package does not import spaCy.
"""

from __future__ import annotations
