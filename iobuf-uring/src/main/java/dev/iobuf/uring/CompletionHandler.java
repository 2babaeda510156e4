package dev.iobuf.uring;

/**
 * Receives completions from {@link Ring#reap}. Called on the reaping thread, once per CQE, in
 * completion order; the arguments are copied out of the CQ, so the handler may submit new work.
 */
@FunctionalInterface
public interface CompletionHandler {
    /**
     * Handles one completion.
     *
     * @param userData the value the submitter put in the SQE
     * @param result the operation's result: bytes, an fd, 0, or {@code -errno}
     * @param flags {@code IORING_CQE_F_*} bits (buffer id in the upper 16 bits with F_BUFFER)
     */
    void complete(long userData, int result, int flags);
}
