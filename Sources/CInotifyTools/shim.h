#ifndef REELSMITH_CINOTIFYTOOLS_SHIM_H
#define REELSMITH_CINOTIFYTOOLS_SHIM_H
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>

/// Swift does not import the flexible `char name[]` member of `struct inotify_event`.
static inline const char *reelsmith_inotify_event_name(const struct inotify_event *event) {
    return event->len > 0 ? event->name : "";
}
#endif
