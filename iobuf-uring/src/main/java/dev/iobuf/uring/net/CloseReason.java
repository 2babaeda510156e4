package dev.iobuf.uring.net;

/** Why a connection closed ({@link Connection#closeReason()}); the first reason recorded wins. */
public enum CloseReason {
    /** This side called {@link Connection#close()} or {@link Connection#abort()}. */
    LOCAL,
    /** The peer closed its side (end of stream). */
    PEER,
    /** A receive or send failed, or the handler threw ({@link Connection#failure()} says which). */
    ERROR,
    /** Nothing was received or sent for the group's idle timeout. */
    IDLE_TIMEOUT,
    /** The connection's deadline passed ({@link Connection#deadline}). */
    DEADLINE,
    /** The group shut down. */
    SHUTDOWN
}
