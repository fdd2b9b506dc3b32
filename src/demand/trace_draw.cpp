#include "demand/trace_draw.hpp"

#include <utility>

#include "core/calendar.hpp"
#include "core/random_stream.hpp"

namespace albsim {

BootstrapDraws::BootstrapDraws(const TraceBootstrap& bootstrap, std::int64_t start_epoch_ms,
                               std::uint64_t seed, std::uint64_t replication, std::string component)
    : bootstrap_(&bootstrap),
      start_epoch_ms_(start_epoch_ms),
      seed_(seed),
      replication_(replication),
      component_(std::move(component)) {}

std::int64_t BootstrapDraws::block_start(std::int64_t j) const {
  if (j == cached_block_) return cached_start_;
  const TraceBootstrap& b = *bootstrap_;
  const bool weekend = b.weekdays && utc_day_position(start_epoch_ms_ + j * b.block_ms).weekend;
  const std::vector<std::int64_t>& from = weekend ? b.weekend_blocks : b.weekday_blocks;
  RandomStream stream(seed_, replication_, component_ + "/" + std::to_string(j));
  cached_block_ = j;
  cached_start_ = from[stream.below(from.size())];
  return cached_start_;
}

TraceDraw fixed_trace_draw(const TraceSpec& trace) {
  return TraceDraw{trace.align_ms, std::nullopt};
}

TraceDraw draw_trace(const TraceSpec& trace, std::string_view lb, std::int64_t start_epoch_ms,
                     SimTime evaluation_interval, std::uint64_t seed, std::uint64_t replication) {
  TraceDraw draw = fixed_trace_draw(trace);
  const std::string prefix = "load_balancers/" + std::string(lb);
  const TraceSeries& s = *trace.series;
  if (trace.random_align) {
    const std::int64_t span = s.times_ms.back() - s.times_ms.front() + s.period_ms;
    const std::int64_t step = evaluation_interval.ms();
    const auto choices = static_cast<std::uint64_t>((span + step - 1) / step);
    RandomStream stream(seed, replication, prefix + "/trace_align");
    draw.align_ms = s.times_ms.front() + static_cast<std::int64_t>(stream.below(choices)) * step;
  }
  if (trace.bootstrap)
    draw.bootstrap.emplace(*trace.bootstrap, start_epoch_ms, seed, replication,
                           prefix + "/trace_bootstrap");
  return draw;
}

}  // namespace albsim
