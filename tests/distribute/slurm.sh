#!/usr/bin/env bash
# deploy/slurm on a real one-node Slurm cluster: munged, slurmctld and slurmd from Debian's
# packages started on this host with a generated slurm.conf (private ports, state and sockets in a
# scratch folder), deploy/slurm/submit.sh run on an example scenario, and the merged report
# compared byte for byte with one process; then a submission whose tasks fail (a bad scenario)
# must leave the merge cancelled, not pending. Args: ALBSIM SOURCE_DIR. Exit 77 (skipped, with a
# line saying why) where the daemons cannot start: not root, or Slurm not installed
# (tools/setup.sh --tests installs it); under CI=true a missing package is a failure.
set -euo pipefail
albsim=$(realpath "$1") src=$(realpath "$2")
for tool in munged slurmctld slurmd sbatch scontrol; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (tools/setup.sh --tests installs slurm-wlm and munge)"
    [ -n "${CI:-}" ] && exit 1
    exit 77
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: starting slurmctld and slurmd here needs root"
  exit 77
fi

work=$(mktemp -d /tmp/albsim-slurm.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/state" "$work/spool" "$work/munge" "$work/job"
chmod 700 "$work/munge"

# munge, private to this test: its own key, socket and files.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --foreground --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/pid" --log-file="$work/munge/log" --seed-file="$work/munge/seed" \
  >"$work/munge/out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.1; done

node=$(hostname -s)
memory=$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)
cpus=$(nproc)
cat > "$work/slurm.conf" <<CONF
ClusterName=albsim-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -D -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$work/slurmd.out" 2>&1 &
pids+=($!)
ready=false
for _ in $(seq 100); do
  if scontrol show node "$node" 2>/dev/null | grep -qE "State=(IDLE|MIXED)"; then
    ready=true
    break
  fi
  sleep 0.2
done
if ! $ready; then
  echo "FAIL: the one-node cluster did not come up"
  tail -n 5 "$work"/slurmctld.log "$work"/slurmd.log "$work"/*.out 2>/dev/null || true
  exit 1
fi

# The state of job `$1` once it has ended (or the last seen after 100 s).
final_state() {
  local state=""
  for _ in $(seq 500); do
    state=$(scontrol show job "$1" 2>/dev/null | grep -oE "JobState=[A-Z_]+" | head -n 1)
    state=${state#JobState=}
    case "$state" in
      COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY) break ;;
    esac
    sleep 0.2
  done
  echo "$state"
}

cd "$work/job"
cp "$src/scenarios/amazon-29-random.json" scenario.json
cp -r "$src/data" ../data 2>/dev/null || true
PATH="$(dirname "$albsim"):$PATH"
export PATH ALBSIM_SCENARIO=scenario.json ALBSIM_REPLICATIONS=8
submitted=$("$src/deploy/slurm/submit.sh")
echo "$submitted"
array=$(echo "$submitted" | sed -E 's/^shards: job ([0-9]+);.*/\1/')
merge=$(echo "$submitted" | sed -E 's/.*merge: job ([0-9]+);.*/\1/')
state=$(final_state "$merge")
if [ "$state" != COMPLETED ]; then
  echo "FAIL: the merge ended $state"
  tail -n 20 ./*.log "runs/$array"/*.log 2>/dev/null || true
  exit 1
fi
"$albsim" run scenario.json --replications 8 --threads 2 --out one --quiet
cmp "runs/$array/report/report.json" one/report.json
cmp "runs/$array/report/timeseries.csv" one/timeseries.csv
echo "ok: 4 Slurm tasks merged into the bytes of one process"

# A task that fails (exit 2): the merge is cancelled, not left pending.
echo '{"horizon": "1d"}' > bad.json
submitted=$(ALBSIM_SCENARIO=bad.json "$src/deploy/slurm/submit.sh")
merge=$(echo "$submitted" | sed -E 's/.*merge: job ([0-9]+);.*/\1/')
state=$(final_state "$merge")
if [ "$state" != CANCELLED ]; then
  echo "FAIL: after failed tasks the merge is $state, not CANCELLED"
  exit 1
fi
echo "ok: failed tasks cancel the merge"
