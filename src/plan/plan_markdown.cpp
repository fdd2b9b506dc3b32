// plan_markdown(): the pull-request comment. What a reviewer needs first (the verdict on the
// change, its cost, the one line to change) is on top; the rest is folded.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

#include "albsim/plan.hpp"
#include "albsim/version.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

constexpr std::size_t kCommentLimit = 65536;  // GitHub's limit on a comment's characters
constexpr std::size_t kMostNotes = 40;

// The longest run of backticks in `s`.
std::size_t longest_backtick_run(const std::string& s) {
  std::size_t longest = 0, run = 0;
  for (const char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// An id or a name as a code span that shows it as it is (CommonMark): control characters written
// as \xNN (a line break would end the paragraph), delimited by more backticks than it holds, and
// padded with a space where it begins or ends with a backtick or a space.
std::string code(const std::string& s) {
  const std::string visible = shown(s);
  const std::string fence(longest_backtick_run(visible) + 1, '`');
  const bool pad = !visible.empty() && (visible.front() == '`' || visible.back() == '`' ||
                                        visible.front() == ' ' || visible.back() == ' ');
  return fence + (pad ? " " : "") + visible + (pad ? " " : "") + fence;
}

// An id or a name in running text, shown as it is: control characters as \xNN, and the ASCII
// punctuation Markdown or HTML would read (emphasis, links, tags, tables, entities, the end of
// an HTML comment) backslash-escaped.
std::string text(const std::string& s) {
  std::string out;
  for (const char c : shown(s)) {
    if (std::string_view("\\`*_[]<>|~!&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// An id inside an HTML comment: on one line, and without a '>' that could end the comment.
std::string comment_text(const std::string& s) {
  std::string out;
  for (const char c : shown(s)) out += c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

std::string text_list(const std::vector<std::string>& items) {
  std::vector<std::string> escaped;
  for (const std::string& s : items) escaped.push_back(text(s));
  return join(escaped);
}

// "0.012 (95%: 0.003 to 0.041)", or the point estimate alone on the screen.
std::string interval_text(const Interval& i, bool fast) {
  if (fast) return fmt("%.4f", i.estimate) + " (screen)";
  return fmt("%.3f", i.estimate) + " (95%: " + fmt("%.3f", i.low) + " to " + fmt("%.3f", i.high) +
         ")";
}

std::string verdict_heading(const CandidateResult& now) {
  switch (now.verdict) {
    case Verdict::meets:
      return "✅ meets its targets";
    case Verdict::fails:
      return "❌ fails its targets";
    case Verdict::uncertain:
      return "⚠️ not shown to meet its targets";
    case Verdict::not_possible:
      return "❌ cannot be simulated";
  }
  return "";
}

std::string cidrs_text(const CandidateResult& c) {
  std::vector<std::string> list;
  for (const Cidr& cidr : c.cidrs) list.push_back(cidr.to_string());
  return join(list);
}

// The Terraform to change from the pool as it is, `now`, to the recommendation `r`.
std::string line_to_change(const PlanResult& p, const CandidateResult& now,
                           const CandidateResult& r) {
  if (r.kind != now.kind && r.kind != CandidateKind::managed_only)
    return r.kind == CandidateKind::byoip
               ? "a pool carved from a BYOIP range you own replaces " + code(p.pool) +
                     " (the Terraform below; its " + cidrs_text(r) +
                     " stands for your range when it is documentation space)"
               : "an Amazon-provided pool replaces " + code(p.pool) + " (the Terraform below)";
  const std::string where =
      "in the " + code("aws_vpc_ipam_pool_cidr") + " that provisions " + code(p.pool);
  if (r.kind == CandidateKind::managed_only)
    return "remove the " + code("ipam_pools") + " block of " + text_list(p.load_balancers) +
           " (AWS-managed addresses: no allowlist to keep)";
  if (r.kind == CandidateKind::amazon)
    return where + ", set " + code("netmask_length = " + std::to_string(r.netmask)) +
           (r.blocks > 1 ? " (" + std::to_string(r.blocks) +
                               " such CIDRs: " + code("count = " + std::to_string(r.blocks)) + ")"
                         : std::string());
  const std::string cidr = code("cidr = \"" + r.cidrs.front().to_string() + "\"");
  // A BYOIP prefix longer than /24 is a child pool's: its CIDR may be allocated by netmask.
  if (r.netmask > 24)
    return where + ", set " + code("netmask_length = " + std::to_string(r.netmask)) + " (or " +
           cidr + ")";
  return where + ", set " + cidr;
}

void table_row(std::ostream& out, const std::string& what, const std::string& now,
               const std::optional<std::string>& recommended) {
  out << "| " << what << " | " << now << " |" << (recommended ? " " + *recommended + " |" : "")
      << "\n";
}

void summary_table(std::ostream& out, const PlanResult& p, const CandidateResult& now,
                   const CandidateResult* rec) {
  const bool other = rec && rec != &now;
  const auto of_rec = [&](const std::string& s) {
    return other ? std::optional<std::string>(s) : std::nullopt;
  };
  out << "| | as it is: " << now.name << " |" << (other ? " recommended: " + rec->name + " |" : "")
      << "\n|---|---|" << (other ? "---|" : "") << "\n";
  if (now.verdict == Verdict::not_possible) {
    table_row(out, "cannot be simulated", now.not_possible, of_rec(""));
    return;
  }
  table_row(
      out, "addresses", std::to_string(now.addresses) + " (" + cidrs_text(now) + ")",
      other
          ? of_rec(std::to_string(rec->addresses) +
                   (rec->kind == CandidateKind::managed_only ? "" : " (" + cidrs_text(*rec) + ")"))
          : std::nullopt);
  table_row(
      out, "P(breach) within the horizon, target <= " + fmt("%g", p.targets.max_breach_probability),
      interval_text(now.breach_probability, p.fast),
      other ? of_rec(interval_text(rec->breach_probability, p.fast)) : std::nullopt);
  table_row(out,
            "in-allowlist, worst load balancer, target >= " + fmt("%g", p.targets.min_in_allowlist),
            fmt("%.6f", now.in_allowlist.estimate),
            other ? of_rec(fmt("%.6f", rec->in_allowlist.estimate)) : std::nullopt);
  if (!p.fast)
    table_row(out,
              "breach minutes per month" +
                  (p.targets.max_breach_minutes_per_month
                       ? ", target <= " + fmt("%g", *p.targets.max_breach_minutes_per_month)
                       : std::string()),
              fmt("%.1f", now.breach_minutes_per_month.estimate),
              other ? of_rec(fmt("%.1f", rec->breach_minutes_per_month.estimate)) : std::nullopt);
  table_row(out, "IPv4 cost per month", money(now.cost.total),
            other ? of_rec(money(rec->cost.total)) : std::nullopt);
  table_row(out, "verdict", verdict_name(now.verdict),
            other ? of_rec(verdict_name(rec->verdict)) : std::nullopt);
}

void cost_line(std::ostream& out, const PlanResult& p, const CandidateResult& now) {
  if (now.verdict == Verdict::not_possible) return;
  if (!p.baseline) {
    out << "\n**Monthly IPv4 cost as it is:** " << money(now.cost.total)
        << " (no `--baseline`: nothing to compare with).\n";
    return;
  }
  const double before = p.baseline->cost.total;
  const double delta = now.cost.total - before;
  out << "\n**Monthly IPv4 cost:** " << money(before) << " before the change, "
      << money(now.cost.total) << " after (" << (delta >= 0 ? "+" : "-") << money(std::abs(delta));
  if (before > 0)
    out << ", " << (delta >= 0 ? "+" : "-") << fmt("%.0f%%", std::abs(delta) / before * 100);
  out << ").\n";
}

void advice(std::ostream& out, const PlanResult& p, const CandidateResult& now,
            const CandidateResult* rec) {
  if (now.verdict != Verdict::meets && !now.reasons.empty())
    out << "\n**Why:** " << join(now.reasons) << ".\n";
  if (!rec) {
    out << "\n**No candidate meets the targets.** Every pool size albsim tried misses them; see "
           "the candidates below (more replications decide an uncertain one).\n";
    return;
  }
  if (rec == &now) return;
  const bool cheaper = now.verdict == Verdict::meets;
  out << "\n**" << (cheaper ? "A cheaper option meets them too" : "To meet the targets") << ":** "
      << rec->name << " at " << money(rec->cost.total) << " per month"
      << (p.recommendation_caveat.empty() ? "" : " (" + p.recommendation_caveat + ")") << ": "
      << line_to_change(p, now, *rec) << ".\n";
}

void candidates_details(std::ostream& out, const PlanResult& p) {
  out << "\n<details><summary>Every candidate (" << p.candidates.size()
      << ")</summary>\n\n| candidate | addresses | P(breach) | in-allowlist | $/month | verdict "
         "|\n|---|---:|---|---:|---:|---|\n";
  for (const CandidateResult& c : p.candidates) {
    out << "| " << c.name << (c.current ? " (as it is)" : "") << " | ";
    if (c.verdict == Verdict::not_possible) {
      out << " | | | | not possible: " << c.not_possible << " |\n";
      continue;
    }
    out << c.addresses << " | " << interval_text(c.breach_probability, p.fast) << " | "
        << fmt("%.6f", c.in_allowlist.estimate) << " | " << money(c.cost.total) << " | "
        << verdict_name(c.verdict) << " |\n";
  }
  out << "\n</details>\n";
}

void notes_details(std::ostream& out, const PlanResult& p) {
  std::vector<std::string> lines;
  for (const std::string& w : p.warnings) lines.push_back("warning: " + w);
  for (const std::string& n : p.notes) lines.push_back(n);
  if (lines.empty()) return;
  out << "\n<details><summary>Notes (" << lines.size() << ")</summary>\n\n";
  for (std::size_t i = 0; i < lines.size() && i < kMostNotes; ++i)
    out << "- " << text(lines[i]) << "\n";
  if (lines.size() > kMostNotes)
    out << "- ... " << lines.size() - kMostNotes << " more in plan.json\n";
  out << "\n</details>\n";
}

}  // namespace

std::string plan_markdown(const PlanResult& p) {
  std::ostringstream out;
  const CandidateResult* now = current_candidate(p);
  const CandidateResult* rec = p.recommendation ? &p.candidates[*p.recommendation] : nullptr;
  out << "<!-- albsim-plan " << comment_text(p.pool) << " -->\n";
  out << "### albsim: pool " << code(p.pool) << " " << (now ? verdict_heading(*now) : "") << "\n\n";
  std::vector<std::string> azs;
  for (const std::string& az : p.azs)
    if (std::find(azs.begin(), azs.end(), az) == azs.end()) azs.push_back(az);
  out << "Serves " << text_list(p.load_balancers) << " (AZs " << text_list(azs) << ") in "
      << text(p.region) << "; horizon " << fmt("%.0f h", p.horizon_hours) << "; "
      << (p.fast     ? std::string("Markov screen only")
          : p.random ? "up to " + std::to_string(p.budget) + " runs per candidate"
                     : std::string("one run per candidate (no random element)"))
      << ". Costs are USD per 730-hour month.\n\n";
  if (now) {
    summary_table(out, p, *now, rec);
    cost_line(out, p, *now);
    advice(out, p, *now, rec);
  }
  candidates_details(out, p);
  const std::string terraform = plan_terraform(p);
  if (!terraform.empty() && rec && rec != now) {
    // A fence longer than any run of backticks in it (an id may hold some).
    const std::string fence(std::max<std::size_t>(3, longest_backtick_run(terraform) + 1), '`');
    out << "\n<details><summary>Terraform for " << rec->name
        << " as a new pool (plan.tf)</summary>\n\n"
        << fence << "hcl\n"
        << terraform << fence << "\n\n</details>\n";
  }
  notes_details(out, p);
  out << "\n<sub>albsim " << ALBSIM_VERSION << " plan of " << code(p.scenario_name)
      << ": a target is met when the pessimistic end of its 95% interval meets it.</sub>\n";
  std::string text = out.str();
  if (text.size() > kCommentLimit) {
    const std::string tail = "\n\n(cut to GitHub's comment limit: see plan.json)\n";
    std::size_t cut = kCommentLimit - tail.size();
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    text = text.substr(0, cut) + tail;
  }
  return text;
}

}  // namespace albsim
