"""The project's own model assets: lexicons read by attrib.lexicon."""
