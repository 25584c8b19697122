# Soutien in a container: `soutien-bot run` (migrations first), configured by the
# environment (SOUTIEN_<SECTION>__<KEY>, or a file named by SOUTIEN_CONFIG), data in /data.
# See docs/container.md and docs/compose.yaml. tests/test_container.py runs these steps.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md LICENSE directory.yaml ./
COPY bot ./bot
COPY adapters ./adapters
COPY storage ./storage
COPY migrations ./migrations
RUN python -m venv /opt/soutien && /opt/soutien/bin/pip install --no-input .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/soutien/bin:$PATH \
    SOUTIEN_STORAGE__URL=sqlite+aiosqlite:////data/soutien.db \
    SOUTIEN_MATRIX__STORE_PATH=/data/matrix-store \
    SOUTIEN_HTTP__LISTEN=0.0.0.0:8088
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin soutien \
    && mkdir -p /data && chown soutien:soutien /data
COPY --from=build /opt/soutien /opt/soutien
USER soutien
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8088
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; a = os.environ.get('SOUTIEN_HTTP__OPS_LISTEN') or os.environ['SOUTIEN_HTTP__LISTEN']; u.urlopen('http://127.0.0.1:' + a.rpartition(':')[2] + '/healthz', timeout=4)"]
ENTRYPOINT ["soutien-bot"]
CMD ["run"]
