#!/usr/bin/env bash
# Start time and idle RSS of the packaged jar on the embedded default: bench/run.sh's "start" part alone.
#   bench/startup.sh [runs]      (env as bench/run.sh: JAR, IDLE_SECONDS, OUT)
START_RUNS=${1:-3} ONLY=start exec "$(dirname "$0")/run.sh"
