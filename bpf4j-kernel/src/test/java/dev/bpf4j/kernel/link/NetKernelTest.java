package dev.bpf4j.kernel.link;

import dev.bpf4j.kernel.AttachType;
import dev.bpf4j.kernel.KernelTest;
import dev.bpf4j.kernel.ProgramType;
import dev.bpf4j.kernel.sys.Native;
import dev.bpf4j.kernel.sys.Sockets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@KernelTest
class NetKernelTest {
    private static final int LOOPBACK = 0x7f000001;

    /** A UDP socket bound to 127.0.0.1 on a free port. */
    private static int udpSocket() {
        int fd = (int) Native.check("socket", Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0));
        Native.check("bind", Sockets.bind(fd, LOOPBACK, 0));
        return fd;
    }

    private static void send(int from, int toPort, int count) {
        for (int i = 0; i < count; i++) {
            Native.check("sendto", Sockets.sendTo(from, ("datagram " + i).getBytes(), LOOPBACK, toPort));
        }
    }

    @Test
    void socketFilterDropsDatagramsUntilDetached() {
        int rx = udpSocket();
        int tx = udpSocket();
        try (Counter c = Counter.load(ProgramType.SOCKET_FILTER, null, 0)) {
            int port = Sockets.localPort(rx);
            byte[] buf = new byte[64];
            SocketFilterLink link = SocketFilter.attach(c.program, rx);
            try (link) {
                send(tx, port, 3);
                assertThat(Sockets.recv(rx, buf, Sockets.MSG_DONTWAIT)).isEqualTo(-11); // EAGAIN: all dropped
                assertThat(c.count()).isEqualTo(3);
            }
            link.close();
            send(tx, port, 1);
            assertThat(Sockets.recv(rx, buf, 0)).isEqualTo("datagram 0".length());
            assertThat(c.count()).isEqualTo(3);
        } finally {
            Native.close(rx);
            Native.close(tx);
        }
    }

    @Test
    void socketFilterKeepingPacketsDeliversThem() {
        int rx = udpSocket();
        int tx = udpSocket();
        try (Counter c = Counter.load(ProgramType.SOCKET_FILTER, null, -1);
             SocketFilterLink link = SocketFilter.attach(c.program, rx)) {
            send(tx, Sockets.localPort(rx), 2);
            byte[] buf = new byte[64];
            assertThat(Sockets.recv(rx, buf, 0)).isEqualTo("datagram 0".length());
            assertThat(Sockets.recv(rx, buf, 0)).isEqualTo("datagram 1".length());
            assertThat(c.count()).isEqualTo(2);
            assertThat(link.id()).isZero();
        } finally {
            Native.close(rx);
            Native.close(tx);
        }
    }

    private static void udpOnLoopback(Counter c, int count) {
        int rx = udpSocket();
        int tx = udpSocket();
        try {
            send(tx, Sockets.localPort(rx), count);
            assertThat(c.count()).isGreaterThanOrEqualTo(count);
        } finally {
            Native.close(rx);
            Native.close(tx);
        }
    }

    @Test
    void xdpGenericOnLoopbackCountsPackets() {
        try (Counter c = Counter.load(ProgramType.XDP, AttachType.XDP, Xdp.PASS)) {
            BpfLink link = Xdp.attach(c.program, "lo", Xdp.Mode.GENERIC);
            try (link) {
                assertThat(link.id()).isPositive();
                assertThat(link.description()).isEqualTo("XDP (generic) on lo (ifindex 1)");
                udpOnLoopback(c, 5);
            }
            long after = c.count();
            udpOnLoopback(c, 0);
            assertThat(c.count()).isEqualTo(after);
        }
    }

    @Test
    void detachedXdpLinkStopsCountingWhileItsFdStaysOpen() {
        try (Counter c = Counter.load(ProgramType.XDP, AttachType.XDP, Xdp.PASS);
             BpfLink link = Xdp.attach(c.program, "lo", Xdp.Mode.GENERIC)) {
            udpOnLoopback(c, 2);
            link.detach();
            assertThat(link.isClosed()).isFalse();
            long after = c.count();
            udpOnLoopback(c, 0);
            int rx = udpSocket();
            int tx = udpSocket();
            send(tx, Sockets.localPort(rx), 3);
            Native.close(rx);
            Native.close(tx);
            assertThat(c.count()).isEqualTo(after);
        }
    }

    @Test
    void tcxIngressAndEgressOnLoopbackCountPackets() {
        for (Tcx.Direction d : Tcx.Direction.values()) {
            try (Counter c = Counter.load(ProgramType.SCHED_CLS, d.attachType(), Tcx.NEXT);
                 BpfLink link = Tcx.attach(c.program, "lo", d)) {
                assertThat(link.id()).isPositive();
                udpOnLoopback(c, 4);
            }
        }
    }

    /** A fresh cgroup v2 directory for one test; removed by {@link #removeCgroup}. */
    private static Path createCgroup() throws java.io.IOException {
        Path root = Cgroup.v2Root().orElse(null);
        Assumptions.assumeTrue(root != null, "no cgroup v2 hierarchy is mounted");
        return Files.createDirectory(root.resolve("bpf4j-test-" + ProcessHandle.current().pid()));
    }

    private static void removeCgroup(Path cg) throws InterruptedException {
        for (int i = 0; i < 100 && Files.exists(cg); i++) {
            try {
                Files.delete(cg);
            } catch (java.io.IOException busy) {
                Thread.sleep(20); // An exited shell leaves the cgroup asynchronously.
            }
        }
    }

    /** Runs {@code script} in a bash that first moves itself into {@code cg}; returns exit code and output. */
    private static String runInCgroup(Path cg, String script, int expectedExit) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "echo $$ > " + cg.resolve("cgroup.procs") + " && " + script)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void cgroupSkbEgressCountsPacketsOfProcessesInATestCgroup() throws Exception {
        Path cg = createCgroup();
        int rx = udpSocket();
        try (Counter c = Counter.load(ProgramType.CGROUP_SKB, AttachType.CGROUP_INET_EGRESS, 1);
             BpfLink link = Cgroup.attach(c.program, cg, AttachType.CGROUP_INET_EGRESS)) {
            assertThat(link.id()).isPositive();
            int port = Sockets.localPort(rx);
            // Packets this JVM sends are outside the cgroup and must not count.
            int tx = udpSocket();
            send(tx, port, 3);
            Native.close(tx);
            assertThat(c.count()).isZero();
            runInCgroup(cg, "for i in 1 2 3 4 5; do echo hi > /dev/udp/127.0.0.1/" + port + "; done", 0);
            assertThat(c.count()).isEqualTo(5);
        } finally {
            Native.close(rx);
            removeCgroup(cg);
        }
    }

    @Test
    void cgroupConnect4ProgramDeniesConnectsInItsCgroupOnly() throws Exception {
        Path cg = createCgroup();
        int rx = udpSocket();
        try (Counter c = Counter.load(ProgramType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_CONNECT, 0);
             BpfLink link = Cgroup.attach(c.program, cg, AttachType.CGROUP_INET4_CONNECT)) {
            assertThat(link.id()).isPositive();
            int port = Sockets.localPort(rx);
            String out = runInCgroup(cg, "echo hi > /dev/udp/127.0.0.1/" + port, 1);
            assertThat(out).contains("Operation not permitted");
            assertThat(c.count()).isEqualTo(1);
            int tx = udpSocket();
            assertThat(Sockets.connect(tx, LOOPBACK, port)).as("this JVM is outside the cgroup").isZero();
            Native.close(tx);
        } finally {
            Native.close(rx);
            removeCgroup(cg);
        }
    }
}
