"""Sub-commands of the `purgebot` command line, one module each (see purgebot.cli)."""
