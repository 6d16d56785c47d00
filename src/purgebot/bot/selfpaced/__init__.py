"""Private play, shared by homework, practice and review: one student, ephemeral messages.

Homework, practice and review differ only in how an attempt begins (an assignment card's Start,
`/practice`, `/review`) and what its answers earn; the play itself (show a question privately,
take a click, store it, say right or wrong with the explanation and source, offer the next one)
is the same, so it lives once here rather than in each feature. Homework and practice are
sub-packages of this one self-paced feature (`selfpaced/homework/`, `selfpaced/practice/`): they
build on its desk, which features may not share across packages.

Every step is a new interaction answered with a new private message, so a quiz outlives
Discord's 15-minute interaction token; the state is stored after every answer, so a restart
loses nothing: the buttons are dynamic items matched by custom id.
"""

from purgebot.bot.selfpaced.cog import SELFPACED_COG, SelfPacedCog, desk_of
from purgebot.bot.selfpaced.components import DYNAMIC_ITEMS
from purgebot.bot.selfpaced.desk import PrivateDesk

__all__ = ["DYNAMIC_ITEMS", "SELFPACED_COG", "PrivateDesk", "SelfPacedCog", "desk_of"]
