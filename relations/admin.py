"""Admin of the relations app."""
