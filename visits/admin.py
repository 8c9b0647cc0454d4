"""Admin of the visits app."""
