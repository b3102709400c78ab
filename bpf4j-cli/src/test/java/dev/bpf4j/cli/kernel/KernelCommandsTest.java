package dev.bpf4j.cli.kernel;

import dev.bpf4j.asm.ProgramBuilder;
import dev.bpf4j.cli.KernelAvailable;
import dev.bpf4j.cli.Main;
import dev.bpf4j.isa.Reg;
import dev.bpf4j.kernel.BpfFs;
import dev.bpf4j.kernel.BpfMap;
import dev.bpf4j.kernel.BpfProgram;
import dev.bpf4j.kernel.LoadOptions;
import dev.bpf4j.kernel.MapSpec;
import dev.bpf4j.kernel.MapType;
import dev.bpf4j.kernel.ProgramSpec;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.UpdateFlag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code prog list}, {@code map list} and {@code map dump} against live objects; and without privilege. */
@Tag("kernel")
class KernelCommandsTest {
    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void listsAProgramAndItsMapAndDumpsTheMap() {
        KernelAvailable.assume();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_cli_map", MapType.HASH, 4, 8, 8));
             BpfProgram prog = BpfProgram.load(ProgramSpec.of("t_cli_prog", ProgramType.SOCKET_FILTER,
                     ProgramBuilder.build(b -> b.ldMap(Reg.R1, "t_cli_map").mov64(Reg.R0, 0).exit())),
                     Map.of("t_cli_map", map), LoadOptions.DEFAULT)) {
            map.update(new byte[] {1, 0, 0, 0}, new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0x10}, UpdateFlag.ANY);
            int progId = prog.info().id();
            int mapId = map.info().id();

            Run progs = cli("prog", "list");
            assertThat(progs.exit()).isZero();
            assertThat(progs.out()).contains(progId + ": socket_filter  name t_cli_prog  tag " + prog.info().tag())
                    .contains("map_ids " + mapId);

            Run maps = cli("map", "list");
            assertThat(maps.exit()).isZero();
            assertThat(maps.out()).contains(mapId + ": hash  name t_cli_map  flags 0x0\n\tkey 4B  value 8B  max_entries 8\n");

            Run dump = cli("map", "dump", String.valueOf(mapId));
            assertThat(dump.exit()).isZero();
            assertThat(dump.out()).isEqualTo("key: 01 00 00 00  value: ff 00 00 00 00 00 00 10\nFound 1 element\n");
        }
    }

    @Test
    void dumpsPerCpuMapsAndPinnedMaps() throws IOException {
        KernelAvailable.assume();
        String dir = BpfFs.ensureMounted();
        String pin = dir + "/t_cli_pin_" + ProcessHandle.current().pid();
        try (BpfMap map = BpfMap.create(MapSpec.of("t_cli_pcpu", MapType.PERCPU_ARRAY, 4, 4, 1))) {
            map.pin(pin);
            try {
                Run dump = cli("map", "dump", pin);
                assertThat(dump.exit()).isZero();
                assertThat(dump.out()).startsWith("key:\n00 00 00 00\nvalue (CPU 00): 00 00 00 00\n")
                        .endsWith("Found 1 element\n");
            } finally {
                BpfFs.unpin(pin);
            }
        }
    }

    @Test
    void aMissingMapIsOneLine() {
        KernelAvailable.assume();
        Run dump = cli("map", "dump", "999999999");
        assertThat(dump.exit()).isNotZero();
        assertThat(dump.err().strip()).startsWith("bpf4j: ").doesNotContain("\n");
    }

    @Test
    void withoutPrivilegeEachCommandSaysWhichCapabilityItNeeds() throws Exception {
        KernelAvailable.assume();
        Path setpriv = Path.of("/usr/bin/setpriv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(setpriv), "no setpriv");
        // The test class path lies partly under /root, which nobody cannot read: copy it somewhere it can.
        Path tmp = Files.createTempDirectory("bpf4j-nobody");
        try {
            List<String> cp = new ArrayList<>();
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path src = Path.of(entry);
                if (!Files.exists(src)) {
                    continue;
                }
                Path dst = tmp.resolve((i++) + "-" + src.getFileName());
                copy(src, dst);
                cp.add(dst.toString());
            }
            Files.walk(tmp).forEach(p -> p.toFile().setReadable(true, false));
            Files.walk(tmp).filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            for (String[] args : List.of(new String[] {"prog", "list"}, new String[] {"map", "list"},
                    new String[] {"map", "dump", "1"})) {
                List<String> cmd = new ArrayList<>(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
                        "--clear-groups", "--inh-caps=-all", javaBin, "--enable-native-access=ALL-UNNAMED", "-cp",
                        String.join(java.io.File.pathSeparator, cp), Main.class.getName()));
                cmd.addAll(List.of(args));
                Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).start();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(err).isEqualTo(77);
                assertThat(err.lines().toList()).hasSize(1);
                assertThat(err).startsWith("bpf4j: cannot ").contains("CAP_SYS_ADMIN");
            }
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void copy(Path src, Path dst) throws IOException {
        if (Files.isDirectory(src)) {
            try (var s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
        } else {
            Files.copy(src, dst);
        }
    }
}
