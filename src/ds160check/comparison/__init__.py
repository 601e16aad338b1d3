"""Stage 4: two applications (and documents) → findings, changes and a report."""
