package dev.bpf4j.pcap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The link-layer header types bpf4j filters and captures: the {@code LINKTYPE_*} number stored in pcap and
 * pcapng files (tcpdump.org's link-layer header types registry) and the {@code DLT_*} name tcpdump's
 * {@code -y} option takes. The filter compiler needs the link type to know where the network header starts.
 */
public enum LinkType {
    /** BSD loopback: a 4-byte address family in host byte order. */
    NULL(0, "NULL", "BSD loopback"),
    /** Ethernet II / 802.3 (DLT_EN10MB). */
    ETHERNET(1, "EN10MB", "Ethernet"),
    /** Raw IPv4 or IPv6, version from the first nibble. */
    RAW(101, "RAW", "Raw IP"),
    /** OpenBSD loopback: a 4-byte address family in network byte order. */
    LOOP(108, "LOOP", "OpenBSD loopback"),
    /** Linux "cooked" capture, version 1 (16-byte header; what {@code -i any} gives). */
    LINUX_SLL(113, "LINUX_SLL", "Linux cooked v1"),
    /** Raw IPv4 only. */
    IPV4(228, "IPV4", "Raw IPv4"),
    /** Raw IPv6 only. */
    IPV6(229, "IPV6", "Raw IPv6"),
    /** Linux "cooked" capture, version 2 (20-byte header with interface index). */
    LINUX_SLL2(276, "LINUX_SLL2", "Linux cooked v2");

    private final int linkType;
    private final String dltName;
    private final String description;

    LinkType(int linkType, String dltName, String description) {
        this.linkType = linkType;
        this.dltName = dltName;
        this.description = description;
    }

    /** The LINKTYPE_ number as stored in capture files. */
    public int number() {
        return linkType;
    }

    /** The DLT_ name without its prefix, as tcpdump's {@code -y} and {@code -L} spell it. */
    public String dltName() {
        return dltName;
    }

    public String description() {
        return description;
    }

    /** The link type with this LINKTYPE_ number, if bpf4j supports it. */
    public static Optional<LinkType> ofNumber(int number) {
        return Arrays.stream(values()).filter(t -> t.linkType == number).findFirst();
    }

    /** The link type with this DLT name ({@code EN10MB}, {@code LINUX_SLL}, ...), case-insensitively. */
    public static Optional<LinkType> ofDltName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.dltName.equals(upper)).findFirst();
    }
}
