FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY storage ./storage
COPY migrations ./migrations
COPY directory.yaml soutien.example.yaml ./
RUN pip install --no-cache-dir -e . && useradd --system --home /app soutien \
    && mkdir -p /app/data && chown soutien /app/data
USER soutien
VOLUME ["/app/data"]
ENTRYPOINT ["soutien-bot"]
CMD ["run"]
