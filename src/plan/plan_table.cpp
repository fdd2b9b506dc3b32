#include <algorithm>
#include <string>

#include "albsim/plan.hpp"
#include "albsim/report.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

std::string cidr_list(const std::vector<Cidr>& cidrs) {
  std::vector<std::string> text;
  for (const Cidr& c : cidrs) text.push_back(c.to_string());
  return join(text);
}

std::string interval_text(const Interval& i) {
  return fmt("%.3f", i.estimate) + fmt(" [%.3f", i.low) + fmt(", %.3f]", i.high);
}

void print_header(std::ostream& out, const PlanResult& p) {
  out << "albsim plan: " << (p.scenario_name.empty() ? "scenario" : shown(p.scenario_name)) << "\n"
      << "Pool " << shown(p.pool) << " for " << join(p.load_balancers) << " (AZs " << join(p.azs)
      << "), " << shown(p.region) << ", horizon " << fmt("%.0f h", p.horizon_hours)
      << " (costs per 730-hour month, " << monthly_basis(p.horizon_hours) << "), "
      << (p.fast ? std::string("Markov screen only (--fast)")
                 : "up to " + std::to_string(p.budget) + " runs per candidate")
      << "\nTargets: P(breach) <= " << fmt("%g", p.targets.max_breach_probability)
      << ", in-allowlist >= " << fmt("%g", p.targets.min_in_allowlist);
  if (p.targets.max_breach_minutes_per_month)
    out << ", breach minutes/month <= " << fmt("%g", *p.targets.max_breach_minutes_per_month);
  out << (p.fast ? "; judged on the Markov screen's point estimates.\n\n"
                 : "; a target is met when the pessimistic end of its 95% interval meets it.\n\n");
}

void print_recommendation(std::ostream& out, const PlanResult& p) {
  if (!p.recommendation) {
    out << "Recommendation: none. No candidate meets every target"
        << (p.fast ? " by the screen's estimate" : "") << ".";
    const CandidateResult* open = nullptr;
    for (const CandidateResult& c : p.candidates)
      if (c.verdict == Verdict::uncertain && (!open || c.cost.total < open->cost.total)) open = &c;
    if (open)
      out << " The cheapest still uncertain is " << open->name << " at " << money(open->cost.total)
          << " per month: more replications would decide it.";
    out << "\n\n";
    return;
  }
  const CandidateResult& r = p.candidates[*p.recommendation];
  out << "Recommendation: " << r.name;
  if (r.kind != CandidateKind::managed_only)
    out << " (" << r.addresses << " addresses: " << cidr_list(r.cidrs) << ")";
  out << ", meets every target" << (p.fast ? " by the screen's estimate" : "") << " at "
      << money(r.cost.total) << " per month"
      << (p.recommendation_caveat.empty() ? "" : " (" + p.recommendation_caveat + ")") << ".\n\n";
}

// The pool as the scenario has it: its verdict, and its cost against the baseline's.
void print_current(std::ostream& out, const PlanResult& p) {
  const CandidateResult* now = current_candidate(p);
  if (!now) return;
  out << "As it is: " << now->name << ", " << verdict_name(now->verdict);
  if (now->verdict != Verdict::not_possible)
    out << " at " << money(now->cost.total) << " per month";
  if (p.baseline)
    out << " (before the change, " << p.baseline->scenario << ": " << money(p.baseline->cost.total)
        << ")";
  out << ".\n\n";
}

void print_candidates(std::ostream& out, const PlanResult& p) {
  const bool screened = !p.fast && !p.screen_not_applicable;
  out << pad("candidate", 16) << pad_left("addr", 6) << pad_left("runs", 5)
      << pad(p.fast ? "P(breach) screen" : "P(breach) [95% CI]", 24) << pad_left("brch m/mo", 9)
      << pad_left("in-allowlist", 12) << pad_left("managed", 9) << pad_left("blocks", 8)
      << pad_left("owned", 8) << pad_left("ipam", 7) << pad_left("total/mo", 9)
      << (screened ? pad_left("screen P", 9) : "") << "verdict\n";
  for (const CandidateResult& c : p.candidates) {
    out << pad(c.name, 16);
    if (c.verdict == Verdict::not_possible) {
      out << "not possible: " << c.not_possible << "\n";
      continue;
    }
    out << pad_left(std::to_string(c.addresses), 6)
        << pad_left(p.fast ? "-" : std::to_string(c.replications) + (c.stopped_early ? "*" : ""), 5)
        << pad(p.fast ? fmt("%.4f", c.breach_probability.estimate)
                      : interval_text(c.breach_probability),
               24)
        << pad_left(p.fast ? "-" : fmt("%.1f", c.breach_minutes_per_month.estimate), 9)
        << pad_left(fmt("%.6f", c.in_allowlist.estimate), 12)
        << pad_left(fmt("%.2f", c.cost.managed_ipv4), 9)
        << pad_left(fmt("%.2f", c.cost.amazon_blocks), 8)
        << pad_left(fmt("%.2f", c.cost.byoip_ownership), 8) << pad_left(fmt("%.2f", c.cost.ipam), 7)
        << pad_left(fmt("%.2f", c.cost.total), 9)
        << (screened ? pad_left(c.screen ? fmt("%.4f", c.screen->breach_probability) : "-", 9) : "")
        << verdict_name(c.verdict) << "\n";
  }
  const bool any_early = std::any_of(p.candidates.begin(), p.candidates.end(),
                                     [](const CandidateResult& c) { return c.stopped_early; });
  out << "(USD per " << kHoursPerMonth << "-hour month"
      << (any_early ? "; * stopped early: the sequential test decided" : "") << ")\n";
  bool any_reason = false;
  for (const CandidateResult& c : p.candidates) {
    if (c.reasons.empty()) continue;
    if (!any_reason) out << "\nWhy not met:\n";
    any_reason = true;
    out << "  " << pad(c.name, 16) << join(c.reasons) << "\n";
  }
}

void print_alternatives(std::ostream& out, const PlanResult& p) {
  out << "\nAlternatives with static addresses (priced, not simulated; they never breach):\n";
  for (const AlternativeResult& a : p.alternative_options) {
    const MonthlyCost& c = a.cost;
    out << "  " << pad(a.name, 31) << pad(a.addresses, 33);
    if (c.nlb > 0) out << "NLB " << money(c.nlb) << "  ";
    if (c.accelerator > 0) out << "accelerator " << money(c.accelerator) << "  ";
    if (c.cloudfront > 0) out << "IP list " << money(c.cloudfront) << "  ";
    if (c.managed_ipv4 > 0) out << "IPv4 " << money(c.managed_ipv4) << "  ";
    if (c.byoip_ownership > 0) out << "owned " << money(c.byoip_ownership) << "  ";
    out << "total " << money(c.total) << "/mo\n";
  }
}

void print_break_even(std::ostream& out, const PlanResult& p) {
  for (const BreakEven& b : p.break_even) {
    out << "Break-even: " << b.byoip << " ("
        << (b.owned ? money(b.attributed) +
                          ", its share of the block you own, as its monthly "
                          "cost counts it"
                    : "buying the block it is carved from, " + money(b.block_purchase) +
                          ", as its monthly cost counts it and albsim run does; its own share " +
                          money(b.attributed))
        << ") beats " << b.versus
        << (b.versus_verdict == Verdict::meets   ? " (which meets the targets)"
            : b.versus_verdict == Verdict::fails ? " (which fails the targets)"
                                                 : " (still uncertain on the targets)");
    if (b.month)
      out << " from month " << *b.month << "\n";
    else
      out << ": never (it is not cheaper to run)\n";
  }
}

void print_assumptions(std::ostream& out, const PlanResult& p) {
  const Pricing& s = p.pricing;
  const AlternativePricing& a = p.alternatives;
  out << "\nPrices: public IPv4 " << fmt("$%g", s.public_ipv4_per_ip_hour.value())
      << "/IP-h, Amazon block " << fmt("$%g", s.amazon_block_per_ip_hour.value()) << "/IP-h, IPAM "
      << (s.ipam_advanced ? fmt("advanced $%g/IP-h", s.ipam_advanced_per_ip_hour.value()) : "free")
      << ", BYOIP "
      << (p.byoip_priced ? fmt("$%g", s.byoip_price_per_address.value()) + "/address over " +
                               fmt("%g", s.byoip_amortize_months) + " months"
                         : std::string("ownership not priced"))
      << "; NLB " << fmt("$%g", a.nlb_per_hour) << "/h + " << fmt("$%g", a.nlcu_per_hour)
      << "/NLCU-h; Global Accelerator " << fmt("$%g", a.accelerator_per_hour) << "/h + "
      << fmt("$%g", a.accelerator_premium_per_gb) << "/GB; CloudFront Anycast Static IPs "
      << fmt("$%g", a.cloudfront_anycast_per_month) << "/month (CloudFront's request and transfer "
      << "charges not included).\nAssumptions: " << fmt("%g", a.gb_per_lcu_hour)
      << " GB per ALB LCU-hour, " << fmt("%g", a.gb_per_nlcu_hour) << " GB per NLCU-hour.\n";
  if (p.screen_not_applicable)
    out << "Markov screen: not applicable (" << *p.screen_not_applicable << ").\n";
  for (const std::string& note : p.notes) out << "Note: " << note << "\n";
}

}  // namespace

void print_plan(std::ostream& out, const PlanResult& p) {
  print_header(out, p);
  print_recommendation(out, p);
  print_current(out, p);
  print_candidates(out, p);
  print_alternatives(out, p);
  print_break_even(out, p);
  print_assumptions(out, p);
}

}  // namespace albsim
