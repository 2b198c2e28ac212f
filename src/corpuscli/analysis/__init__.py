"""Analyses over the corpus frame: terms, collocations, keyword in context, comparison, naming, statistics."""
