package dev.iobuf.uring;

/**
 * The classes of this package a running event loop may need first when the process is out of file descriptors,
 * loaded by this class's initialisation: {@code dev.iobuf.uring.net.RarePathClasses} does it by name when a group is
 * built, and says why.
 */
final class RarePathClasses {
    static {
        CloseDrain.class.getNestMembers();  // the loop's ring teardown (Ring.close), perhaps out of fds
    }

    private RarePathClasses() {
    }
}
