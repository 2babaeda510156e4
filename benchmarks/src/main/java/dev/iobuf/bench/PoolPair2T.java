package dev.iobuf.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link PoolPair} on two threads sharing one pool: total acquire+release pairs per microsecond
 * (JMH sums the threads), contended on the pool's head, tail and slots.
 */
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolPair2T extends PoolPair {
}
