"""Who said what, and how outlets rendered it: quotes, speakers, same-story pairs, statement diffs."""
