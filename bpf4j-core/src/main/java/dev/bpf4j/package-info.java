/**
 * The root package: what every bpf4j module shares, which is only the root of its error hierarchy
 * ({@link dev.bpf4j.BpfException}). Everything else lives in a package named for what it does.
 */
package dev.bpf4j;
