/**
 * io_uring with a Java hot path: a {@link dev.iobuf.uring.Ring} whose submission and completion queues
 * are read and written in Java over the shared ring memory ({@code io_uring_enter} is the only call per
 * batch), typed setup options checked against what the kernel granted, {@link dev.iobuf.uring.Probe
 * probing}, {@link dev.iobuf.uring.RegisteredBuffers registered buffers} and files, and
 * {@link dev.iobuf.uring.BufferRing provided-buffer rings} with an explicit ownership state machine.
 * Refusals (seccomp, missing io_uring, RLIMIT_MEMLOCK) are told apart by exception type, each with its
 * remedy; ring setup and refusals are also JFR events ({@code dev.iobuf.*}).
 */
package dev.iobuf.uring;
