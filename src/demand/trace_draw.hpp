// One replication's draw of a trace's Monte Carlo form (scenarios/README.md, `demand.trace`):
// where t = 0 falls in the trace (a random `align`), or which block of the trace fills each block
// of the horizon (a `bootstrap`). A trace without either has a fixed draw, its `align`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "albsim/scenario.hpp"

namespace albsim {

// The bootstrap's block draws: horizon block j (t in [j B, (j + 1) B)) plays the trace block
// starting at block_start(j), drawn uniformly with replacement from the trace's whole blocks (a
// weekend block, by the UTC calendar, from its weekend blocks when `weekdays` is set). Block j
// draws from its own stream "<component>/<j>", so nothing is stored per block: memory does not
// grow with the horizon, and blocks may be asked for in any order. The last answer is kept, so
// asking for the same block again costs nothing.
class BootstrapDraws {
 public:
  BootstrapDraws(const TraceBootstrap& bootstrap, std::int64_t start_epoch_ms, std::uint64_t seed,
                 std::uint64_t replication, std::string component);
  std::int64_t block_ms() const { return bootstrap_->block_ms; }
  std::int64_t block_start(std::int64_t j) const;

 private:
  const TraceBootstrap* bootstrap_;
  std::int64_t start_epoch_ms_;
  std::uint64_t seed_, replication_;
  std::string component_;
  mutable std::int64_t cached_block_ = -1;
  mutable std::int64_t cached_start_ = 0;
};

struct TraceDraw {
  std::int64_t align_ms = 0;                // the trace time at t = 0 (no bootstrap)
  std::optional<BootstrapDraws> bootstrap;  // the blocks, with a bootstrap
};

// The trace's own `align`, no random element.
TraceDraw fixed_trace_draw(const TraceSpec& trace);

// Replication `replication`'s draw, from the streams "load_balancers/<lb>/trace_align" and
// "load_balancers/<lb>/trace_bootstrap/<j>" (MODEL.md §1). A random align is uniform over the
// trace's span in whole evaluation intervals from its first sample.
TraceDraw draw_trace(const TraceSpec& trace, std::string_view lb, std::int64_t start_epoch_ms,
                     SimTime evaluation_interval, std::uint64_t seed, std::uint64_t replication);

}  // namespace albsim
