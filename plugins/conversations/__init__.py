"""Conversations: replies and reactions from the networks, moderated, under each post and in the comms pages."""
