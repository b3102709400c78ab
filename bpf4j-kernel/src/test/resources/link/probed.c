/* The uprobe and USDT target of bpf4j's kernel tests (compiled by TestBinary with gcc at test time):
 * bpf4j_target is a uprobe target; the loop fires USDT probe bpf4j:tick, whose semaphore it also reads, and
 * prints how many iterations saw the semaphore set. With a second argument it waits for a line on stdin. */
#include <stdio.h>
#include <stdlib.h>
/* A USDT probe without <sys/sdt.h>: a nop at the probe site and a .note.stapsdt ELF note (owner "stapsdt",
 * type 3) holding the nop's address, the address of .stapsdt.base, the semaphore's address, then provider,
 * name and the argument spec ("-4@%eax -8@%rdx": signed size @ operand), as SystemTap documents it. */
#define BPF4J_PROBE2(provider, name, a1, a2)                                                    \
    __asm__ __volatile__("990: nop\n"                                                           \
                         ".pushsection .note.stapsdt,\"?\",\"note\"\n"                          \
                         ".balign 4\n"                                                          \
                         ".4byte 992f-991f, 994f-993f, 3\n"                                     \
                         "991: .asciz \"stapsdt\"\n"                                            \
                         "992: .balign 4\n"                                                     \
                         "993: .8byte 990b\n"                                                   \
                         ".8byte _.stapsdt.base\n"                                              \
                         ".8byte " #provider "_" #name "_semaphore\n"                           \
                         ".asciz \"" #provider "\"\n"                                           \
                         ".asciz \"" #name "\"\n"                                               \
                         ".asciz \"-4@%0 -8@%1\"\n"                                             \
                         "994: .balign 4\n"                                                     \
                         ".popsection\n"                                                        \
                         ".ifndef _.stapsdt.base\n"                                             \
                         ".pushsection .stapsdt.base,\"aG\",\"progbits\",.stapsdt.base,comdat\n" \
                         ".weak _.stapsdt.base\n"                                               \
                         ".hidden _.stapsdt.base\n"                                             \
                         "_.stapsdt.base: .space 1\n"                                           \
                         ".size _.stapsdt.base, 1\n"                                            \
                         ".popsection\n"                                                        \
                         ".endif\n"                                                             \
                         : : "nor"((int)(a1)), "nor"((long)(a2)))
unsigned short bpf4j_tick_semaphore __attribute__((unused)) __attribute__((section(".probes")));
__attribute__((noinline)) int bpf4j_target(int x) { __asm__ volatile(""); return x * 2; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1;
    if (argc > 2) { char line[8]; if (!fgets(line, sizeof line, stdin)) return 2; }
    long sum = 0;
    int enabled = 0;
    for (int i = 0; i < n; i++) {
        sum += bpf4j_target(i);
        if (__builtin_expect(bpf4j_tick_semaphore, 0)) enabled++;
        BPF4J_PROBE2(bpf4j, tick, i, sum);
    }
    printf("%d\n", enabled);
    return 0;
}
