"""Packages for setuptools: `src/purgebot`, plus the top-level `questions/` shipped as `purgebot/questions`.

The built-in banks stay at the repository's top level, where teachers and reviewers find them, and
travel inside the wheel so an installed bot has them wherever it runs. Everything else is in
pyproject.toml; this file only says where the packages are, which pyproject cannot for a folder
outside `src/`.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "purgebot.questions"],
    package_dir={"": "src", "purgebot.questions": "questions"},
    package_data={
        "purgebot": [
            "py.typed",
            "essays/*.json",
            "storage/migrations/*.sql",
            "storage/migrations/sqlite/*.sql",
            "storage/migrations/postgres/*.sql",
        ],
        "purgebot.questions": ["*.yaml", "*.yml", "*.YAML", "*.YML"],
    },
)
