# purgebot: the Discord quiz bot. Build: docker build -t purgebot .
# Run:  docker run -d --name purgebot --stop-timeout 30 -e DISCORD_TOKEN -v purgebot-data:/data purgebot
# (--stop-timeout: quizzes get up to 10 s to post their closing notice, then the database closes)
# The token comes from the environment at run time; it is never part of the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies and the package first, so editing a question bank does not reinstall them.
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install . \
    && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin purgebot \
    && mkdir -p /data \
    && chown purgebot:purgebot /data

COPY questions ./questions

# The SQLite database lives on a volume so it outlives the container.
ENV PURGEBOT_DB=/data/purgebot.db \
    PURGEBOT_BANKS=/app/questions \
    PURGEBOT_LOG_LEVEL=INFO
VOLUME ["/data"]

USER purgebot
# SIGTERM (docker stop) ends running quizzes and closes the database cleanly.
STOPSIGNAL SIGTERM
CMD ["purgebot", "run"]
