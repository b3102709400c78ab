#!/bin/sh
# Regenerates the golden llvm-objdump listings the disassembler tests compare against, so the tests never
# need LLVM. Needs LLVM 19 (Debian 12: apt-get install llvm-19) and the shared conformance corpus.
#   all-insns.txt    every instruction kind (all-insns.s, assembled by llvm-mc)
#   all-insns.mc.txt llvm-mc's encoding of each source line of all-insns.s
#   bench.txt        the three bench objects (clang -O2 -mcpu=v3)
#   bench.default.txt the same, whole output of plain `llvm-objdump -d` (r registers in loads and stores),
#                    which the assembler must read back as pasted
#   conformance.txt  each of the conformance corpus programs, as a .byte object with symbol "prog"
# Listings are those of plain `llvm-objdump -d`, except for 32-bit atomics (opcode c3), which plain -d
# prints as <unknown> or, for fetch-add, as the plain add: their lines come from `--mattr=+alu32`, which
# names them exactly. bpf4j's disassembler prints the same.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${BPF4J_SHARED_DIR:-$here/../../../../../../shared}
PATH=/usr/lib/llvm-19/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump() {
  llvm-objdump -d "$1" | sed -n '/^Disassembly of section/,$p' > "$tmp/plain"
  llvm-objdump -d --mattr=+alu32 "$1" | sed -n '/^Disassembly of section/,$p' > "$tmp/alu32"
  # Same layout line for line; take the alu32 line only for 32-bit atomics.
  awk -v other="$tmp/alu32" '{ getline a < other; print ($0 ~ /^ *[0-9]+:\tc3 /) ? a : $0 }' "$tmp/plain"
}

llvm-mc -triple bpfel -mcpu=v4 -filetype=obj -o "$tmp/all.o" "$here/all-insns.s"
# how llvm-mc itself encodes each line of the LLVM-syntax source (the assembler must agree)
llvm-mc -triple bpfel -mcpu=v4 -show-encoding "$here/all-insns.s" | grep 'encoding:' > "$here/all-insns.mc.txt"
dump "$tmp/all.o" > "$here/all-insns.txt"

: > "$here/bench.txt"
: > "$here/bench.default.txt"
for o in "$shared"/bench/*.bpf.o; do
  echo "### $(basename "$o")" >> "$here/bench.txt"
  dump "$o" >> "$here/bench.txt"
  echo "### $(basename "$o")" >> "$here/bench.default.txt"
  (cd "$(dirname "$o")" && llvm-objdump -d "$(basename "$o")") >> "$here/bench.default.txt"
done

: > "$here/conformance.txt"
sed -e 's/.*"name": "\([^"]*\)".*"program": "\([0-9a-f]*\)".*/\1 \2/' "$shared/conformance/corpus.jsonl" |
while read -r name hex; do
  bytes=$(echo "$hex" | sed -e 's/\(..\)/0x\1,/g' -e 's/,$//')
  printf '\t.text\n\t.globl prog\nprog:\n\t.byte %s\n' "$bytes" > "$tmp/p.s"
  llvm-mc -triple bpfel -mcpu=v4 -filetype=obj -o "$tmp/p.o" "$tmp/p.s"
  echo "### $name" >> "$here/conformance.txt"
  dump "$tmp/p.o" >> "$here/conformance.txt"
done
