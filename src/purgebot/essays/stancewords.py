"""Word lists of `purgebot.essays.stance`, kept apart to keep that module small (issue 15)."""

from __future__ import annotations

from purgebot.essays.text import words

SUBJECTS = words("i i'm i've i'd")
SOFTENERS = words(
    "am do did does have had can could will would really honestly actually quite totally fully "
    "still exactly truly entirely completely even personally a bit little rather pretty"
)
MATTERS = words(
    "matter mattered matters important relevant significant true big major right correct accurate "
    "convincing persuasive fair"
)
# Said of "that / this / it" in a clause that answers the one before: the writer rejects it.
REJECT = words("exaggerated overrated myth wrong false unlikely nonsense rubbish doubtful")
# "That is not true.": the sentence before is denied.
VERDICTS = words("true right correct accurate")
BACK_REFERENCE = words("that this it")
OVERRATED = words("overrated overstated overblown")
# "..., but I think / believe / reckon ..." answering a claim the writer reports.
OWN_VIEW = words("think believe reckon feel")
# Words that leave a clause empty: the cue looks past it ("X, apparently, but I'm not sure").
HEDGES = words(
    "apparently also too though then still perhaps maybe probably supposedly think believe "
    "guess suppose reckon"
)
TURNS = words("but though although however yet")
# A sentence that only reports or presents someone else's idea ("Some historians say X.",
# "X is often mentioned.", "There is the argument about X."): the writer's doubt in the next
# sentence sets it aside, whatever that sentence goes on to say.
# ("suggested", "believed" and "called" are left out: "officials suggested new victims" is a
# claim the writer makes.)
REPORTED = words(
    "say says said claim claims claimed argue argues argued talk talks talked mention mentions "
    "mentioned supposedly story stories rumour rumours rumor argument arguments theory theories"
)
MAYBE = words("maybe perhaps possibly")
# "That seems like an excuse.": the writer's verdict on the sentence before.
SEEMS = words("is was seems seemed sounds sounded looks looked feels")
POOR = REJECT | words(
    "excuse excuses cop weak unconvincing silly ridiculous simplistic lazy naive biased propaganda"
)
# Words of a cue clause that refers back rather than naming something new: "what it said".
EMPTY = words(
    "said say says mean means meant happened happen did do done about for involved why how "
    "actually exactly was were ask knows cares"
)
