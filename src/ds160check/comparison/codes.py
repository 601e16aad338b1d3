"""The finding codes and severities, as the comparison names them: they are the compare rules'
vocabulary and live with them (:mod:`ds160check.rules.codes`), so that reading the rules never
imports the stage that applies them."""

from ds160check.rules.codes import ACTIONS, SEVERITIES, Code, at_or_above, severity_rank

__all__ = ["ACTIONS", "SEVERITIES", "Code", "at_or_above", "severity_rank"]
