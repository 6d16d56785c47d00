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

# The locked dependencies first, in a layer of their own, so editing the code or a question bank
# does not reinstall them; then the package, which carries the built-in banks (questions/).
COPY requirements.lock pyproject.toml ./
RUN python -c "import subprocess, sys, tomllib; \
deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; \
subprocess.run([sys.executable, '-m', 'pip', 'install', '-c', 'requirements.lock', *deps], check=True)"
COPY setup.py README.md LICENSE ./
COPY src ./src
COPY questions ./questions
RUN pip install --no-deps -c requirements.lock . \
    && pip check \
    && rm -rf /app/src /app/questions /app/build \
    && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin purgebot \
    && mkdir -p /data \
    && chown purgebot:purgebot /data

# The SQLite database lives on a volume so it outlives the container.
ENV PURGEBOT_DB=/data/purgebot.db \
    PURGEBOT_LOG_LEVEL=INFO
VOLUME ["/data"]

USER purgebot
# SIGTERM (docker stop) ends running quizzes and closes the database cleanly.
STOPSIGNAL SIGTERM
CMD ["purgebot", "run"]
