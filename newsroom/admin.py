"""Admin of the newsroom app."""
