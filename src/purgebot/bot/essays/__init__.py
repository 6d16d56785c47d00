"""The essay feature: essay prompts, drills, submissions, review and their embeds."""
