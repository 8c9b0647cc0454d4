"""The newsletter: a part of the newsroom app of its own (its models keep the app's label,
tables and migrations).

- ``models``: subscribers, the suppression list, issues with their news items, deliveries;
- ``subscriptions``: the double opt-in, the signed links, unsubscribing and erasure;
- ``composing``: an issue rendered as the mail a subscriber gets;
- ``delivery``: sending in batches, each mail exactly once, and resuming after a crash;
- ``forms``, ``views``, ``urls``, ``sitemaps``: the public pages; ``admin``: the editors'.
"""
