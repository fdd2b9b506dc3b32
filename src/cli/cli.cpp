#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/version.hpp"
#include "cli/calibrate_command.hpp"
#include "cli/cli_common.hpp"
#include "cli/import_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/observe_command.hpp"
#include "cli/option_checks.hpp"
#include "cli/plan_command.hpp"
#include "cli/reconcile_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/validate_command.hpp"
#include "core/build_id.hpp"
#include "report/interrupt_cleanup.hpp"

namespace albsim {

void clean_up_on_interrupt(bool announce) {
  install_interrupt_cleanup(announce);
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Peers& peers) {
  CLI::App app{
      "albsim: simulate ALB nodes drawing public IPv4 addresses from VPC IPAM pools; size pools, "
      "cost IPv4 and measure allowlist stability."};
  app.set_version_flag("--version",
                       std::string("albsim ") + ALBSIM_VERSION + " (build " + build_id() + ")");
  app.require_subcommand(1);

  RunCommand run;
  CLI::App* run_cmd = add_run_command(app, run);
  MergeCommand merge;
  CLI::App* merge_cmd = add_merge_command(app, merge);

  ValidateCommand validate;
  CLI::App* validate_cmd = add_validate_command(app, validate);

  ObserveCommand observe;
  CLI::App* observe_cmd = add_observe_command(app, observe);

  CalibrateCommand calibrate;
  CLI::App* calibrate_cmd = add_calibrate_command(app, calibrate);

  PlanCommand plan_command;
  CLI::App* plan_cmd = add_plan_command(app, plan_command);

  ImportCommand import_command;
  CLI::App* import_cmd = add_import_command(app, import_command);

  ReconcileCommand reconcile_command;
  CLI::App* reconcile_cmd = add_reconcile_command(app, reconcile_command);

  ReportCommand report_command;
  CLI::App* report_cmd = add_report_command(app, report_command);

  if (const auto fault = argument_fault(argc, argv)) {
    err << "albsim: " << printable_line(*fault) << "\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "albsim: " << printable_line(e.what()) << " (see albsim --help)\n";
    return 2;
  }

  try {
    // Under mpirun only run and plan share work; rank 0 alone does anything else.
    if (!peers.is_root() && !run_cmd->parsed() && !plan_cmd->parsed()) return 0;
    if (validate_cmd->parsed()) return run_validate_command(validate, out, err);
    if (import_cmd->parsed()) return run_import_command(import_command, out, err);
    if (plan_cmd->parsed()) return run_plan_command(plan_command, peers, out, err);
    if (merge_cmd->parsed()) return run_merge_command(merge, out, err);
    if (observe_cmd->parsed()) return run_observe_command(observe, out, err);
    if (calibrate_cmd->parsed()) return run_calibrate_command(calibrate, out, err);
    if (reconcile_cmd->parsed()) return run_reconcile_command(reconcile_command, out, err);
    if (report_cmd->parsed()) return run_report_command(report_command, out);
    if (run_cmd->parsed()) return run_run_command(run, peers, out, err);
    return 2;  // CLI11 requires one subcommand
  } catch (const InputError& e) {
    err << "albsim: " << e.what() << "\n";
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    // Every path albsim touches is one the user gave (an output folder, an input file): a fault
    // there is bad input, named by the path, not an internal error.
    err << "albsim: " << InputError(e.path1().string(), "", e.code().message()).what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "albsim: internal error: " << printable_line(e.what()) << "\n";
    return 1;
  }
}

}  // namespace albsim
