"""Last stage: typed results → what people and programs read (text, JSON)."""
