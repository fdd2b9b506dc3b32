#include <string>

#include "albsim/report.hpp"
#include "albsim/report_output.hpp"
#include "albsim/version.hpp"
#include "core/calendar.hpp"
#include "core/statistics.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

std::string percent(const std::optional<double>& ratio) {
  return ratio ? fmt("%.3f%%", *ratio * 100.0) : std::string("-");
}

std::string seconds_text(double s) {
  if (s < 60) return fmt("%.0fs", s);
  if (s < 3600) return fmt("%.1fm", s / 60);
  return fmt("%.2fh", s / 3600);
}

// Across replications: breach probability, breach minutes per month, peak addresses, cost.
void print_distribution(std::ostream& out, const std::vector<Report>& replications) {
  const std::size_t n = replications.size();
  const double monthly = monthly_factor(replications.front());
  out << "\nAcross " << n << " replications (replication 0 above):\n"
      << pad("load balancer", 18) << pad("P(breach) [95% CI]", 26)
      << pad("breach min/month mean p95", 27) << "peak addr p50 p95 max\n";
  for (std::size_t lb = 0; lb < replications.front().load_balancers.size(); ++lb) {
    // Whether it has an allowlist is the scenario's: the same in every replication.
    const bool has_allowlist = replications.front().load_balancers[lb].allowlist.has_value();
    std::size_t breached = 0;
    std::vector<double> minutes, peaks;
    for (const Report& r : replications) {
      const LoadBalancerReport& l = r.load_balancers[lb];
      if (has_allowlist) {
        breached += l.allowlist->breach_episodes > 0 ? 1 : 0;
        minutes.push_back(l.allowlist->breach_seconds / 60.0 * monthly);
      }
      peaks.push_back(static_cast<double>(l.addresses.peak_total));
    }
    const Estimate p = wilson_interval(breached, n);
    const SampleSummary k = summarize(peaks);
    out << pad(replications.front().load_balancers[lb].id, 18);
    if (has_allowlist) {
      const SampleSummary m = summarize(minutes);
      out << pad(fmt("%.1f%%", p.estimate * 100) + fmt(" [%.1f%%", p.low * 100) +
                     fmt(", %.1f%%]", p.high * 100),
                 26)
          << pad(fmt("%.1f", m.mean) + fmt(" %.1f", m.p95), 27);
    } else
      out << pad("no pool", 26) << pad("-", 27);
    out << fmt("%.0f", k.p50) << fmt(" %.0f", k.p95) << fmt(" %.0f", k.max) << "\n";
  }
  std::vector<double> totals;
  for (const Report& r : replications) totals.push_back(r.cost.total * monthly);
  const SampleSummary t = summarize(totals);
  out << "IPv4 cost per month across replications: mean " << money(t.mean) << ", p95 "
      << money(t.p95) << "\n";
}

// The tables of replication 0 (lost traffic "-" when `observed`: an observation has no demand).
void print_tables(std::ostream& out, const Report& report, bool observed) {
  const double monthly = monthly_factor(report);

  out << pad("load balancer", 18) << pad("peak addr", 11) << pad("pool", 6) << pad("managed", 9)
      << pad("in allowlist", 14) << pad("breaches", 10) << pad("breach time", 13)
      << pad("lost traffic", 14) << "IPv4 $/month\n";
  for (std::size_t i = 0; i < report.load_balancers.size(); ++i) {
    const LoadBalancerReport& lb = report.load_balancers[i];
    out << pad(lb.id, 18) << pad(std::to_string(lb.addresses.peak_total), 11)
        << pad(std::to_string(lb.addresses.peak_pool), 6)
        << pad(std::to_string(lb.addresses.peak_managed), 9);
    if (const auto& a = lb.allowlist)
      out << pad(percent(a->in_allowlist_ratio), 14) << pad(std::to_string(a->breach_episodes), 10)
          << pad(seconds_text(a->breach_seconds), 13)
          << pad(observed ? std::string("-") : fmt("%.4f%%", a->client_failure_ratio * 100.0), 14);
    else
      out << pad("no pool", 14) << pad("-", 10) << pad("-", 13) << pad("-", 14);
    out << money(lb.cost.managed_ipv4 * monthly) << "\n";
  }

  out << "\n"
      << pad("pool", 18) << pad("source", 8) << pad("capacity", 10) << pad("peak use", 10)
      << pad("min free", 10) << pad("utilization", 13) << "exhausted\n";
  for (const PoolReport& p : report.pools) {
    out << pad(p.id, 18) << pad(p.source == PoolSource::amazon ? "amazon" : "byoip", 8)
        << pad(std::to_string(p.capacity), 10) << pad(std::to_string(p.peak_in_use), 10)
        << pad(std::to_string(p.min_free), 10) << pad(percent(p.utilization), 13)
        << seconds_text(p.exhausted_seconds) << " in " << p.exhaustion_episodes << " episode"
        << (p.exhaustion_episodes == 1 ? "" : "s") << "\n";
  }

  const CostBreakdown& c = report.cost;
  out << "\nIPv4 cost per " << kHoursPerMonth << "-hour month ("
      << monthly_basis(report.horizon_hours) << "): managed " << money(c.managed_ipv4 * monthly)
      << ", Amazon blocks " << money(c.amazon_blocks * monthly) << ", IPAM "
      << money(c.ipam * monthly) << ", BYOIP ownership " << money(c.byoip_ownership * monthly)
      << "\n  total " << money(c.total * monthly) << " vs managed-only "
      << money(c.managed_only * monthly)
      << (c.saving >= 0 ? ": saving " + money(c.saving * monthly) + " per month\n"
                        : ": the pools cost " + money(-c.saving * monthly) + " more per month\n");
  std::size_t with_allowlist = 0;
  for (const LoadBalancerReport& lb : report.load_balancers) with_allowlist += lb.allowlist ? 1 : 0;
  if (!report.allowlist) {
    out << "Allowlist (fleet): none (no load balancer draws from a pool or lists CIDRs)\n";
    return;
  }
  const AllowlistMetrics& a = *report.allowlist;
  out << "Allowlist (fleet"
      << (with_allowlist < report.load_balancers.size()
              ? ", the " + std::to_string(with_allowlist) + " load balancer" +
                    (with_allowlist == 1 ? "" : "s") + " with one"
              : std::string())
      << "): " << percent(a.in_allowlist_ratio) << " of exposed node-time inside, "
      << a.breach_episodes << " breach episode" << (a.breach_episodes == 1 ? "" : "s") << " ("
      << seconds_text(a.breach_seconds) << "), " << a.distinct_outside_addresses
      << " outside address" << (a.distinct_outside_addresses == 1 ? "" : "es") << ", "
      << a.dns_changes << " DNS changes\n";
}

}  // namespace

void print_summary(std::ostream& out, const Scenario& scenario,
                   const std::vector<Report>& replications) {
  out << "albsim " << ALBSIM_VERSION << ": "
      << (scenario.name.empty() ? std::string("(unnamed scenario)") : scenario.name) << " ("
      << scenario.region << "), horizon " << format_duration(scenario.horizon) << "\n\n";
  print_tables(out, replications.front(), false);
  if (replications.size() > 1) print_distribution(out, replications);
}

void print_observed_summary(std::ostream& out, const Scenario& scenario, const Report& report,
                            const ObservedSource& observed) {
  const std::int64_t start = scenario.start_epoch_ms.value_or(0);
  out << "albsim " << ALBSIM_VERSION << ": observed (" << observed.kind << ", " << observed.records
      << " records in " << observed.files << " file" << (observed.files == 1 ? "" : "s")
      << ") against " << (scenario.name.empty() ? std::string("(unnamed scenario)") : scenario.name)
      << ", " << format_iso8601_utc(start) << " .. "
      << format_iso8601_utc(start + scenario.horizon.ms()) << " ("
      << format_duration(scenario.horizon) << ")\n";
  for (const std::string& hidden : observed.hides) out << "  hidden: " << hidden << "\n";
  out << "\n";
  print_tables(out, report, true);
}

}  // namespace albsim
