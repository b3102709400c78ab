#!/usr/bin/env bash
# Side-by-side timing of a bpf4j engine (the interpreter, or the JIT with ENGINE=jit) against the same C
# compiled with gcc -O2, in one run, on the three programs of ../shared/bench. Prints a Markdown table (min
# of REPEAT runs each, ratio to gcc, and ns per executed eBPF instruction).
# Usage: [ENGINE=jit] bpf4j-bench/vs-gcc.sh [REPEAT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/../shared/bench"
repeat=${1:-10}
engine=${ENGINE:-interpreter}
out="$root/bpf4j-bench/target/native"
mkdir -p "$out"
"$root/bpf4j" --version >/dev/null   # builds on first use, outside the timings
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" | tail -n 1; }
echo "| program | gcc -O2 min ms | bpf4j $engine min ms | ratio | $engine ns/insn | instructions |"
echo "|---|---|---|---|---|---|"
for prog in alu_loop sieve pkt_parse; do
  gcc -O2 -o "$out/$prog" "$root/bpf4j-bench/native/run_native.c" "$bench/progs/$prog.c"
  native=$("$out/$prog" "$bench/$prog.mem" "$repeat")
  vm=$("$root/bpf4j" exec "$bench/$prog.bin" --mem-file "$bench/$prog.mem" --repeat "$repeat" --time --engine "$engine")
  n_ms=$(echo "$native" | field min_ms); v_ms=$(echo "$vm" | field min_ms)
  n_r=$(echo "$native" | field result); v_r=$(echo "$vm" | field result)
  [ "$n_r" = "$v_r" ] || { echo "$prog: results differ: gcc $n_r, bpf4j $v_r" >&2; exit 1; }
  insns=$(echo "$vm" | field instructions); nspi=$(echo "$vm" | field min_ns_per_insn)
  ratio=$(awk -v a="$v_ms" -v b="$n_ms" 'BEGIN { printf "%.1fx", a / b }')
  echo "| $prog | $n_ms | $v_ms | $ratio | $nspi | $insns |"
done
