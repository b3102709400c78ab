#!/usr/bin/env bash
# Start-up time of the bpf4j command, with and without the JDK AOT cache the launcher records, beside the
# bare JVM and (when installed) bpftrace's own start-up, in one run. Needs hyperfine (apt-get install
# hyperfine). Usage: bpf4j-bench/startup.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
. "$root/.mvn/find-java.sh"; bpf4j_find_java
"$root/bpf4j" --version >/dev/null   # build and record the AOT cache first, outside the timings
prog=$(mktemp --suffix=.s); printf 'mov32 %%r0, 1\nexit\n' > "$prog"
cmds=(-n "java -version (bare JVM)" "$JAVA_HOME/bin/java -Xshare:auto -version"
      -n "bpf4j --version" "$root/bpf4j --version"
      -n "bpf4j --version, no AOT cache" "env BPF4J_NO_AOT=1 $root/bpf4j --version"
      -n "bpf4j exec (tiny program)" "$root/bpf4j exec $prog"
      -n "bpf4j exec, no AOT cache" "env BPF4J_NO_AOT=1 $root/bpf4j exec $prog")
if command -v bpftrace >/dev/null && [ "$(id -u)" = 0 ]; then
  cmds+=(-n "bpftrace -e 'BEGIN { exit(); }'" "bpftrace -e 'BEGIN { exit(); }'")
fi
table=$(mktemp)
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$table" "${cmds[@]}" >&2
cat "$table"
rm -f "$prog" "$table"
