/*
 * The input of scripts/regen-bindings.sh for LibcAbi: the libc and kernel ABI the runtime uses outside
 * io_uring's own header (glibc's headers, _GNU_SOURCE for O_DIRECT, statx and RWF_NOWAIT). The script
 * filters it to the constants and structs it lists. The output is this machine's (x86-64); the few values
 * that differ on aarch64 are listed in native-bindings' ArchConstants.
 */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <sys/stat.h>
