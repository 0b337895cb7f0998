"""Full-content Atom and RSS feeds, written with feedgen: main, per language, per category, per tag."""
