// libFuzzer target: `albsim report`'s readers, an output folder read again. The first byte picks
// the folder's kind: a run's report.json with its timeseries.csv (samples) or its
// timeseries_envelope.csv, a calibration's calibration.json with calibration_nodes.csv, or a
// plan.json alone. The rest is the document, then after the first NUL byte the CSV (none for a
// plan), written in a folder of this process's own; the page is written there too. Any input
// must give the page or an InputError: never an exception of another kind, a crash, a hang or
// memory without bound (a row far past the window once asked for 10^12 chart columns).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"
#include "html/report_html.hpp"

namespace {

struct FolderKind {
  const char* document;
  const char* rows;  // nullptr: the document alone
};

constexpr FolderKind kKinds[] = {{"report.json", "timeseries.csv"},
                                 {"report.json", "timeseries_envelope.csv"},
                                 {"calibration.json", "calibration_nodes.csv"},
                                 {"plan.json", nullptr}};

const std::filesystem::path& folder() {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() /
                   ("albsim-fuzz-report-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

void write(const std::filesystem::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const FolderKind& kind = kKinds[data[0] % std::size(kKinds)];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t nul = rest.find('\0');
  const std::filesystem::path& dir = folder();
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    std::filesystem::remove(entry.path());
  write(dir / kind.document, kind.rows ? rest.substr(0, nul) : rest);
  if (kind.rows) write(dir / kind.rows, nul == std::string_view::npos ? "" : rest.substr(nul + 1));
  try {
    albsim::write_html_pages(dir);
  } catch (const albsim::InputError&) {
  }
  return 0;
}
