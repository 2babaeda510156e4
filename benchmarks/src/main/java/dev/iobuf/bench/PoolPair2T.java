package dev.iobuf.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link PoolPair} on two threads sharing one pool: total acquire+release pairs per microsecond
 * (JMH sums the threads). The queues are contended on their head, tail and slots; our pool only if
 * the two threads' home groups (a hash of the thread id) coincide.
 */
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolPair2T extends PoolPair {
}
