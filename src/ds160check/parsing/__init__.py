"""Stage 3: lines of a DS-160 → catalogue fields with provenance."""
