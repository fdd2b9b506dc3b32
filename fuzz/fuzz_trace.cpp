// libFuzzer target: the trace parser, CSV, CloudWatch JSON or request timestamps (`events`) by
// the first byte, with and without the LCU conversion and a time unit, then the reduction to 60 s
// intervals. Any input must give a series or a TraceError / ReadError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "demand/lcu_conversion.hpp"
#include "io/read_file.hpp"
#include "io/trace_loader.hpp"
#include "io/trace_resample.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using Format = albsim::TraceRequest::Format;
  albsim::TraceRequest request;
  request.path = "fuzz";
  const unsigned choice = data[0];
  request.format = choice % 3 == 0   ? Format::csv
                   : choice % 3 == 1 ? Format::cloudwatch
                                     : Format::events;
  request.to_lcu = albsim::sample_to_lcu(albsim::LcuFactors{});
  if ((choice / 3) % 2 == 1) {
    if (request.format == Format::csv) request.lcu = albsim::LcuColumns{"requests", "bytes", ""};
  } else {
    request.value_column = "value";
  }
  if ((choice / 6) % 2 == 1 && request.format != Format::cloudwatch)
    request.time_unit = albsim::TimeUnit{"s", 1000, false};
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const albsim::TraceSeries series = albsim::parse_trace(request, text);
    albsim::resample_trace(
        series, (choice / 12) % 2 == 0 ? albsim::TraceAggregate::mean : albsim::TraceAggregate::max,
        series.times_ms.front(), 60'000);
  } catch (const albsim::TraceError&) {
  } catch (const albsim::ReadError&) {
  }
  return 0;
}
