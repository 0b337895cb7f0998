"""POSSE back-links: each article links to where it was shared, for readers and IndieWeb tools."""
