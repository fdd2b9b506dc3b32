#include "cli/reconcile_command.hpp"

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "core/calendar.hpp"
#include "distribute/scenario_input.hpp"
#include "finance/reconcile_output.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

std::optional<std::int64_t> time_of(const char* option, const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  const auto ms = parse_iso8601(*value);
  if (!ms) throw InputError(option, *value, "not a UTC time like 2026-11-01T00:00:00Z");
  return ms;
}

}  // namespace

CLI::App* add_reconcile_command(CLI::App& app, ReconcileCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "reconcile",
      "Compare a bill (a CUR 2.0 or FOCUS export, CSV or CSV.gz) with the scenario's simulated "
      "IPv4 charges per usage type, resource and day; write DIR/reconcile.json");
  add_common(*cmd, c.common);
  cmd->add_option("--bill", c.bills,
                  "A bill's file (AWS Data Exports, CSV or CSV.gz); repeat for every file of the "
                  "export")
      ->required();
  cmd->add_option("--from", c.from,
                  "Start of the compared window, like 2026-11-01T00:00:00Z (default: the bill's "
                  "first hour)");
  cmd->add_option("--to", c.to, "End of the compared window (default: the bill's last hour)");
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  return cmd;
}

int run_reconcile_command(const ReconcileCommand& c, std::ostream& out, std::ostream& err) {
  const std::optional<std::int64_t> from = time_of("--from", c.from);
  const std::optional<std::int64_t> to = time_of("--to", c.to);
  const Scenario scenario = load_scenario(c.common.scenario, parse_sets(c.common.sets));
  print_scenario_notes(scenario, err);
  const Bill bill = read_bills(c.bills);
  const Reconciliation r = reconcile(scenario, bill, from, to);
  if (const std::string warning = coverage_warning(r); !warning.empty()) err << warning << "\n";
  create_output_directory(c.out_dir);
  AtomicFile json(std::filesystem::path(c.out_dir) / "reconcile.json");
  json.stream() << reconciliation_json(scenario, bill, r);
  json.commit();
  print_reconciliation(out, bill, r);
  out << "\nwrote " << (std::filesystem::path(c.out_dir) / "reconcile.json").string() << "\n";
  return 0;
}

}  // namespace albsim
