// What each trace became (Scenario::trace_inputs) and the warnings a reader of its numbers needs:
// a trace sampled finer than the evaluation interval and read by point samples, one looped more
// than once or held past its end, a CloudWatch metric other than ConsumedLCUs read as LCU
// without a scale, demand above what `max_nodes_per_az` can serve (by how much,
// for how long), a peak above 10,000 LCU (a scale off by a unit?).
#pragma once

#include <string>

#include "albsim/scenario.hpp"

namespace albsim {

// Fills scenario.trace_inputs and appends to scenario.warnings (file and JSON pointer named).
// Demand above capacity is checked for every demand form: from a bound on the peak first (its
// largest value times the largest growth), and only when that exceeds the capacity by a scan
// of the evaluation grid (fixed draws; a random one reports the bound).
void describe_trace_inputs(Scenario& scenario);

// "trace web: load.csv: 1,440 samples 2026-01-01T00:00:00Z .. 2026-01-01T23:59:00Z every 1m,
// span 1d, peak 12.5 LCU, mean 4.2 LCU, read last; restarts 6 times in the horizon".
std::string trace_input_line(const TraceInput& input);

// "90s", "15m", "1d2h": a duration in its largest whole units (at most two), for messages.
std::string short_duration(std::int64_t ms);

// A number as a line of text shows it: whole from 100 on, else 3 significant digits.
std::string short_number(double value);

}  // namespace albsim
