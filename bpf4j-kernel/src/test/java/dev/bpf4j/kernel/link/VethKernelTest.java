package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XDP and tcx on a veth pair whose far end lives in a network namespace: packets sent from inside the
 * namespace arrive on the near end, where the programs count them.
 */
@KernelTest
class VethKernelTest {
    private final String ns = "bpf4j" + ProcessHandle.current().pid();
    private final String near = "b4j" + ProcessHandle.current().pid() + "a";
    private final String far = "b4j" + ProcessHandle.current().pid() + "b";

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @BeforeEach
    void createVethPair() throws Exception {
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", near, "type", "veth", "peer", "name", far, "netns", ns);
        run("ip", "addr", "add", "10.213.0.1/30", "dev", near);
        run("ip", "link", "set", near, "up");
        run("ip", "-n", ns, "addr", "add", "10.213.0.2/30", "dev", far);
        run("ip", "-n", ns, "link", "set", far, "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
    }

    @AfterEach
    void deleteVethPair() throws Exception {
        run("ip", "netns", "del", ns); // Takes the far end, and with it the near end.
        for (int i = 0; i < 50 && java.nio.file.Files.exists(java.nio.file.Path.of("/sys/class/net", near)); i++) {
            Thread.sleep(20);
        }
    }

    private void sendFromNamespace(int datagrams) throws Exception {
        run(List.of("ip", "netns", "exec", ns, "bash", "-c",
                "for i in $(seq " + datagrams + "); do echo hi > /dev/udp/10.213.0.1/9; done").toArray(String[]::new));
    }

    @Test
    void xdpOnTheNearEndCountsDatagramsFromTheNamespace() throws Exception {
        try (Counter c = Counter.load(ProgramType.XDP, AttachType.XDP, Xdp.PASS);
             BpfLink link = Xdp.attach(c.program, near, Xdp.Mode.GENERIC)) {
            assertThat(link.description()).startsWith("XDP (generic) on " + near);
            sendFromNamespace(6);
            assertThat(c.count()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void tcxIngressOnTheNearEndCountsDatagramsFromTheNamespace() throws Exception {
        try (Counter c = Counter.load(ProgramType.SCHED_CLS, AttachType.TCX_INGRESS, Tcx.NEXT);
             BpfLink link = Tcx.attach(c.program, near, Tcx.Direction.INGRESS)) {
            assertThat(link.id()).isPositive();
            sendFromNamespace(4);
            assertThat(c.count()).isGreaterThanOrEqualTo(4);
        }
    }
}
