"""What a text is made of: tokens, stopwords and blocks (lines)."""
