// One replication's draw of a trace's Monte Carlo form (scenarios/README.md, `demand.trace`):
// where t = 0 falls in the trace (a random `align`), or which block of the trace fills each block
// of the horizon (a `bootstrap`). A trace without either has a fixed draw, its `align`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

struct TraceDraw {
  std::int64_t align_ms = 0;         // the trace time at t = 0 (no bootstrap)
  std::int64_t block_ms = 0;         // bootstrap: the block length
  std::vector<std::int64_t> blocks;  // bootstrap: the trace time where horizon block j starts
};

// The trace's own `align`, no random element.
TraceDraw fixed_trace_draw(const TraceSpec& trace);

// Replication `replication`'s draw, from the streams "load_balancers/<lb>/trace_align" and
// "load_balancers/<lb>/trace_bootstrap" (MODEL.md §1). A random align is uniform over the
// trace's span in whole evaluation intervals from its first sample; a bootstrap draws each of
// the ceil(horizon / block) blocks uniformly with replacement, a weekend block (by the UTC
// calendar from `start_epoch_ms`) from the trace's weekend blocks when `weekdays` is set.
TraceDraw draw_trace(const TraceSpec& trace, std::string_view lb, std::int64_t start_epoch_ms,
                     SimTime horizon, SimTime evaluation_interval, std::uint64_t seed,
                     std::uint64_t replication);

}  // namespace albsim
