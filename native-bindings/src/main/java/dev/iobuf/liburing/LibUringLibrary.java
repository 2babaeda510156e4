package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Loads {@value #SONAME} once, lazily, and reports whether it is there.
 *
 * <p>Nothing here runs until a liburing function is first called (or {@link #isAvailable()} is asked):
 * {@link LibUring}'s constants and the struct layouts never load the library. A failed load is remembered
 * and reported by a {@link LibUringNotFoundException} on each call that needs liburing; it is never thrown
 * from a static initialiser.
 *
 * <p>The library is found by its soname through the dynamic loader ({@code dlopen("liburing.so.2")},
 * {@code LD_LIBRARY_PATH} applies), or at the path given by the system property {@value #PATH_PROPERTY}.
 * The soname, not {@code liburing.so}: that unversioned link only exists where the -dev package is installed.
 */
@SuppressWarnings("restricted") // libraryLookup: native access is granted to this module
public final class LibUringLibrary {

    /** The shared library this binding loads. */
    public static final String SONAME = "liburing.so.2";

    /** Oldest liburing whose exported symbols {@link LibUring} binds (Debian 12's). */
    public static final String MINIMUM_VERSION = "2.3";

    /** System property naming an explicit path to liburing.so.2, used instead of the loader search. */
    public static final String PATH_PROPERTY = "dev.iobuf.liburing.library";

    private LibUringLibrary() {
    }

    /** Initialised on first use; records the failure instead of throwing it. */
    private static final class Holder {
        static final SymbolLookup LOOKUP;
        static final RuntimeException FAILURE;
        static final String SOURCE;

        static {
            String path = System.getProperty(PATH_PROPERTY);
            String source = path == null || path.isBlank() ? SONAME : path;
            SymbolLookup lookup = null;
            RuntimeException failure = null;
            try {
                lookup = SymbolLookup.libraryLookup(source, Arena.global());
            } catch (IllegalArgumentException e) {
                failure = e;
            } catch (IllegalCallerException e) {
                failure = e;
            }
            LOOKUP = lookup;
            FAILURE = failure;
            SOURCE = source;
        }
    }

    /**
     * Whether liburing could be loaded. Loads it on the first call.
     * @return true when {@value #SONAME} is loaded
     */
    public static boolean isAvailable() {
        return Holder.LOOKUP != null;
    }

    /**
     * Loads liburing or says why it cannot.
     * @throws LibUringNotFoundException when it is missing
     * @throws IllegalCallerException when native access is denied to this module
     */
    public static void requireAvailable() {
        if (Holder.LOOKUP == null) {
            throw notFound();
        }
    }

    /**
     * The symbol lookup of the loaded library.
     * @return the lookup
     * @throws LibUringNotFoundException when liburing is missing
     */
    public static SymbolLookup lookup() {
        requireAvailable();
        return Holder.LOOKUP;
    }

    /** The symbol's address, or {@code NULL} when liburing or the symbol is missing (the handle then throws). */
    static MemorySegment find(String symbol) {
        SymbolLookup lookup = Holder.LOOKUP;
        return lookup == null ? MemorySegment.NULL : lookup.find(symbol).orElse(MemorySegment.NULL);
    }

    private static RuntimeException notFound() {
        if (Holder.FAILURE instanceof IllegalCallerException denied) {
            return new IllegalCallerException("native access to load " + SONAME + " was denied: grant it with"
                    + " --enable-native-access=dev.iobuf.liburing (or ALL-UNNAMED on the class path)", denied);
        }
        String why = Holder.FAILURE == null ? "" : " (" + Holder.FAILURE.getMessage() + ")";
        return new LibUringNotFoundException(SONAME + " not found" + why + ". "
                + LibUringNotFoundException.INSTALL_ADVICE, Holder.FAILURE);
    }

    /** Called by the handle that stands in for a missing symbol; builds a fresh exception per call. */
    static RuntimeException missing(String symbol) {
        if (!isAvailable()) {
            return notFound();
        }
        return new LibUringNotFoundException("symbol " + symbol + " not found in " + Holder.SOURCE
                + ": this liburing is older than " + MINIMUM_VERSION + ". " + LibUringNotFoundException.INSTALL_ADVICE,
                null);
    }

    /** A handle of {@code type} that throws {@link #missing(String)} for {@code symbol} whenever invoked. */
    static MethodHandle missingSymbolHandle(String symbol, MethodType type) {
        try {
            MethodHandle factory = MethodHandles.lookup().findStatic(LibUringLibrary.class, "missing",
                    MethodType.methodType(RuntimeException.class, String.class));
            MethodHandle thrower = MethodHandles.throwException(type.returnType(), RuntimeException.class);
            MethodHandle throwing = MethodHandles.collectArguments(thrower, 0,
                    MethodHandles.insertArguments(factory, 0, symbol));
            return MethodHandles.dropArguments(throwing, 0, type.parameterList());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LibUringLibrary.missing(String) must exist", e);
        }
    }
}
