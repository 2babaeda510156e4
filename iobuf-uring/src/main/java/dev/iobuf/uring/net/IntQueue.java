package dev.iobuf.uring.net;

/**
 * A FIFO of ints that grows by doubling (rarely: it holds receive buffers that arrive while reading is
 * paused, a handful at most). Loop thread only.
 */
final class IntQueue {
    private int[] items = new int[4];
    private int head;
    private int tail;

    void add(int value) {
        if (tail - head == items.length) {
            int[] larger = new int[items.length * 2];
            for (int i = head; i < tail; i++) {
                larger[i - head] = items[i & (items.length - 1)];
            }
            tail -= head;
            head = 0;
            items = larger;
        }
        items[tail++ & (items.length - 1)] = value;
    }

    boolean isEmpty() {
        return head == tail;
    }

    int poll() {
        return items[head++ & (items.length - 1)];
    }
}
