// Reducing a finely sampled trace to the evaluation grid, once, at load time.
#pragma once

#include <cstdint>

#include "albsim/scenario.hpp"

namespace albsim {

// The series with one sample per interval [anchor + k * interval, anchor + (k + 1) * interval)
// that the trace covers, at the interval's start: `mean` is the time-weighted mean of the held
// values over the part of the interval the trace covers (the rate over the interval), `max`
// the largest value held in it for any time. Each sample holds until the next, the last for one
// period, so the reduction is exact: no sample is dropped or counted twice. A run of whole
// intervals inside one sample's hold is its first interval alone (and its last, at the end of
// the trace), since the value holds: a few samples per row, however far apart the rows are.
// The result's period is the interval, so a looping trace repeats in whole intervals. `rows`,
// `file_period_ms`, `epoch_times`, `metric` and `missing_periods` are kept. Needs `aggregate` mean
// or max, and a positive interval.
TraceSeries resample_trace(const TraceSeries& fine, TraceAggregate aggregate,
                           std::int64_t anchor_ms, std::int64_t interval_ms);

}  // namespace albsim
