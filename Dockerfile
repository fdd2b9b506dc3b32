# albsim in a container, built the README's way (tools/setup.sh) on Debian 12, for the batch
# templates in deploy/ and the CI recipes in deploy/ci. From the repository root:
#   docker build --build-arg ALBSIM_COMMIT=$(git rev-parse HEAD) -t albsim:0.1.0 .
# The build stage runs the tests (what needs Chromium, clang or Slurm skips: tools/setup.sh
# without --tests); the image runs `albsim` as a user without privileges, with the commit as its
# OCI revision label and in `albsim --version` (the build id shards carry). Pin the base images
# by digest for reproducible builds: --build-arg DEBIAN=debian:12@sha256:... and
# --build-arg DEBIAN_SLIM=debian:12-slim@sha256:... (the digests `docker pull` prints).
ARG DEBIAN=debian:12
ARG DEBIAN_SLIM=debian:12-slim

FROM ${DEBIAN} AS build
# .dockerignore keeps .git out: the commit comes in as an argument (cmake/BuildId.cmake).
ARG ALBSIM_COMMIT=nocommit
ENV ALBSIM_COMMIT=${ALBSIM_COMMIT}
COPY . /src
WORKDIR /src
RUN tools/setup.sh && ctest --test-dir build --output-on-failure -j "$(nproc)" \
    && cmake --install build --prefix /opt/albsim

FROM ${DEBIAN_SLIM}
ARG ALBSIM_COMMIT=nocommit
LABEL org.opencontainers.image.title="albsim" \
      org.opencontainers.image.description="ALB public IPv4 pool simulator and capacity planner" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.revision="${ALBSIM_COMMIT}"
# Runtime: OpenMPI (the binary links it; `mpirun` for several ranks), matplotlib for --plot,
# curl for the pool review's note (deploy/ci/gitlab-note.sh).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openmpi-bin libopenmpi3 python3-matplotlib curl ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /work --create-home --shell /usr/sbin/nologin albsim
COPY --from=build /opt/albsim/bin/albsim /usr/local/bin/albsim
COPY --from=build /opt/albsim/share/albsim /usr/local/share/albsim
# The pool review of a Terraform change, for the CI recipes in deploy/ci.
COPY --from=build /src/deploy/ci/albsim-review.sh /usr/local/bin/albsim-review
COPY --from=build /src/deploy/ci/gitlab-note.sh /usr/local/bin/gitlab-note
# The examples with the data they replay (scenarios name it as ../data/...).
COPY --from=build /src/scenarios /usr/local/share/albsim/scenarios
COPY --from=build /src/data /usr/local/share/albsim/data
ENV ALBSIM_PLOT_SCRIPT=/usr/local/share/albsim/albsim_plot.py
USER 10001
WORKDIR /work
ENTRYPOINT []
CMD ["albsim", "--help"]
