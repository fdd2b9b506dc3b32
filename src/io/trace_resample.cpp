#include "io/trace_resample.hpp"

#include <algorithm>

namespace albsim {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

TraceSeries resample_trace(const TraceSeries& fine, TraceAggregate aggregate,
                           std::int64_t anchor_ms, std::int64_t interval_ms) {
  TraceSeries out;
  out.period_ms = interval_ms;
  out.epoch_times = fine.epoch_times;
  out.rows = fine.rows;
  out.file_period_ms = fine.file_period_ms;
  out.metric = fine.metric;
  out.missing_periods = fine.missing_periods;
  const std::size_t n = fine.times_ms.size();
  if (n == 0) return out;
  std::int64_t bucket_start = 0, bucket_end = 0;
  double weighted = 0, largest = 0;
  std::int64_t covered = 0;
  auto open_bucket = [&](std::int64_t at) {
    bucket_start = anchor_ms + floor_div(at - anchor_ms, interval_ms) * interval_ms;
    bucket_end = bucket_start + interval_ms;
    weighted = largest = 0;
    covered = 0;
  };
  auto emit = [&](std::int64_t at, double value) {
    out.times_ms.push_back(at);
    out.values.push_back(value);
  };
  auto close_bucket = [&] {
    if (covered > 0)
      emit(bucket_start,
           aggregate == TraceAggregate::max ? largest : weighted / static_cast<double>(covered));
  };
  open_bucket(fine.times_ms.front());
  for (std::size_t i = 0; i < n; ++i) {
    const double value = fine.values[i];
    std::int64_t from = fine.times_ms[i];
    const std::int64_t to = i + 1 < n ? fine.times_ms[i + 1] : from + fine.period_ms;
    while (from < to) {
      if (from >= bucket_end) {
        close_bucket();
        open_bucket(from);
        // Whole intervals inside one sample's hold are that sample's value, mean and max: the
        // first stands for them all (a sample holds until the next), and the last is kept too
        // when it ends the trace, so a loop's cycle keeps its length. Memory stays with the rows
        // however far apart they are.
        const std::int64_t whole = (to - from) / interval_ms;
        if (from == bucket_start && whole >= 2) {
          const std::int64_t last_whole = from + (whole - 1) * interval_ms;
          emit(from, value);
          if (i + 1 == n) emit(last_whole, value);
          from = last_whole + interval_ms;
          open_bucket(from);
          continue;
        }
      }
      const std::int64_t piece = std::min(to, bucket_end) - from;
      weighted += value * static_cast<double>(piece);
      largest = std::max(largest, value);
      covered += piece;
      from += piece;
    }
  }
  close_bucket();
  return out;
}

}  // namespace albsim
