"""Social cards: a branded 1200 × 630 preview image for every post (layout, renderer, cache, glue)."""
