"""Boilerplate: the page furniture scrapers leave in article text, found and removed."""
