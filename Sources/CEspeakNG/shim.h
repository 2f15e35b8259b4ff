#ifndef REELSMITH_CESPEAKNG_SHIM_H
#define REELSMITH_CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#endif
