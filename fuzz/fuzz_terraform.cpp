// libFuzzer target: `albsim import terraform`. The input is one `terraform show -json` document,
// imported with and without --before, each with a constant demand so that the scenario can
// load. Any input must give an InputError, or a scenario that loads or is refused with an
// InputError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "import/terraform_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("albsim-fuzz-" + std::to_string(::getpid()) + "-plan.json");
  std::ofstream(path, std::ios::binary) << std::string(reinterpret_cast<const char*>(data), size);
  for (const bool before : {false, true}) {
    albsim::TerraformImportInput input;
    input.plan = path.string();
    input.before = before;
    input.demand.demands = {"10"};
    try {
      albsim::load_scenario_text(albsim::import_terraform(input).scenario.dump(), "imported.json");
    } catch (const albsim::InputError&) {
    }
  }
  return 0;
}
