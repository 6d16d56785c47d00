"""The admin feature: server settings, teacher roles, classes and terms."""
