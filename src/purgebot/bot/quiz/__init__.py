"""The live quiz feature: the /quiz commands, the answer buttons, the runner and its embeds."""
