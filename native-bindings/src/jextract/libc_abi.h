/*
 * The input of scripts/regen-bindings.sh for LibcAbi: the socket ABI the network runtime uses outside
 * io_uring's own header, and struct rlimit (glibc's headers; these values and layouts are the same on x86-64
 * and aarch64).
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>
#include <sys/resource.h>
