/**
 * Panama FFM bindings to liburing 2.3+ and the io_uring kernel ABI, in jextract's layout.
 * Grant native access to this module alone: {@code --enable-native-access=dev.iobuf.liburing}.
 */
module dev.iobuf.liburing {
    // exports dev.iobuf.liburing; (added with the first class: an empty package cannot be exported)
}
