/**
 * Commands that inspect the live kernel's BPF objects ({@code prog list}, {@code map list},
 * {@code map dump}), like bpftool's plain output. They need root or CAP_BPF/CAP_SYS_ADMIN.
 */
package dev.bpf4j.cli.kernel;
