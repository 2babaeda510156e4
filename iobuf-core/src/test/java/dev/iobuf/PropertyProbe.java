package dev.iobuf;

import java.lang.foreign.Arena;

/**
 * Run in a child JVM by {@link AlignedMemoryTest}: prints what {@link AlignedMemory} resolved from
 * the system properties; with two arguments, sets them as the page-size and cache-line properties
 * and prints again (a bad value must not stick).
 */
public final class PropertyProbe {
    private PropertyProbe() {
    }

    public static void main(String[] args) {
        print();
        if (args.length == 2) {
            System.setProperty(AlignedMemory.PAGE_SIZE_PROPERTY, args[0]);
            System.setProperty(AlignedMemory.CACHE_LINE_PROPERTY, args[1]);
            print();
        }
    }

    private static void print() {
        try {
            int page = AlignedMemory.pageSize();
            try (Arena arena = Arena.ofConfined()) {
                boolean aligned = AlignedMemory.isAligned(AlignedMemory.allocatePages(arena, 10), page);
                System.out.println("page=" + page + " aligned=" + aligned);
            }
        } catch (IllegalArgumentException e) {
            System.out.println("page error: " + e.getMessage());
        }
        try {
            System.out.println("line=" + AlignedMemory.cacheLineSize());
        } catch (IllegalArgumentException e) {
            System.out.println("line error: " + e.getMessage());
        }
    }
}
