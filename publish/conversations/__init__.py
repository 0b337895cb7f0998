"""Collecting the conversation back from the networks: one reader per source, the fetch run, the avatars."""
