#include "plan/plan_files.hpp"

#include <string>
#include <system_error>

#include "report/atomic_file.hpp"

namespace albsim {
namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  AtomicFile file(path);
  file.stream() << text;
  file.commit();
}

}  // namespace

bool write_plan_files(const PlanResult& plan, const std::filesystem::path& dir) {
  write_file(dir / "plan.json", plan_to_json(plan));
  const std::string terraform = plan_terraform(plan);
  if (terraform.empty()) {
    std::error_code ec;
    std::filesystem::remove(dir / "plan.tf", ec);  // never leave an earlier plan's
    return false;
  }
  write_file(dir / "plan.tf", terraform);
  return true;
}

}  // namespace albsim
