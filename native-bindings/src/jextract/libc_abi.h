/*
 * The input of scripts/regen-bindings.sh for LibcAbi: the socket and file ABI the runtime uses outside
 * io_uring's own header (glibc's headers; these values and layouts are the same on x86-64 and aarch64,
 * except the O_* flags the script leaves out: O_DIRECT, O_DIRECTORY, O_NOFOLLOW, O_LARGEFILE).
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <fcntl.h>
