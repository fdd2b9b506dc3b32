// Loading a year-long per-minute CSV trace (525,600 rows of ISO time, requests, bytes) with the
// LCU conversion; the file is generated once into the temporary directory.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "core/calendar.hpp"
#include "io/trace_loader.hpp"

using namespace albsim;

namespace {

std::string year_trace() {
  const auto path = std::filesystem::temp_directory_path() / "albsim-bench-year.csv";
  if (!std::filesystem::exists(path)) {
    std::ofstream out(path);
    out << "minute_utc,requests,bytes\n";
    const std::int64_t start = *parse_iso8601("2026-01-01T00:00:00Z");
    for (std::int64_t m = 0; m < 525'600; ++m)
      out << format_iso8601_utc(start + m * 60'000) << ',' << 1000 + (m * 7919) % 50'000 << ','
          << 3'000'000 + (m * 104'729) % 90'000'000 << '\n';
  }
  return path.string();
}

void BM_LoadYearTrace(benchmark::State& state) {
  TraceRequest request;
  request.path = year_trace();
  request.lcu = LcuConversion{};
  request.lcu->requests_column = "requests";
  request.lcu->bytes_column = "bytes";
  std::size_t rows = 0;
  for (auto _ : state) rows = load_trace(request).values.size();
  state.counters["rows"] = static_cast<double>(rows);
}

}  // namespace

BENCHMARK(BM_LoadYearTrace)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
