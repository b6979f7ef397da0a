"""`python -m service COMMAND`: the same command line as `python -m extract` and `event-timeline`."""

from service.cli import main

raise SystemExit(main())
