"""`corpus report`: one document assembling the analyses for a time window."""
