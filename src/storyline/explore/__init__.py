"""Browsing a store: the data behind `storyline storylines/show/search`, the web app and its API."""
