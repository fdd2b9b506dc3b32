// libFuzzer target: the trace parser, CSV (first byte even) or CloudWatch JSON (odd), with and
// without the LCU conversion. Any input must give a series or a TraceError / ReadError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/read_file.hpp"
#include "io/trace_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  albsim::TraceRequest request;
  request.path = "fuzz";
  request.format = data[0] % 2 == 0 ? albsim::TraceRequest::Format::csv
                                    : albsim::TraceRequest::Format::cloudwatch;
  if (data[0] % 4 >= 2) {
    request.lcu = albsim::LcuConversion{};
    request.lcu->requests_column = "requests";
    request.lcu->bytes_column = "bytes";
  } else {
    request.value_column = "value";
  }
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    albsim::parse_trace(request, text);
  } catch (const albsim::TraceError&) {
  } catch (const albsim::ReadError&) {
  }
  return 0;
}
