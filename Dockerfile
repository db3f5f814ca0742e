# syntax=docker/dockerfile:1
# mcf-emulator: `docker build -t mcf-emulator .` then `docker run -p 8787:8787 mcf-emulator`.
# Offline build with a local copy of amzn/selling-partner-api-models inside the build context:
#   docker build --build-arg MODELS_DIR=vendor/selling-partner-api-models -t mcf-emulator .
# Configuration: MCF_EMULATOR_* environment variables (README, "Docker").

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# `specs` (always in the context, no models in it) means: download the pinned models from upstream.
ARG MODELS_DIR=specs
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY emulator ./emulator
COPY specs ./specs
COPY scenarios ./scenarios
RUN python -m venv /opt/mcf-emulator/venv \
    && /opt/mcf-emulator/venv/bin/pip install --no-compile ".[aws]"
COPY ${MODELS_DIR} /tmp/models-source
# `specs sync` checks every model file against the sha256 pinned in specs/manifest.toml.
RUN if [ "${MODELS_DIR}" = "specs" ]; then set -- ; else set -- --from /tmp/models-source; fi \
    && /opt/mcf-emulator/venv/bin/mcf-emulator specs sync --dest /opt/mcf-emulator/models "$@" \
    && rm -rf /tmp/models-source

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="mcf-emulator" \
      org.opencontainers.image.description="A local, stateful emulator of Amazon's MCF SP-API" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 emulator \
    && useradd --system --uid 10001 --gid emulator --home-dir /data --no-create-home emulator \
    && install -d -o emulator -g emulator /data
COPY --from=build /opt/mcf-emulator /opt/mcf-emulator
ENV PATH=/opt/mcf-emulator/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    MCF_EMULATOR_MODELS=/opt/mcf-emulator/models \
    MCF_EMULATOR_HOST=0.0.0.0 \
    MCF_EMULATOR_PORT=8787 \
    MCF_EMULATOR_CA_DIR=/data/ca
# --state sqlite:/data/world.db keeps the world across container restarts; the local CA (--tls) lives in /data/ca.
VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
EXPOSE 8787
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 CMD ["mcf-emulator", "health"]
ENTRYPOINT ["mcf-emulator", "serve"]
CMD []
