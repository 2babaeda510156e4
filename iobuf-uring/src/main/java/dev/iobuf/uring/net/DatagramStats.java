package dev.iobuf.uring.net;

/**
 * A UDP endpoint's live counters: plain fields written by its loop thread; what leaves the loop is a
 * {@link DatagramCounters} snapshot.
 */
final class DatagramStats {
    long received;
    long receivedBytes;
    long sent;
    long sentBytes;
    long sendCalls;
    long gsoSends;
    long gsoDatagrams;
    long groReceives;
    long groDatagrams;
    long truncated;
    long sendsRefused;
    long sendErrors;
    long handlerErrors;
    long recvNoBuffers;
    long recvRearms;
    long stale;

    DatagramCounters snapshot(long queued) {
        return new DatagramCounters(received, receivedBytes, sent, sentBytes, sendCalls, gsoSends, gsoDatagrams,
                groReceives, groDatagrams, truncated, sendsRefused, sendErrors, handlerErrors, recvNoBuffers,
                recvRearms, queued, stale);
    }
}
