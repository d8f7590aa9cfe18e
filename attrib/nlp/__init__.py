"""Parse helpers: the dependency labels attrib reads, fast POS and lemma tables, and spans of the parse.

Nothing is imported here: the corpus commands read ``labels`` without loading spaCy.
"""
