"""The peak memory of a benchmark's child process, as source for the child scripts run with `python -c`
(bench/reuse_speed.py, bench/tables_speed.py): `PEAK_SOURCE` defines `hwm_kb()` and imports what the children use."""

PEAK_SOURCE = r"""
import json, resource, sys, time


def hwm_kb():
    # this process's own peak (VmHWM starts afresh at exec; ru_maxrss keeps the parent's peak from before the fork)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

"""
