"""The Discord adapter: slash commands and buttons over the quiz engine, the banks and the store.

The only package that imports discord. `create_bot()` builds the bot; nothing runs on import.
"""

from purgebot.bot.client import PurgeBot, create_bot

__all__ = ["PurgeBot", "create_bot"]
