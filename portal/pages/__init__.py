"""Content pages the editors write themselves ("Om oss", the accessibility statement …), in a
tree whose URLs follow it, in Swedish and optionally English."""
