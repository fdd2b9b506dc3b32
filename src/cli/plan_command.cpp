#include "cli/plan_command.hpp"

#include <charconv>
#include <filesystem>
#include <optional>
#include <string_view>

#include "albsim/input_error.hpp"
#include "cli/plots.hpp"
#include "cli/progress.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

// One or two digits, the whole of `text`.
std::optional<int> netmask_number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.size() > 2 || ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

// "A-B" or "A": the BYOIP netmask range.
void parse_netmasks(const std::string& text, PlanOptions& options) {
  const std::size_t dash = text.find('-');
  const auto low = netmask_number(std::string_view(text).substr(0, dash));
  const auto high =
      dash == std::string::npos ? low : netmask_number(std::string_view(text).substr(dash + 1));
  if (!low || !high)
    throw InputError(
        "--netmasks", "",
        "\"" + text + "\" is not a netmask range; write A-B like 24-30, or one like 28");
  options.netmask_min = *low;
  options.netmask_max = *high;
}

// Throws InputError naming the file when it cannot be written.
void write_file(const std::filesystem::path& path, const std::string& text) {
  AtomicFile file(path);
  file.stream() << text;
  file.commit();
}

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "plan",
      "Size a pool: simulate candidate pools (BYOIP netmasks, Amazon blocks, managed-only) for "
      "one pool's load balancers, check allowlist targets, price every option per month, write "
      "DIR/plan.json and DIR/plan.tf");
  add_common(*cmd, c.common);
  PlanOptions& o = c.options;
  auto* pool = cmd->add_option("--pool", o.pool, "Plan this pool (every load balancer on it)");
  auto* lb = cmd->add_option("--lb", o.lb,
                             "Plan this load balancer's pool (a new pool if it draws from none)");
  pool->excludes(lb);
  cmd->add_option("--netmasks", c.netmasks, "BYOIP candidate netmasks, A-B (8 <= A <= B <= 32)")
      ->capture_default_str();
  cmd->add_flag("--allow-quota-increase", o.allow_quota_increase,
                "Also try Amazon blocks /24 to /28 (beyond the default quota of /29 or /30)");
  cmd->add_option("--max-breach-probability", o.targets.max_breach_probability,
                  "Target: P(any breach within the horizon) at most this")
      ->capture_default_str();
  cmd->add_option("--min-in-allowlist", o.targets.min_in_allowlist,
                  "Target: in-allowlist ratio of the worst load balancer at least this")
      ->capture_default_str();
  cmd->add_option("--max-breach-minutes-per-month", o.targets.max_breach_minutes_per_month,
                  "Target: mean breach minutes per month at most this (default: none)");
  cmd->add_option("--replications", o.replications,
                  "Runs per candidate at most (default: the scenario's /replications)");
  cmd->add_option("--seed", c.seed, "Master seed (overrides the scenario's /seed)");
  cmd->add_flag("--no-early-stop", c.no_early_stop,
                "Run every candidate to the full budget (no sequential test)");
  cmd->add_flag("--fast", o.fast,
                "Markov screen only, no simulation (constant demand; see README)");
  cmd->add_option("--threads", o.threads,
                  "Threads (default: every core); results do not depend on it")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_flag("--plot", c.plot, "Also draw DIR/plan.png (needs Debian's python3-matplotlib)");
  cmd->add_flag("-q,--quiet", c.quiet, "Print no table");
  AlternativePricing& a = o.alternatives;
  const char* group = "Alternatives (scenario prices: --set /pricing/...)";
  cmd->add_option("--nlb-per-hour", a.nlb_per_hour, "NLB hour (USD)")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--nlcu-per-hour", a.nlcu_per_hour, "NLCU hour (USD)")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--gb-per-nlcu-hour", a.gb_per_nlcu_hour, "GB processed per NLCU-hour")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--accelerator-per-hour", a.accelerator_per_hour, "Global Accelerator hour (USD)")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--accelerator-premium-per-gb", a.accelerator_premium_per_gb,
                  "Global Accelerator data-transfer premium per GB (USD)")
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--gb-per-lcu-hour", a.gb_per_lcu_hour,
                  "Assumption: GB the ALB processes per LCU-hour of demand")
      ->capture_default_str()
      ->group(group);
  return cmd;
}

int run_plan_command(PlanCommand& c, std::ostream& out, std::ostream& err) {
  PlanOptions& o = c.options;
  o.scenario_path = c.common.scenario;
  o.overrides = parse_sets(c.common.sets);
  if (c.seed) o.overrides.push_back({"/seed", std::to_string(*c.seed)});
  o.early_stop = !c.no_early_stop;
  parse_netmasks(c.netmasks, o);

  const std::filesystem::path dir(c.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw InputError("--out", "", "cannot create directory " + dir.string() + ": " + ec.message());

  ProgressBar progress(err, 1, !c.quiet && stderr_is_terminal(), "runs");
  o.on_progress = [&](int finished, int at_most) { progress.update(finished, at_most); };
  const PlanResult result = plan(o);
  progress.finish();
  write_file(dir / "plan.json", plan_to_json(result));
  const std::string terraform = plan_terraform(result);
  if (terraform.empty())
    std::filesystem::remove(dir / "plan.tf", ec);  // never leave an earlier plan's
  else
    write_file(dir / "plan.tf", terraform);
  if (!c.quiet) {
    print_plan(out, result);
    out << "\nwrote " << (dir / "plan.json").string()
        << (terraform.empty() ? "" : " and " + (dir / "plan.tf").string()) << "\n";
  }
  if (c.plot) draw_plots(dir, out, err);
  return 0;
}

}  // namespace albsim
