#include "demand/trace_draw.hpp"

#include <string>

#include "core/calendar.hpp"
#include "core/random_stream.hpp"

namespace albsim {

TraceDraw fixed_trace_draw(const TraceSpec& trace) {
  return TraceDraw{trace.align_ms, 0, {}};
}

TraceDraw draw_trace(const TraceSpec& trace, std::string_view lb, std::int64_t start_epoch_ms,
                     SimTime horizon, SimTime evaluation_interval, std::uint64_t seed,
                     std::uint64_t replication) {
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
  if (trace.bootstrap) {
    const TraceBootstrap& b = *trace.bootstrap;
    RandomStream stream(seed, replication, prefix + "/trace_bootstrap");
    draw.block_ms = b.block_ms;
    const std::int64_t count = (horizon.ms() + b.block_ms - 1) / b.block_ms;
    draw.blocks.reserve(static_cast<std::size_t>(count));
    for (std::int64_t j = 0; j < count; ++j) {
      const bool weekend = b.weekdays && utc_day_position(start_epoch_ms + j * b.block_ms).weekend;
      const std::vector<std::int64_t>& from = weekend ? b.weekend_blocks : b.weekday_blocks;
      draw.blocks.push_back(from[stream.below(from.size())]);
    }
  }
  return draw;
}

}  // namespace albsim
