/*
 * nop_bench: the C peer of NopBench (JMH). A liburing loop of NOPs in batches of B:
 *
 *   repeat { get B SQEs, io_uring_prep_nop each, io_uring_submit_and_wait(B),
 *            consume the B CQEs (io_uring_for_each_cqe + io_uring_cq_advance) }
 *
 * Ring setup matches dev.iobuf.uring.Ring's defaults as far as liburing 2.3 allows:
 * SINGLE_ISSUER | COOP_TASKRUN | TASKRUN_FLAG | SUBMIT_ALL (+ CLAMP, as Ring passes it), ring fd
 * registered (io_uring_register_ring_fd, so every enter uses IORING_ENTER_REGISTERED_RING).
 * NO_SQARRAY is left out: liburing 2.3 predates it and fills the SQ index array at
 * sq_off.array, which that flag sets to 0: the identity array lands on the ring header (seen:
 * SQ tail 1, CQ head 2, CQ tail 3 right after init).
 *
 * Each run: warm-up, then NOPs counted over a fixed wall-clock duration; prints one line per
 * run (with this thread's user and kernel CPU time per NOP, from getrusage) and the median:
 *
 *   nop_bench batch=B entries=N run=i ops_per_s=X user_ns_per_op=U sys_ns_per_op=S
 *   nop_bench batch=B median_ops_per_s=X runs=R setup_flags=0x... registered_ring=1
 *
 * Build: gcc -O2 -o nop_bench nop_bench.c -luring
 * Usage: nop_bench BATCH [DURATION_MS=1000] [WARMUP_MS=500] [RUNS=5] [ENTRIES=64]
 */
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include <errno.h>
#include <liburing.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* CPU time this thread spent in user space and in the kernel, ns. */
static void cpu_ns(uint64_t *user, uint64_t *sys)
{
	struct rusage ru;
	getrusage(RUSAGE_THREAD, &ru);
	*user = (uint64_t)ru.ru_utime.tv_sec * 1000000000ull + (uint64_t)ru.ru_utime.tv_usec * 1000ull;
	*sys = (uint64_t)ru.ru_stime.tv_sec * 1000000000ull + (uint64_t)ru.ru_stime.tv_usec * 1000ull;
}

static void die(const char *what, int err)
{
	fprintf(stderr, "nop_bench: %s: %s\n", what, strerror(err < 0 ? -err : err));
	exit(1);
}

/* One batch: B NOPs in, B CQEs out. Returns the CQEs consumed (B). */
static unsigned batch(struct io_uring *ring, unsigned b, uint64_t *sink)
{
	struct io_uring_cqe *cqe;
	unsigned head, seen = 0, i;
	int ret;

	for (i = 0; i < b; i++) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
		if (!sqe)
			die("io_uring_get_sqe returned NULL (SQ full)", EBUSY);
		io_uring_prep_nop(sqe);
		sqe->user_data = i;
	}
	ret = io_uring_submit_and_wait(ring, b);
	if (ret < 0)
		die("io_uring_submit_and_wait", ret);
	while (seen < b) {
		unsigned n = 0;
		io_uring_for_each_cqe(ring, head, cqe) {
			*sink += cqe->user_data + (uint64_t)cqe->res;
			n++;
		}
		io_uring_cq_advance(ring, n);
		seen += n;
		if (seen < b) {   /* never for NOPs, which complete inline; kept for correctness */
			ret = io_uring_submit_and_wait(ring, b - seen);
			if (ret < 0)
				die("io_uring_submit_and_wait (rest)", ret);
		}
	}
	return seen;
}

struct run {
	double ops_per_s;
	double user_ns_per_op;   /* CPU time of this thread per NOP, user space */
	double sys_ns_per_op;    /* ... and in the kernel */
};

/* NOPs per second over duration_ns. The clock is read once per chunk of ~256 NOPs. */
static struct run measure(struct io_uring *ring, unsigned b, uint64_t duration_ns, uint64_t *sink)
{
	unsigned per_check = b >= 256 ? 1 : 256 / b;
	uint64_t ops = 0, u0, s0, u1, s1, start, end, t;
	struct run r;

	cpu_ns(&u0, &s0);
	start = now_ns();
	end = start + duration_ns;
	do {
		for (unsigned k = 0; k < per_check; k++)
			ops += batch(ring, b, sink);
		t = now_ns();
	} while (t < end);
	cpu_ns(&u1, &s1);
	r.ops_per_s = (double)ops * 1e9 / (double)(t - start);
	r.user_ns_per_op = (double)(u1 - u0) / (double)ops;
	r.sys_ns_per_op = (double)(s1 - s0) / (double)ops;
	return r;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s BATCH [DURATION_MS=1000] [WARMUP_MS=500] [RUNS=5] [ENTRIES=64]\n", argv[0]);
		return 2;
	}
	unsigned b = (unsigned)atoi(argv[1]);
	uint64_t duration_ns = (argc > 2 ? strtoull(argv[2], NULL, 10) : 1000) * 1000000ull;
	uint64_t warmup_ns = (argc > 3 ? strtoull(argv[3], NULL, 10) : 500) * 1000000ull;
	int runs = argc > 4 ? atoi(argv[4]) : 5;
	unsigned entries = argc > 5 ? (unsigned)atoi(argv[5]) : 64;
	if (b == 0 || b > entries || runs < 1 || runs > 100) {
		fprintf(stderr, "nop_bench: need 1 <= BATCH <= ENTRIES and 1 <= RUNS <= 100\n");
		return 2;
	}

	struct io_uring ring;
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG
		| IORING_SETUP_SUBMIT_ALL | IORING_SETUP_CLAMP;
	int ret = io_uring_queue_init_params(entries, &ring, &p);
	if (ret < 0)
		die("io_uring_queue_init_params", ret);
	ret = io_uring_register_ring_fd(&ring);
	if (ret != 1)
		die("io_uring_register_ring_fd", ret < 0 ? ret : EINVAL);

	uint64_t sink = 0;
	double results[100];
	for (int r = 0; r < runs; r++) {
		measure(&ring, b, warmup_ns, &sink);
		struct run m = measure(&ring, b, duration_ns, &sink);
		results[r] = m.ops_per_s;
		printf("nop_bench batch=%u entries=%u run=%d ops_per_s=%.0f user_ns_per_op=%.1f sys_ns_per_op=%.1f\n",
		       b, p.sq_entries, r + 1, m.ops_per_s, m.user_ns_per_op, m.sys_ns_per_op);
		fflush(stdout);
	}
	qsort(results, runs, sizeof(double), cmp_double);
	double median = runs % 2 ? results[runs / 2] : (results[runs / 2 - 1] + results[runs / 2]) / 2;
	printf("nop_bench batch=%u median_ops_per_s=%.0f runs=%d setup_flags=0x%x registered_ring=1 sink=%llu\n",
	       b, median, runs, ring.flags, (unsigned long long)(sink & 1));
	io_uring_queue_exit(&ring);
	return 0;
}
