/* bpf4j-bench native baseline: runs one benchmark program's entry() compiled by gcc -O2, the same way
 * `bpf4j exec --time` runs its bytecode: a fresh copy of the .mem file per run (not timed), the run timed
 * with a monotonic clock, and the same last line: result=0x... min_ms=... median_ms=...
 * Usage: run_native MEMFILE REPEAT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

uint64_t entry(uint8_t *mem, uint64_t len);

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s MEMFILE REPEAT\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *orig = malloc(len), *mem = malloc(len);
    if (fread(orig, 1, len, f) != (size_t)len) {
        perror("read");
        return 2;
    }
    fclose(f);
    int repeat = atoi(argv[2]);
    if (repeat < 1)
        repeat = 1;
    double *ms = malloc(sizeof(double) * repeat);
    uint64_t r0 = 0;
    for (int i = 0; i < repeat; i++) {
        memcpy(mem, orig, len);
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        r0 = entry(mem, (uint64_t)len);
        clock_gettime(CLOCK_MONOTONIC, &b);
        ms[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    qsort(ms, repeat, sizeof(double), cmp_double);
    double median = repeat % 2 ? ms[repeat / 2] : (ms[repeat / 2 - 1] + ms[repeat / 2]) / 2;
    printf("0x%llx\n", (unsigned long long)r0);
    printf("result=0x%llx min_ms=%.3f median_ms=%.3f\n", (unsigned long long)r0, ms[0], median);
    return 0;
}
