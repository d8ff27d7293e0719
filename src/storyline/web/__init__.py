"""The local web app (`storyline serve`): storylines, events, articles, names and search."""
