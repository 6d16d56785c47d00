"""`python bot.py` is `purgebot run`: start the bot with settings from the environment or .env."""

from purgebot.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["run"]))
