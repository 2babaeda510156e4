#!/bin/busybox sh
# /init of the kernel matrix's initramfs (built by scripts/kernel-matrix.sh): loads the virtio/9p
# modules, mounts the host's root read-only (9p tag "hostroot") and the run folder read-write (tag
# "matrix", at its host path iobuf_run=... from the kernel command line), gives the guest its own
# /proc, /sys, /dev, /tmp and /run, runs "RUN/guest.sh KERNEL RUN" (iobuf_kernel=...) in a chroot and
# powers off. A crash in
# here ends in a kernel panic, which panic=-1 and qemu -no-reboot turn into an exit.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /lib/modules/list); do insmod "/lib/modules/$m" || echo "init: insmod $m failed"; done
run=
k=
for a in $(cat /proc/cmdline); do
  case "$a" in iobuf_run=*) run=${a#iobuf_run=} ;; iobuf_kernel=*) k=${a#iobuf_kernel=} ;; esac
done
opts=trans=virtio,version=9p2000.L,msize=512000
if mount -t 9p -o "$opts,ro,cache=loose" hostroot /mnt && mount -t 9p -o "$opts" matrix "/mnt$run"; then
  mount -t proc proc /mnt/proc
  mount -t sysfs sysfs /mnt/sys
  mount -t devtmpfs devtmpfs /mnt/dev
  mkdir -p /mnt/dev/shm && mount -t tmpfs tmpfs /mnt/dev/shm
  mount -t tmpfs tmpfs /mnt/tmp
  mount -t tmpfs tmpfs /mnt/run
  ip link set lo up
  chroot /mnt /bin/sh "$run/guest.sh" "$k" "$run"
  echo "init: guest script exited with $?"
else
  echo "init: mounting the host's root over 9p failed"
fi
poweroff -f
