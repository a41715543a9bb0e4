"""Claim extraction: the spaCy pipeline, prose units, entities, kinds and values, labels,
quotes, consistency and check-worthiness. spaCy is imported only when extraction runs."""
