"""The work that spans extraction and the store: read inputs, extract their events, add them to a store.

`service.ingest.add_articles` is what the `ingest` command and the dashboard's Add-articles page call;
`service.cli` is the command line (`python -m extract COMMAND`, or the `event-timeline` console script).
"""
