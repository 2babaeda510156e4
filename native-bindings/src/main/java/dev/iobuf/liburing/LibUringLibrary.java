package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * Loads {@value #SONAME} once, lazily, and reports whether it is there: ask here before touching
 * {@link LibUringFunctions}.
 *
 * <p>{@link LibUringFunctions} is jextract's output: its class initialiser looks {@value #SONAME} up and
 * throws (an {@code ExceptionInInitializerError}, then {@code NoClassDefFoundError}s) when it is missing.
 * So callers go through {@link #isAvailable()} or {@link #requireAvailable()} first, which never throw from a
 * static initialiser and say how to install liburing. {@link LibUring}'s constants and the struct layouts
 * never load the library.
 *
 * <p>The library is found by its soname through the dynamic loader ({@code dlopen("liburing.so.2")},
 * {@code LD_LIBRARY_PATH} applies), or at the path given by the system property {@value #PATH_PROPERTY}.
 * The soname, not {@code liburing.so}: that unversioned link only exists where the -dev package is installed.
 * A library loaded from a path is the one {@link LibUringFunctions} then binds: the dynamic loader matches
 * its later {@code dlopen("liburing.so.2")} against the soname of the library already loaded.
 */
@SuppressWarnings("restricted") // libraryLookup: native access is granted to this module
public final class LibUringLibrary {

    /** The shared library this binding loads. */
    public static final String SONAME = "liburing.so.2";

    /** Oldest liburing whose exported symbols {@link LibUringFunctions} binds (Debian 12's). */
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

    private static RuntimeException notFound() {
        if (Holder.FAILURE instanceof IllegalCallerException denied) {
            return new IllegalCallerException("native access to load " + SONAME + " was denied: grant it with"
                    + " --enable-native-access=dev.iobuf.liburing (or ALL-UNNAMED on the class path)", denied);
        }
        String why = Holder.FAILURE == null ? "" : " (" + Holder.FAILURE.getMessage() + ")";
        return new LibUringNotFoundException(SONAME + " not found" + why + ". "
                + LibUringNotFoundException.INSTALL_ADVICE, Holder.FAILURE);
    }
}
