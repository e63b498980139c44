"""`python -m skifte.cli`: the same as the `skifte` command."""

from skifte.cli import main

main()
