// Loading traces: a year-long per-minute CSV (525,600 rows of ISO time, requests, bytes) with
// the LCU conversion; a year of per-second samples (31.5 M rows) reduced to 60 s intervals; and
// 10 M request timestamps (ISO-8601 with microseconds, as ALB access logs write them) counted per
// second and reduced. The files are generated once into the temporary directory. Counters:
// rows read, and the process's peak resident memory (max_rss_mb, getrusage) after the run.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/calendar.hpp"
#include "demand/lcu_conversion.hpp"
#include "io/trace_loader.hpp"
#include "io/trace_resample.hpp"

using namespace albsim;

namespace {

constexpr std::int64_t kYearSeconds = 365LL * 86'400;
constexpr std::int64_t kRequests = 10'000'000;

// The file `name` in the temporary directory, written by `write` the first time.
std::string generated(const char* name, const std::function<void(std::FILE*)>& write) {
  const auto path = std::filesystem::temp_directory_path() / name;
  if (!std::filesystem::exists(path)) {
    const auto partial = path.string() + ".partial";
    std::FILE* out = std::fopen(partial.c_str(), "w");
    write(out);
    std::fclose(out);
    std::filesystem::rename(partial, path);
  }
  return path.string();
}

double max_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_LoadYearTrace(benchmark::State& state) {
  TraceRequest request;
  request.path = generated("albsim-bench-year.csv", [](std::FILE* out) {
    std::fputs("minute_utc,requests,bytes\n", out);
    const std::int64_t start = *parse_iso8601("2026-01-01T00:00:00Z");
    for (std::int64_t m = 0; m < 525'600; ++m)
      std::fprintf(out, "%s,%lld,%lld\n", format_iso8601_utc(start + m * 60'000).c_str(),
                   static_cast<long long>(1000 + (m * 7919) % 50'000),
                   static_cast<long long>(3'000'000 + (m * 104'729) % 90'000'000));
  });
  request.lcu = LcuColumns{"requests", "bytes", ""};
  request.to_lcu = sample_to_lcu(LcuFactors{});
  std::size_t rows = 0;
  for (auto _ : state) rows = load_trace(request).values.size();
  state.counters["rows"] = static_cast<double>(rows);
}

// 31,536,000 rows "second,requests" (time_unit s), to LCU, then the mean of each minute.
void BM_LoadYearPerSecondAggregated(benchmark::State& state) {
  TraceRequest request;
  request.path = generated("albsim-bench-year-per-second.csv", [](std::FILE* out) {
    std::fputs("second,requests\n", out);
    for (std::int64_t s = 0; s < kYearSeconds; ++s)
      std::fprintf(out, "%lld,%lld\n", static_cast<long long>(s),
                   static_cast<long long>(20 + (s * 7919) % 400));
  });
  request.time_unit = TimeUnit{"s", 1000, false};
  request.lcu = LcuColumns{"requests", "", ""};
  request.to_lcu = sample_to_lcu(LcuFactors{});
  std::size_t rows = 0, minutes = 0;
  for (auto _ : state) {
    const TraceSeries fine = load_trace(request);
    rows = fine.rows;
    minutes = resample_trace(fine, TraceAggregate::mean, 0, 60'000).values.size();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["minutes"] = static_cast<double>(minutes);
  state.counters["max_rss_mb"] = max_rss_mb();
}

// 10 M request timestamps over one day (ISO-8601, microseconds), counted per second, then the
// mean of each minute (the default for events).
void BM_LoadTenMillionRequests(benchmark::State& state) {
  TraceRequest request;
  request.path = generated("albsim-bench-requests.csv", [](std::FILE* out) {
    std::fputs("time\n", out);
    const std::int64_t start = *parse_iso8601("2026-01-01T00:00:00Z");
    for (std::int64_t i = 0; i < kRequests; ++i) {
      // 86,400 s / 10 M requests: one every 8,640 us, each moved by up to 8 ms.
      const std::int64_t at_us = i * 8640 + (i * 7919) % 8000;
      std::fprintf(out, "%s.%06lldZ\n",
                   format_iso8601_utc(start + at_us / 1'000'000 * 1000).substr(0, 19).c_str(),
                   static_cast<long long>(at_us % 1'000'000));
    }
  });
  request.format = TraceRequest::Format::events;
  request.to_lcu = sample_to_lcu(LcuFactors{});
  std::size_t rows = 0, minutes = 0;
  for (auto _ : state) {
    const TraceSeries fine = load_trace(request);
    rows = fine.rows;
    minutes =
        resample_trace(fine, TraceAggregate::mean, fine.times_ms.front(), 60'000).values.size();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["minutes"] = static_cast<double>(minutes);
  state.counters["max_rss_mb"] = max_rss_mb();
}

}  // namespace

BENCHMARK(BM_LoadYearTrace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadYearPerSecondAggregated)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_LoadTenMillionRequests)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
