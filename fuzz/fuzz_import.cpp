// libFuzzer target: `albsim import aws`. The input is split at the first two NUL bytes into the
// describe-ipam-pools, describe-load-balancers and get-metric-data outputs, written to files of
// this process. Any input must give an InputError, or a scenario that loads or is refused with an
// InputError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "import/aws_import.hpp"

namespace {

std::string write(const std::string& name, std::string_view text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("albsim-fuzz-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (int i = 0; i < 3; ++i) {
    const std::size_t nul = i < 2 ? rest.find('\0') : std::string_view::npos;
    parts[i] = rest.substr(0, nul);
    rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  }
  albsim::AwsImportInput input;
  input.ipam_pools = {write("pools.json", parts[0])};
  input.load_balancers = {write("lbs.json", parts[1])};
  input.demand.metrics = write("metrics.json", parts[2]);
  input.demand.metrics_reference = *input.demand.metrics;
  try {
    albsim::load_scenario_text(albsim::import_aws(input).scenario.dump(), "imported.json");
  } catch (const albsim::InputError&) {
  }
  return 0;
}
