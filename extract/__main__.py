"""`python -m extract COMMAND`: the project's command line (the commands are listed in service/cli.py)."""

from service.cli import main

raise SystemExit(main())
