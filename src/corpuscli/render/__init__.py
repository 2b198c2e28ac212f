"""Output: one place that turns results into tables, machine formats, Markdown and HTML."""
