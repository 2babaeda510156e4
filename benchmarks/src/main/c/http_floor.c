/*
 * The floor of scripts/bench-http.sh: the least user-space work that can answer the HTTP plaintext
 * test on io_uring, so that what is left of our server's CPU per request over it is ours to close.
 *
 *   gcc -O2 -o http_floor http_floor.c -luring      (liburing 2.3; kernel 6.0+)
 *   http_floor --port 18085
 *
 * One thread, one ring (SINGLE_ISSUER + DEFER_TASKRUN when the kernel has them, as our event loop),
 * a listening socket on 0.0.0.0 with SO_REUSEADDR and TCP_NODELAY (accepted sockets inherit it),
 * one multishot accept, one multishot recv per connection into a provided-buffer ring of
 * 1024 x 8192 B (the size of ours), and one send per receive carrying one answer per request found
 * in it. The answer is byte for byte our HttpServer's 200 answer to a keep-alive GET /plaintext
 * (examples PlaintextResponses): Server: iobuf, Date rewritten in place when the second changes.
 * Requests are only counted (each CRLF CRLF, across receives): no parsing, no validation, GET
 * without a body assumed. This is a measuring stick, not a server to expose.
 */
#include <errno.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUFFERS 1024
#define BUFFER_SIZE 8192
#define GROUP 0
#define OP_ACCEPT 1
#define OP_RECV 2
#define OP_SEND 3

static const char HEAD[] = "HTTP/1.1 200 OK\r\nServer: iobuf\r\nDate: ";
static const char TAIL[] = "\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";
#define DATE_LEN 29
#define RESPONSE_LEN (sizeof(HEAD) - 1 + DATE_LEN + sizeof(TAIL) - 1)

static char response[RESPONSE_LEN];
static time_t response_second = -1;

/* One connection: a send in flight from `out`; answers owed meanwhile collect in `pending`. */
struct conn {
    int fd;
    int scan;          /* bytes of CR LF CR LF matched at the end of what was received (0..3) */
    int recv_done;     /* the multishot recv ended (EOF or error): close when no send is in flight */
    char *out, *pending;
    size_t out_len, out_sent, out_cap, pending_len, pending_cap;
};

static struct io_uring ring;
static struct io_uring_buf_ring *buffers;
static char *buffer_memory;
static struct conn **conns;
static int conns_cap;
static int listen_fd;

static void die(const char *what, int err) {
    fprintf(stderr, "http_floor: %s: %s\n", what, strerror(err));
    exit(1);
}

static void refresh_date(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME_COARSE, &now);
    if (now.tv_sec == response_second) return;
    response_second = now.tv_sec;
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    char date[DATE_LEN + 1];
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);   /* C locale: English names */
    memcpy(response + sizeof(HEAD) - 1, date, DATE_LEN);
}

static struct io_uring_sqe *sqe(void) {
    struct io_uring_sqe *s = io_uring_get_sqe(&ring);
    if (!s) {
        io_uring_submit(&ring);
        s = io_uring_get_sqe(&ring);
        if (!s) die("io_uring_get_sqe", EBUSY);
    }
    return s;
}

static void arm_accept(void) {
    struct io_uring_sqe *s = sqe();
    io_uring_prep_multishot_accept(s, listen_fd, NULL, NULL, 0);
    io_uring_sqe_set_data64(s, OP_ACCEPT);
}

static void arm_recv(struct conn *c) {
    struct io_uring_sqe *s = sqe();
    io_uring_prep_recv_multishot(s, c->fd, NULL, 0, 0);
    s->flags |= IOSQE_BUFFER_SELECT;
    s->buf_group = GROUP;
    io_uring_sqe_set_data64(s, (__u64) c->fd << 8 | OP_RECV);
}

static void send_out(struct conn *c) {
    struct io_uring_sqe *s = sqe();
    io_uring_prep_send(s, c->fd, c->out + c->out_sent, c->out_len - c->out_sent, MSG_NOSIGNAL);
    io_uring_sqe_set_data64(s, (__u64) c->fd << 8 | OP_SEND);
}

static void release(struct conn *c) {
    close(c->fd);
    conns[c->fd] = NULL;
    free(c->out);
    free(c->pending);
    free(c);
}

static void grow(char **buf, size_t *cap, size_t need) {
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 4096;
    while (n < need) n *= 2;
    *buf = realloc(*buf, n);
    if (!*buf) die("realloc", ENOMEM);
    *cap = n;
}

/* Starts a send of the pending answers when none is in flight. */
static void flush(struct conn *c) {
    if (c->out_len != 0 || c->pending_len == 0) return;
    char *b = c->out; size_t cap = c->out_cap;
    c->out = c->pending; c->out_cap = c->pending_cap; c->out_len = c->pending_len; c->out_sent = 0;
    c->pending = b; c->pending_cap = cap; c->pending_len = 0;
    send_out(c);
}

static void on_accept(struct io_uring_cqe *cqe) {
    if (!(cqe->flags & IORING_CQE_F_MORE)) arm_accept();
    if (cqe->res < 0) return;
    int fd = cqe->res;
    if (fd >= conns_cap) {
        int n = conns_cap;
        while (n <= fd) n *= 2;
        conns = realloc(conns, n * sizeof *conns);
        if (!conns) die("realloc", ENOMEM);
        memset(conns + conns_cap, 0, (n - conns_cap) * sizeof *conns);
        conns_cap = n;
    }
    struct conn *c = calloc(1, sizeof *c);
    if (!c) die("calloc", ENOMEM);
    c->fd = fd;
    conns[fd] = c;
    arm_recv(c);
}

static void on_recv(struct conn *c, struct io_uring_cqe *cqe) {
    if (cqe->res > 0) {
        int bid = cqe->flags >> IORING_CQE_BUFFER_SHIFT;
        const char *p = buffer_memory + (size_t) bid * BUFFER_SIZE, *end = p + cqe->res;
        int scan = c->scan, requests = 0;
        for (; p < end; p++) {   /* a 4-state matcher for CR LF CR LF */
            char ch = *p;
            if (ch == (scan & 1 ? '\n' : '\r')) {
                if (++scan == 4) { requests++; scan = 0; }
            } else {
                scan = ch == '\r';
            }
        }
        c->scan = scan;
        io_uring_buf_ring_add(buffers, buffer_memory + (size_t) bid * BUFFER_SIZE, BUFFER_SIZE, bid,
                              io_uring_buf_ring_mask(BUFFERS), 0);
        io_uring_buf_ring_advance(buffers, 1);
        if (requests) {
            grow(&c->pending, &c->pending_cap, c->pending_len + (size_t) requests * RESPONSE_LEN);
            for (int i = 0; i < requests; i++, c->pending_len += RESPONSE_LEN)
                memcpy(c->pending + c->pending_len, response, RESPONSE_LEN);
            flush(c);
        }
    }
    if (!(cqe->flags & IORING_CQE_F_MORE)) {
        if (cqe->res == -ENOBUFS) { arm_recv(c); return; }   /* out of buffers for a moment */
        if (cqe->res > 0) { arm_recv(c); return; }
        c->recv_done = 1;
        if (c->out_len == 0) release(c);
    }
}

static void on_send(struct conn *c, struct io_uring_cqe *cqe) {
    if (cqe->res < 0) {
        shutdown(c->fd, SHUT_RDWR);   /* ends the multishot recv too */
        c->out_len = 0;
        c->pending_len = 0;
        if (c->recv_done) release(c);
        return;
    }
    c->out_sent += cqe->res;
    if (c->out_sent < c->out_len) { send_out(c); return; }   /* the socket took part of it */
    c->out_len = 0;
    if (c->recv_done) { release(c); return; }
    flush(c);
}

static int open_listener(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    if (fd < 0) die("socket", errno);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) die("bind", errno);
    if (listen(fd, 1024) < 0) die("listen", errno);
    return fd;
}

static void setup_ring(void) {
    struct io_uring_params p = {.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN};
    const char *mode = "SINGLE_ISSUER + DEFER_TASKRUN";
    int r = io_uring_queue_init_params(4096, &ring, &p);
    if (r == -EINVAL) {
        memset(&p, 0, sizeof p);
        mode = "default flags";
        r = io_uring_queue_init_params(4096, &ring, &p);
    }
    if (r < 0) die("io_uring_queue_init", -r);
    if (posix_memalign((void **) &buffers, 4096, BUFFERS * sizeof(struct io_uring_buf))) die("posix_memalign", ENOMEM);
    buffer_memory = malloc((size_t) BUFFERS * BUFFER_SIZE);
    if (!buffer_memory) die("malloc", ENOMEM);
    struct io_uring_buf_reg reg = {.ring_addr = (unsigned long) buffers, .ring_entries = BUFFERS, .bgid = GROUP};
    if ((r = io_uring_register_buf_ring(&ring, &reg, 0)) < 0) die("io_uring_register_buf_ring", -r);
    io_uring_buf_ring_init(buffers);
    for (int i = 0; i < BUFFERS; i++)
        io_uring_buf_ring_add(buffers, buffer_memory + (size_t) i * BUFFER_SIZE, BUFFER_SIZE, i,
                              io_uring_buf_ring_mask(BUFFERS), i);
    io_uring_buf_ring_advance(buffers, BUFFERS);
    printf("(1 thread, io_uring %s; %d x %d B receive buffers)\n", mode, BUFFERS, BUFFER_SIZE);
}

int main(int argc, char **argv) {
    int port = 8080;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--port") && i + 1 < argc) port = atoi(argv[++i]);
        else { fprintf(stderr, "usage: http_floor [--port N (8080)]\n"); return 2; }
    }
    signal(SIGPIPE, SIG_IGN);
    memcpy(response, HEAD, sizeof(HEAD) - 1);
    memcpy(response + sizeof(HEAD) - 1 + DATE_LEN, TAIL, sizeof(TAIL) - 1);
    refresh_date();
    conns_cap = 1024;
    conns = calloc(conns_cap, sizeof *conns);
    listen_fd = open_listener(port);
    printf("http_floor listening on 0.0.0.0:%d ", port);
    setup_ring();
    fflush(stdout);
    arm_accept();
    for (;;) {
        int r = io_uring_submit_and_wait(&ring, 1);
        if (r < 0 && r != -EINTR && r != -ETIME) die("io_uring_submit_and_wait", -r);
        refresh_date();   /* vDSO, no system call: a second boundary is seen before any answer goes out */
        struct io_uring_cqe *cqe;
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring, head, cqe) {
            seen++;
            __u64 d = io_uring_cqe_get_data64(cqe);
            int op = d & 0xff, fd = (int) (d >> 8);
            if (op == OP_ACCEPT) on_accept(cqe);
            else if (fd < conns_cap && conns[fd]) (op == OP_RECV ? on_recv : on_send)(conns[fd], cqe);
        }
        io_uring_cq_advance(&ring, seen);
    }
}
