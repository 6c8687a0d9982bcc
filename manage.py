#!/usr/bin/env python
"""Django's command-line utility; the same as the `fabrique` console script."""

from fabrique.cli import main

if __name__ == "__main__":
    main()
