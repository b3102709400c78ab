package dev.bpf4j.vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The VM's address space: a table of regions, each a whole {@code byte[]}, and 64-bit virtual addresses
 * {@code region << 32 | offset}. Programs can do pointer arithmetic on addresses freely; every access is
 * checked against its region's bounds before it happens, and a bad one raises a
 * {@link MemoryFaultException} naming the address and the region.
 *
 * <p>Fixed regions: 0 is the null page (never mapped), 1..8 the stack frames (512 bytes each, one per call
 * depth; {@code r10} points at the end of its frame), 9 the input memory given to {@code run}, 10 code
 * addresses (what {@code lddw} of a function yields; not readable), 11 map handles (what {@code lddw} of
 * a map yields; not readable). Regions from 12 on are map values and ring buffer records, registered as
 * the program gets pointers to them; those registered during a run are dropped when the next run starts.
 * Little-endian, like every host eBPF runs on. One thread at a time.
 */
public final class Memory {
    /** Bytes of stack per frame, as in the kernel. */
    public static final int STACK_SIZE = 512;
    /** The deepest call chain, in frames (the kernel's MAX_CALL_FRAMES). */
    public static final int MAX_FRAMES = 8;
    /** Region of the first (outermost) stack frame. */
    public static final int STACK_REGION = 1;
    /** Region of the input memory. */
    public static final int INPUT_REGION = 9;
    /** Pseudo-region of code addresses: offset = instruction index. */
    public static final int CODE_REGION = 10;
    /** Pseudo-region of map handles: offset = the map's slot in the VM's map table. */
    public static final int MAP_REGION = 11;
    private static final int FIRST_DYNAMIC = 12;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[][] regions = new byte[32][];
    private String[] names = new String[32];
    private int count = FIRST_DYNAMIC;
    private int fixedCount = FIRST_DYNAMIC;
    private final Map<byte[], Integer> ids = new IdentityHashMap<>();

    /** An address space with its stack frames allocated and no input. */
    public Memory() {
        names[0] = "null pointer";
        for (int f = 0; f < MAX_FRAMES; f++) {
            regions[STACK_REGION + f] = new byte[STACK_SIZE];
            names[STACK_REGION + f] = "stack frame " + f;
        }
        names[INPUT_REGION] = "input memory";
        names[CODE_REGION] = "code address";
        names[MAP_REGION] = "map handle";
    }

    /** The address {@code region << 32 | offset}. */
    public static long address(int region, int offset) {
        return (long) region << 32 | (offset & 0xffffffffL);
    }

    /** The region number of an address. */
    public static int regionOf(long address) {
        return (int) (address >>> 32);
    }

    /** The frame pointer {@code r10} of call depth {@code depth} (0 = the entry function). */
    public static long framePointer(int depth) {
        return address(STACK_REGION + depth, STACK_SIZE);
    }

    /** Maps {@code input} (may be null: then the input region is unmapped) as the input memory. */
    public void setInput(byte[] input) {
        regions[INPUT_REGION] = input;
    }

    /**
     * The address of the first byte of {@code data}, mapping it as a new region named {@code name} if it is
     * not mapped yet. Used for map values and ring buffer records: a program gets pointers only to what a
     * helper handed it.
     */
    public long addressOf(byte[] data, String name) {
        Integer id = ids.get(data);
        if (id == null) {
            if (count == regions.length) {
                regions = Arrays.copyOf(regions, count * 2);
                names = Arrays.copyOf(names, count * 2);
            }
            id = count++;
            regions[id] = data;
            names[id] = name;
            ids.put(data, id);
        }
        return address(id, 0);
    }

    /** Like {@link #addressOf} but the mapping survives {@link #resetDynamic()}: for addresses baked into code. */
    public long addressOfFixed(byte[] data, String name) {
        long a = addressOf(data, name);
        if (regionOf(a) >= fixedCount) {
            fixedCount = count;
        }
        return a;
    }

    /** Unmaps the region of {@code data} (a submitted or discarded ring buffer record): later accesses fault. */
    public void unmap(byte[] data) {
        Integer id = ids.remove(data);
        if (id != null) {
            regions[id] = null;
            names[id] = names[id] + " (released)";
        }
    }

    /** Drops the regions mapped during the last run, keeping the fixed ones, and zeroes the stack frames. */
    public void resetDynamic() {
        // Zeroed stacks make runs reproducible: a program reading a slot it never wrote sees 0, not the last run.
        for (int f = 0; f < MAX_FRAMES; f++) {
            Arrays.fill(regions[STACK_REGION + f], (byte) 0);
        }
        for (int i = fixedCount; i < count; i++) {
            if (regions[i] != null) {
                ids.remove(regions[i]);
            }
            regions[i] = null;
            names[i] = null;
        }
        count = fixedCount;
    }

    /**
     * The array backing {@code [address, address + size)}, after checking the whole range lies in one mapped
     * region; the array index of {@code address} is its low 32 bits.
     *
     * @throws MemoryFaultException if it does not
     */
    public byte[] check(long address, int size, boolean write, int pc) {
        byte[] m = region(address, size);
        if (m == null) {
            throw fault(address, size, write, pc);
        }
        return m;
    }

    /**
     * The array backing {@code [address, address + size)}, or null if that range is not inside one mapped
     * region: the execute loop's fast path, which raises the fault itself.
     */
    public byte[] region(long address, int size) {
        int id = (int) (address >>> 32);
        int off = (int) address;
        byte[][] table = regions;
        if (id >= 0 && id < table.length) {
            byte[] m = table[id];
            if (m != null && off >= 0 && off <= m.length - size) {
                return m;
            }
        }
        return null;
    }

    /** The fault for an access that {@link #check} refused, with the region described. */
    public MemoryFaultException fault(long address, int size, boolean write, int pc) {
        int id = (int) (address >>> 32);
        String where;
        int below = id + 1;
        if ((int) address < 0 && below > 0 && below < count && regions[below] != null) {
            // Pointer arithmetic below a region's start borrows from the region number.
            where = (-(int) address) + " bytes before the start of " + names[below] + " of " + regions[below].length
                    + " bytes";
        } else if (address == 0 || id == 0) {
            where = "null pointer";
        } else if (id < 0 || id >= count || names[id] == null) {
            where = address == 0 ? "null pointer" : "not an address the program was given";
        } else if (regions[id] == null) {
            where = names[id] + (id == INPUT_REGION ? ": no input memory" : ", which is not readable memory");
        } else {
            where = names[id] + " of " + regions[id].length + " bytes, offset " + (int) address;
        }
        return new MemoryFaultException(pc, address, size, write, where);
    }

    /** Reads 1, 2, 4 or 8 bytes, zero-extended. */
    public long load(long address, int size, int pc) {
        byte[] m = check(address, size, false, pc);
        int i = (int) address;
        return switch (size) {
            case 1 -> m[i] & 0xffL;
            case 2 -> (short) I16.get(m, i) & 0xffffL;
            case 4 -> (int) I32.get(m, i) & 0xffffffffL;
            default -> (long) I64.get(m, i);
        };
    }

    /** Writes the low 1, 2, 4 or 8 bytes of {@code value}. */
    public void store(long address, int size, long value, int pc) {
        byte[] m = check(address, size, true, pc);
        int i = (int) address;
        switch (size) {
            case 1 -> m[i] = (byte) value;
            case 2 -> I16.set(m, i, (short) value);
            case 4 -> I32.set(m, i, (int) value);
            default -> I64.set(m, i, value);
        }
    }

    /** A copy of {@code length} bytes at {@code address} (for helpers: keys, values, strings). */
    public byte[] read(long address, int length, int pc) {
        if (length < 0) {
            throw new VmException(pc, "negative length " + length);
        }
        if (length == 0) {
            return new byte[0];
        }
        byte[] m = check(address, length, false, pc);
        return Arrays.copyOfRange(m, (int) address, (int) address + length);
    }

    /** Copies {@code data} to {@code address}. */
    public void write(long address, byte[] data, int pc) {
        if (data.length == 0) {
            return;
        }
        byte[] m = check(address, data.length, true, pc);
        System.arraycopy(data, 0, m, (int) address, data.length);
    }

    /**
     * The NUL-terminated string at {@code address}, reading at most {@code max} bytes and never past its
     * region (ISO-8859-1, byte for byte).
     */
    public String readString(long address, int max, int pc) {
        byte[] m = check(address, 1, false, pc);
        int start = (int) address;
        int end = start;
        while (end < m.length && end - start < max && m[end] != 0) {
            end++;
        }
        return new String(m, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The current region table, indexed by region number (entries may be null), for the execute loop's
     * inline bounds checks. Valid until a helper maps a new region; the loop fetches it again after calls.
     */
    public byte[][] table() {
        return regions;
    }

    /** The array of the region {@code address} points into, or null if none is mapped there. */
    public byte[] regionArray(long address) {
        int id = (int) (address >>> 32);
        return id >= 0 && id < count ? regions[id] : null;
    }
}
