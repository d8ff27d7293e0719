"""`python -m storyline.cli`: the storyline command."""

from storyline.cli import main

main()
