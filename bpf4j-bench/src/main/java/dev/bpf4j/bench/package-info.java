/**
 * JMH benchmarks of the userspace VM on the compute-bound programs of {@code shared/bench}. Run with
 * {@code java -jar bpf4j-bench/target/benchmarks.jar}; never part of the test command. The side-by-side
 * ratio against gcc -O2 comes from {@code bpf4j-bench/vs-gcc.sh}.
 */
package dev.bpf4j.bench;
