package dev.arena.server.config;

import io.netty.util.NetUtil;

import java.util.Arrays;

/**
 * An IP address or a CIDR block ({@code 10.0.0.0/8}, {@code 192.168.1.7},
 * {@code fd00::/8}, {@code ::1}), as {@code http.trustedProxies} lists them.
 * Only literals are read: no name is ever looked up. An IPv4-mapped IPv6
 * address ({@code ::ffff:10.0.0.1}) is the IPv4 address it maps.
 */
public final class IpBlock {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * @param text an address or {@code address/prefix}
     * @throws IllegalArgumentException if it is neither
     */
    public static IpBlock parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address or CIDR block");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("\"" + text + "\" has a prefix length outside 0.." + bits);
            }
        }
        return new IpBlock(mask(address, prefix), prefix, s);
    }

    /**
     * The bytes of an IP literal (4 for IPv4, also when IPv4-mapped; 16 for
     * IPv6), or null when {@code text} is not one. Brackets and a zone
     * ({@code [fe80::1%eth0]}) are accepted.
     */
    public static byte[] literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] bytes = s.isEmpty() ? null : NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    /** Whether the address (from {@link #literal}) lies in this block. Allocates nothing: bans check every upgrade. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = (0xFF << (8 - keep)) & 0xFF;
            if ((address[i] & mask) != (network[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** Bits of the network prefix: 32 (IPv4) or 128 (IPv6) for a single address, 0 for every address. */
    public int prefixLength() {
        return prefix;
    }

    /**
     * The block in one spelling: its network address in canonical form, and {@code /prefix} unless it is a
     * single address ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}, {@code 0:0::1} is {@code ::1}).
     */
    public String canonical() {
        String address = NetUtil.bytesToIpAddress(network);
        return prefix == network.length * 8 ? address : address + "/" + prefix;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
