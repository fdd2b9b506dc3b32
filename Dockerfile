# albsim in a container, built the README's way (tools/setup.sh) on Debian 12, for the batch
# templates in deploy/. `docker build -t albsim .` from the repository root; the image runs
# `albsim` (with MPI, and with the plot script under /usr/local/share/albsim).
FROM debian:12 AS build
COPY . /src
WORKDIR /src
RUN tools/setup.sh && cmake --install build --prefix /opt/albsim

FROM debian:12-slim
# Runtime: OpenMPI (the binary links it; `mpirun` for several ranks), matplotlib for --plot.
# curl posts the pool review's note (deploy/ci/gitlab-note.sh).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openmpi-bin libopenmpi3 python3-matplotlib curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/albsim/bin/albsim /usr/local/bin/albsim
# The pool review of a Terraform change, for the CI recipes in deploy/ci.
COPY --from=build /src/deploy/ci/albsim-review.sh /usr/local/bin/albsim-review
COPY --from=build /src/deploy/ci/gitlab-note.sh /usr/local/bin/gitlab-note
COPY --from=build /opt/albsim/share/albsim /usr/local/share/albsim
# The examples with the data they replay (scenarios name it as ../data/...).
COPY --from=build /src/scenarios /usr/local/share/albsim/scenarios
COPY --from=build /src/data /usr/local/share/albsim/data
ENV ALBSIM_PLOT_SCRIPT=/usr/local/share/albsim/albsim_plot.py
WORKDIR /work
ENTRYPOINT []
CMD ["albsim", "--help"]
