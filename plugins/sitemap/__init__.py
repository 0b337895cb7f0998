"""sitemap.xml with hreflang alternates for translations, and robots.txt pointing to it."""
