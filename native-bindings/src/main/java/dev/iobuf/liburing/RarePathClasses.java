package dev.iobuf.liburing;

/**
 * The classes of this module a running event loop may need first when the process is out of file descriptors,
 * loaded by this class's initialisation: {@code dev.iobuf.uring.net.RarePathClasses} does it by name when a group is
 * built, and says why.
 */
final class RarePathClasses {
    static {
        // Libc's nested classes hold the downcall handles it binds at their first call (strerror: Errno.describe, the
        // text of an error such as a peer's reset); loaded, not bound: binding spins classes in memory, no file.
        Libc.class.getNestMembers();
    }

    private RarePathClasses() {
    }
}
