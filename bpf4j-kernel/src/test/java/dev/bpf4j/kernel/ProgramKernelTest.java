package dev.bpf4j.kernel;

import dev.bpf4j.btf.BtfBlob;
import dev.bpf4j.btf.BtfKind;
import dev.bpf4j.isa.Insn;
import dev.bpf4j.isa.JumpOp;
import dev.bpf4j.isa.MemSize;
import dev.bpf4j.isa.Program;
import dev.bpf4j.isa.PseudoSource;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.isa.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bpf4j.kernel.Insns.add;
import static dev.bpf4j.kernel.Insns.mov;
import static dev.bpf4j.kernel.Insns.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KernelTest
class ProgramKernelTest {

    @ParameterizedTest
    @EnumSource(value = ProgramType.class, names = {"SOCKET_FILTER", "KPROBE", "SCHED_CLS", "SCHED_ACT",
            "TRACEPOINT", "XDP", "PERF_EVENT", "CGROUP_SKB", "CGROUP_SOCK", "LWT_IN", "LWT_OUT", "LWT_XMIT",
            "RAW_TRACEPOINT", "SYSCALL", "CGROUP_SYSCTL", "SK_SKB", "SOCK_OPS", "FLOW_DISSECTOR"})
    void loadsEveryProgramTypeThisKernelOffers(ProgramType type) {
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_" + type.name().toLowerCase(), type, returning(1)),
                LoadOptions.DEFAULT)) {
            ProgramInfo info = prog.info();
            assertThat(info.type()).isEqualTo(type);
            assertThat(info.id()).isPositive();
            assertThat(info.gplCompatible()).isTrue();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "CGROUP_SOCK_ADDR, CGROUP_INET4_CONNECT", "CGROUP_SOCK_ADDR, CGROUP_UDP6_SENDMSG",
            "CGROUP_SOCK, CGROUP_INET4_POST_BIND", "CGROUP_SKB, CGROUP_INET_EGRESS",
            "CGROUP_SOCKOPT, CGROUP_GETSOCKOPT", "SK_LOOKUP, SK_LOOKUP", "CGROUP_DEVICE, CGROUP_DEVICE",
            "SK_MSG, SK_MSG_VERDICT", "SK_REUSEPORT, SK_REUSEPORT_SELECT", "NETFILTER, NETFILTER",
            "XDP, XDP", "SCHED_CLS, TCX_INGRESS"})
    void loadsTypesWithTheirExpectedAttachType(ProgramType type, AttachType attach) {
        ProgramSpec spec = ProgramSpec.of("t_" + type.name().toLowerCase(), type, returning(1))
                .withExpectedAttachType(attach);
        try (BpfProgram prog = BpfProgram.load(spec, LoadOptions.DEFAULT)) {
            assertThat(prog.info().type()).isEqualTo(type);
        }
    }

    @Test
    void cgroupSockAddrNeedsItsExpectedAttachType() {
        ProgramSpec spec = ProgramSpec.of("t_connect4", ProgramType.CGROUP_SOCK_ADDR, returning(1));
        assertThatThrownBy(() -> BpfProgram.load(spec, LoadOptions.DEFAULT))
                .isInstanceOf(SyscallException.class).hasMessage("BPF_PROG_LOAD: EINVAL (Invalid argument): program"
                        + " t_connect4 (CGROUP_SOCK_ADDR): CGROUP_SOCK_ADDR programs need an expected attach type");
        try (BpfProgram prog = BpfProgram.load(spec.withExpectedAttachType(AttachType.CGROUP_INET4_CONNECT),
                LoadOptions.DEFAULT)) {
            assertThat(prog.info().type()).isEqualTo(ProgramType.CGROUP_SOCK_ADDR);
        }
    }

    @Test
    void verifierRejectionKeepsTheLogAndNamesTheDecisiveLine() {
        // r0 = r2 reads a register the socket filter context never initialised.
        Program bad = Program.of(List.of(mov(Reg.R0, Reg.R2), new Insn.Exit()));
        VerifierException e = org.junit.jupiter.api.Assertions.assertThrows(VerifierException.class,
                () -> BpfProgram.load(ProgramSpec.of("t_uninit", ProgramType.SOCKET_FILTER, bad), LoadOptions.DEFAULT));
        assertThat(e.decisiveLine()).isEqualTo("R2 !read_ok");
        assertThat(e.getMessage()).isEqualTo("BPF_PROG_LOAD: EACCES (Permission denied): program t_uninit: R2 !read_ok");
        assertThat(e.log()).contains("r0 = r2").contains("processed");
        assertThat(e.errnoName()).isEqualTo("EACCES");
    }

    @Test
    void verifierRejectsAProgramWithoutExit() {
        Program bad = Program.of(List.of(mov(Reg.R0, 0)));
        assertThatThrownBy(() -> BpfProgram.load(ProgramSpec.of("t_noexit", ProgramType.XDP, bad), LoadOptions.DEFAULT))
                .isInstanceOf(VerifierException.class).hasMessageContaining("program t_noexit");
    }

    @Test
    void aTooSmallLogBufferIsGrown() {
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            insns.add(mov(Reg.R0, i));
        }
        insns.add(new Insn.Exit());
        ProgramSpec spec = ProgramSpec.of("t_biglog", ProgramType.SOCKET_FILTER, Program.of(insns));
        try (BpfProgram prog = BpfProgram.load(spec, new LoadOptions(2, 128))) {
            assertThat(prog.verifierLog().length()).isGreaterThan(128);
            assertThat(prog.verifierLog()).contains("processed 61 insns");
        }
    }

    @Test
    void aRejectionWithAHugeLogStillGetsItsWholeLog() {
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            insns.add(mov(Reg.R0, i));
        }
        insns.add(mov(Reg.R0, Reg.R3));
        insns.add(new Insn.Exit());
        ProgramSpec spec = ProgramSpec.of("t_hugelog", ProgramType.SOCKET_FILTER, Program.of(insns));
        VerifierException e = org.junit.jupiter.api.Assertions.assertThrows(VerifierException.class,
                () -> BpfProgram.load(spec, new LoadOptions(2, 4096)));
        assertThat(e.decisiveLine()).isEqualTo("R3 !read_ok");
        assertThat(e.log().length()).isGreaterThan(64 * 1024);
        assertThat(e.log()).startsWith("func#0 @0").contains("5999: ");
    }

    @Test
    void xdpAndSocketFilterReturnTheirConstants() {
        byte[] packet = new byte[64];
        try (BpfProgram xdp = BpfProgram.load(ProgramSpec.of("t_xdp_pass", ProgramType.XDP, returning(2)),
                LoadOptions.DEFAULT);
             BpfProgram sock = BpfProgram.load(ProgramSpec.of("t_sock_len", ProgramType.SOCKET_FILTER,
                     returning(0x7fff)), LoadOptions.DEFAULT)) {
            TestRunResult r = xdp.testRun(new TestRunOptions(packet, 64, null, 0, 10));
            assertThat(r.retval()).isEqualTo(2);
            assertThat(r.dataOut()).hasSize(64);
            assertThat(sock.testRun(TestRunOptions.ofData(packet)).retval()).isEqualTo(0x7fff);
        }
    }

    @Test
    void anXdpProgramReadsItsPacket() {
        // r2 = ctx->data; r3 = ctx->data_end; if r2 + 1 > r3 return 0; return *(u8 *)r2
        Program p = new Program(List.of(
                new Insn.Load(MemSize.W, false, Reg.R2, Reg.R1, (short) 0),
                new Insn.Load(MemSize.W, false, Reg.R3, Reg.R1, (short) 4),
                mov(Reg.R4, Reg.R2),
                add(Reg.R4, 1),
                mov(Reg.R0, 0),
                new Insn.Jump(true, JumpOp.JGT, Reg.R4, Reg.R3, Target.label("out")),
                new Insn.Load(MemSize.B, false, Reg.R0, Reg.R2, (short) 0),
                new Insn.Exit()), Map.of("out", 7));
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_xdp_read", ProgramType.XDP, p), LoadOptions.DEFAULT)) {
            byte[] packet = new byte[60];
            packet[0] = 42;
            assertThat(prog.testRun(TestRunOptions.ofData(packet)).retval()).isEqualTo(42);
        }
    }

    @Test
    void aProgramStoresAFull64BitValueInAMap() {
        // *(u32 *)(r10 - 4) = 0; r0 = bpf_map_lookup_elem(&results, r10 - 4);
        // if r0 == 0 goto out; r1 = 0x1122334455667788; *(u64 *)r0 = r1; out: r0 = 2 (XDP_PASS)
        Program p = new Program(List.of(
                new Insn.Store(MemSize.W, Reg.R10, (short) -4, new dev.bpf4j.isa.Imm(0)),
                mov(Reg.R2, Reg.R10),
                add(Reg.R2, -4),
                new Insn.LoadImm64(Reg.R1, PseudoSource.MAP_FD, 0, "results"),
                new Insn.Call.Helper(1),
                new Insn.Jump(true, JumpOp.JEQ, Reg.R0, new dev.bpf4j.isa.Imm(0), Target.label("out")),
                new Insn.LoadImm64(Reg.R1, 0x1122334455667788L),
                new Insn.Store(MemSize.DW, Reg.R0, (short) 0, Reg.R1),
                mov(Reg.R0, 2),
                new Insn.Exit()), Map.of("out", 8));
        try (BpfMap results = BpfMap.create(MapSpec.of("results", MapType.ARRAY, 4, 8, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_store64", ProgramType.XDP, p),
                     Map.of("results", results), LoadOptions.DEFAULT)) {
            assertThat(prog.info().mapCount()).isEqualTo(1);
            assertThat(prog.mapIds()).containsExactly(results.info().id());
            assertThat(prog.testRun(TestRunOptions.ofData(new byte[64])).retval()).isEqualTo(2);
            assertThat(Bytes.u64(results.lookup(Bytes.u32(0)).orElseThrow())).isEqualTo(0x1122334455667788L);
        }
    }

    @Test
    void aProgramWritesAMapValueDirectly() {
        // r1 = &map_value(results) + 8; *(u64 *)r1 = 7; r0 = 2 (the array's value address, no helper call)
        Program p = Program.of(List.of(
                new Insn.LoadImm64(Reg.R1, PseudoSource.MAP_VALUE, 8L << 32, "results"),
                new Insn.Store(MemSize.DW, Reg.R1, (short) 0, new dev.bpf4j.isa.Imm(7)),
                mov(Reg.R0, 2),
                new Insn.Exit()));
        try (BpfMap results = BpfMap.create(MapSpec.of("results", MapType.ARRAY, 4, 16, 1));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_mapval", ProgramType.XDP, p),
                     Map.of("results", results), LoadOptions.DEFAULT)) {
            prog.testRun(TestRunOptions.ofData(new byte[64]));
            byte[] value = results.lookup(Bytes.u32(0)).orElseThrow();
            assertThat(Bytes.u64(java.util.Arrays.copyOfRange(value, 8, 16))).isEqualTo(7L);
        }
    }

    @Test
    void aMissingMapIsNamed() {
        Program p = Program.of(List.of(new Insn.LoadImm64(Reg.R1, PseudoSource.MAP_FD, 0, "nowhere"),
                mov(Reg.R0, 0), new Insn.Exit()));
        assertThatThrownBy(() -> BpfProgram.load(ProgramSpec.of("t_nomap", ProgramType.XDP, p), LoadOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nowhere'");
    }

    @Test
    void aSyscallProgramRunsOnItsContext() {
        // return *(u32 *)(ctx + 0) + 1
        Program p = Program.of(List.of(
                new Insn.Load(MemSize.W, false, Reg.R0, Reg.R1, (short) 0),
                add(Reg.R0, 1),
                new Insn.Exit()));
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_syscall", ProgramType.SYSCALL, p), LoadOptions.DEFAULT)) {
            assertThat(prog.testRun(TestRunOptions.ofContext(Bytes.u32(41))).retval()).isEqualTo(42);
        }
    }

    @Test
    void testRunOfATypeWithoutTestRunsIsAClearError() {
        try (BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_tp", ProgramType.TRACEPOINT, returning(0)),
                LoadOptions.DEFAULT)) {
            assertThatThrownBy(() -> prog.testRun(TestRunOptions.ofData(new byte[16])))
                    .isInstanceOf(SyscallException.class)
                    .hasMessageContaining("BPF_PROG_TEST_RUN").hasMessageContaining("program t_tp (TRACEPOINT)");
        }
    }

    private static int vmlinuxFunc(String name) throws IOException {
        BtfBlob btf = BtfBlob.parse("vmlinux", Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")));
        return btf.find(BtfKind.FUNC, name).orElseThrow().id();
    }

    @Test
    void fentryAndFexitFailWithANotSupportedError() throws IOException {
        int target = vmlinuxFunc("bpf_fentry_test1");
        for (AttachType kind : List.of(AttachType.TRACE_FENTRY, AttachType.TRACE_FEXIT)) {
            ProgramSpec spec = ProgramSpec.of("t_fentry", ProgramType.TRACING, returning(0))
                    .withExpectedAttachType(kind).withAttachBtfId(target);
            assertThatThrownBy(() -> BpfProgram.load(spec, LoadOptions.DEFAULT))
                    .isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(kind == AttachType.TRACE_FENTRY ? "fentry programs" : "fexit programs")
                    .hasMessageContaining("EPERM");
        }
    }

    @Test
    void tpBtfTracingProgramsLoad() throws IOException {
        BtfBlob btf = BtfBlob.parse("vmlinux", Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")));
        int target = btf.find(BtfKind.TYPEDEF, "btf_trace_sched_switch").orElseThrow().id();
        ProgramSpec spec = ProgramSpec.of("t_tp_btf", ProgramType.TRACING, returning(0))
                .withExpectedAttachType(AttachType.TRACE_RAW_TP).withAttachBtfId(target);
        try (BpfProgram prog = BpfProgram.load(spec, LoadOptions.DEFAULT)) {
            assertThat(prog.info().type()).isEqualTo(ProgramType.TRACING);
        }
    }

    @Test
    void lsmFailsWithANotSupportedError() throws IOException {
        int target = vmlinuxFunc("bpf_lsm_file_open");
        ProgramSpec spec = ProgramSpec.of("t_lsm", ProgramType.LSM, returning(0))
                .withExpectedAttachType(AttachType.LSM_MAC).withAttachBtfId(target);
        assertThatThrownBy(() -> BpfProgram.load(spec, LoadOptions.DEFAULT))
                .isInstanceOf(NotSupportedException.class).hasMessageContaining("LSM programs");
    }
}
