"""Old addresses that keep working: 301 to where a thing moved, 410 where it was removed."""
