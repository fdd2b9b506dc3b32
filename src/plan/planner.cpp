// plan(): builds the candidates, screens them, simulates them in rounds with a sequential
// stopping rule, prices every option and picks the recommendation. The runs come from this
// process and its MPI peers, or from shard files (plan_runs.hpp).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/plan.hpp"
#include "albsim/simulation.hpp"
#include "core/statistics.hpp"
#include "distribute/content_hash.hpp"
#include "distribute/spread.hpp"
#include "plan/assessment.hpp"
#include "plan/candidates.hpp"
#include "plan/markov_screen.hpp"
#include "plan/plan_costs.hpp"
#include "plan/plan_runs.hpp"
#include "report/assemble_report.hpp"
#include "report/inputs_json.hpp"
#include "report/text_format.hpp"
#include "scenario/scenario_document.hpp"
#include "scenario/work_estimate.hpp"
#include "sim/run_simulation.hpp"

namespace albsim {
namespace {

constexpr int kFirstLook = 25;  // runs before the first look; each later look doubles them
constexpr double kAlpha = 0.05;

void check_options(const PlanOptions& o) {
  const PlanTargets& t = o.targets;
  if (!(t.max_breach_probability >= 0 && t.max_breach_probability < 1))
    throw InputError("--max-breach-probability", "", "must be a probability in [0, 1), like 0.01");
  if (!(t.min_in_allowlist >= 0 && t.min_in_allowlist <= 1))
    throw InputError("--min-in-allowlist", "", "must be a ratio in [0, 1], like 0.9999");
  if (t.max_breach_minutes_per_month && !(*t.max_breach_minutes_per_month >= 0))
    throw InputError("--max-breach-minutes-per-month", "", "must be a number of minutes >= 0");
  if (o.replications && (*o.replications < 1 || *o.replications > 1'000'000))
    throw InputError("--replications", "", "must be in 1 .. 1000000");
  const AlternativePricing& p = o.alternatives;
  for (const double v :
       {p.nlb_per_hour, p.nlcu_per_hour, p.accelerator_per_hour, p.accelerator_premium_per_gb,
        p.gb_per_lcu_hour, p.cloudfront_anycast_per_month})
    if (!(v >= 0 && std::isfinite(v)))
      throw InputError("albsim plan", "", "every price and assumption must be a number >= 0");
  if (!(p.gb_per_nlcu_hour > 0 && std::isfinite(p.gb_per_nlcu_hour)))
    throw InputError("--gb-per-nlcu-hour", "", "must be a number > 0, like 1");
}

// The number of runs at each look: 25, 50, 100, ... up to the budget.
std::vector<int> looks_for(int budget, bool early_stop) {
  if (!early_stop) return {budget};
  std::vector<int> looks;
  for (int n = std::min(kFirstLook, budget);; n = std::min(2 * n, budget)) {
    looks.push_back(n);
    if (n == budget) return looks;
  }
}

// The cheapest candidate of `kind` by verdict: meets, then uncertain; else the one that
// breaches least. None when no candidate of the kind could be built.
std::optional<std::size_t> best_of(const std::vector<CandidateResult>& c, CandidateKind kind) {
  std::optional<std::size_t> best;
  auto rank = [](const CandidateResult& r) {
    return r.verdict == Verdict::meets ? 0 : r.verdict == Verdict::uncertain ? 1 : 2;
  };
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c[i].kind != kind || c[i].verdict == Verdict::not_possible) continue;
    if (!best) {
      best = i;
      continue;
    }
    const CandidateResult& a = c[i];
    const CandidateResult& b = c[*best];
    // The cheapest (at equal cost the smallest pool), or the one that breaches least.
    const bool cheaper =
        a.cost.total < b.cost.total - 1e-9 ||
        (std::abs(a.cost.total - b.cost.total) <= 1e-9 && a.addresses < b.addresses);
    const bool better = rank(a) != rank(b) ? rank(a) < rank(b)
                        : rank(a) < 2
                            ? cheaper
                            : a.breach_probability.estimate < b.breach_probability.estimate;
    if (better) best = i;
  }
  return best;
}

// A simulated run of a look: candidate index and replication.
struct Task {
  std::size_t candidate;
  int replication;
};

class Planner {
 public:
  // `replay`, when set, gives every run instead of simulating it (plan_from_runs).
  Planner(const PlanOptions& options, Peers& peers,
          std::function<RunRecord(std::size_t, int)> replay = {})
      : options_(options), peers_(peers), replay_(std::move(replay)) {
    check_options(options);
    const nlohmann::json document =
        read_scenario_document(options.scenario_path, options.overrides);
    base_ = load_scenario_document(document, options.scenario_path, {}, files_);
    set_ = build_candidates(document, base_, options, files_);
    content_hash_ = content_hash(document, files_);
  }

  const std::string& scenario_content_hash() const { return content_hash_; }

  PlanResult run() {
    describe();
    screen();
    if (options_.fast) {
      judge_by_screen();
    } else {
      simulate_candidates();
    }
    price_alternatives();
    recommend();
    if (options_.baseline) result_.baseline = simulate_baseline(*options_.baseline);
    return std::move(result_);
  }

  // The runs of one shard of a fixed-budget plan, nothing judged.
  PlanShardRuns run_shard(const ShardSpec& shard) {
    if (options_.early_stop || options_.fast)
      throw InputError("--shard", "",
                       "plan shards need a fixed budget: add --no-early-stop (and no --fast)");
    describe();
    screen();
    std::vector<Task> tasks;
    for (const std::size_t i : order_)
      if (set_.candidates[i].scenario)
        for (int r = shard.index; r < result_.budget; r += shard.count) tasks.push_back({i, r});
    const std::vector<RunRecord> runs = obtain(tasks, 0, static_cast<int>(tasks.size()));
    PlanShardRuns out{content_hash_, {}};
    for (std::size_t k = 0; k < tasks.size(); ++k)
      out.records.emplace_back(run_key(tasks[k].candidate, tasks[k].replication),
                               encode_run_record(runs[k]));
    return out;
  }

 private:
  void describe() {
    PlanResult& r = result_;
    const PlanTarget& t = set_.target;
    r.scenario_name = base_.name;
    r.trace_inputs = base_.trace_inputs;
    r.warnings = report_warnings(base_);
    r.overrides = options_.overrides;
    r.pool = t.pool_id;
    for (const std::size_t j : t.load_balancers) {
      r.load_balancers.push_back(base_.load_balancers[j].id);
      for (const std::string& az : base_.load_balancers[j].azs) r.azs.push_back(az);
    }
    r.region = base_.region;
    r.horizon_hours = base_.horizon.hours_f();
    r.random = has_random_timing(base_);
    r.budget = r.random ? options_.replications.value_or(base_.replications) : 1;
    r.fast = options_.fast;
    r.targets = options_.targets;
    r.alternatives = options_.alternatives;
    r.pricing = base_.pricing;
    r.notes = set_.notes;
    r.byoip_priced = base_.pricing.byoip_price_per_address > Usd(0);
    const bool byoip_candidates =
        std::any_of(set_.candidates.begin(), set_.candidates.end(),
                    [](const BuiltCandidate& c) { return c.result.kind == CandidateKind::byoip; });
    if (!r.byoip_priced && byoip_candidates)
      r.notes.push_back(
          "BYOIP ownership not priced (set /pricing/byoip_price_per_address): BYOIP candidates "
          "are ranked on running cost alone, and no break-even is computed");
    if (!r.random)
      r.notes.push_back(
          "the scenario has no random element: one run per candidate is exact for its one path, "
          "and each verdict is about that path alone; to judge variation, " +
          how_to_sample(base_));
    if (r.random && !options_.fast) note_replications_needed();
    for (BuiltCandidate& c : set_.candidates) {
      if (!c.scenario) c.result.verdict = Verdict::not_possible;
      r.candidates.push_back(c.result);
    }
  }

  // Zero breaches in n runs leave a Wilson upper end of z^2 / (n + z^2): below the target P
  // only from n >= z^2 (1 - P) / P. Says so when the budget is smaller.
  void note_replications_needed() {
    const double target = options_.targets.max_breach_probability;
    const int budget = result_.budget;
    if (wilson_interval(0, static_cast<std::size_t>(budget)).high <= target) return;
    const double z = normal_quantile(1 - kAlpha / 2);
    if (target <= 0) {
      result_.notes.push_back(
          "no number of replications can show P(breach) <= 0: the upper end of its interval "
          "stays above 0");
      return;
    }
    auto needed = static_cast<int>(std::ceil(z * z * (1 - target) / target));
    while (wilson_interval(0, static_cast<std::size_t>(needed)).high > target) ++needed;
    result_.notes.push_back(
        "with " + std::to_string(budget) +
        " replications no candidate can show P(breach) <= " + fmt("%g", target) + " (0 of " +
        std::to_string(budget) + " still has an upper end above it): use " + "--replications " +
        std::to_string(needed) + " or more");
  }

  // The Markov screen for each candidate's capacity, and the evaluation order it gives.
  void screen() {
    const PlanTarget& t = set_.target;
    std::optional<std::size_t> pool;
    if (!t.new_pool) pool = t.pool;
    if (t.load_balancers.size() != 1)
      result_.screen_not_applicable = "the pool serves more than one load balancer";
    else
      result_.screen_not_applicable = screen_not_applicable(base_, t.load_balancers[0], pool);
    order_.resize(set_.candidates.size());
    std::iota(order_.begin(), order_.end(), 0);
    if (result_.screen_not_applicable) {
      if (options_.fast)
        throw InputError("--fast", "",
                         "the Markov screen does not apply: " + *result_.screen_not_applicable +
                             "; run without --fast");
      return;
    }
    const MarkovScreen chain(base_, t.load_balancers[0], pool);
    demand_lcu_ = chain.mean_demand_lcu();
    for (CandidateResult& c : result_.candidates)
      if (c.verdict != Verdict::not_possible) c.screen = chain.estimate(c.addresses);
    // Most promising first: lowest estimated breach probability, then the larger pool.
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      const auto& ca = result_.candidates[a];
      const auto& cb = result_.candidates[b];
      const double pa = ca.screen ? ca.screen->breach_probability : 2.0;
      const double pb = cb.screen ? cb.screen->breach_probability : 2.0;
      return pa != pb ? pa < pb : ca.addresses > cb.addresses;
    });
  }

  void judge_by_screen() {
    const PlanTargets& targets = options_.targets;
    for (std::size_t i : order_) {
      CandidateResult& c = result_.candidates[i];
      if (!c.screen) continue;
      const ScreenEstimate& s = *c.screen;
      c.breach_probability = {s.breach_probability, s.breach_probability, s.breach_probability};
      c.in_allowlist = {s.in_allowlist, s.in_allowlist, s.in_allowlist};
      c.cost = screened_cost(*set_.candidates[i].scenario, set_.target, c.kind, s);
      const bool ok = s.breach_probability <= targets.max_breach_probability &&
                      s.in_allowlist >= targets.min_in_allowlist;
      c.verdict = ok ? Verdict::meets : Verdict::fails;
      if (!ok) c.reasons.push_back("screen estimates miss the targets");
    }
    lcu_hours_per_month_ = demand_lcu_ * kHoursPerMonth;
  }

  RunRecord run_once(std::size_t candidate, int replication) const {
    return run_scenario(*set_.candidates[candidate].scenario, set_.target,
                        set_.candidates[candidate].result.kind, replication);
  }

  static RunRecord run_scenario(const Scenario& scenario, const PlanTarget& target,
                                CandidateKind kind, int replication) {
    SimulationOptions options;
    options.replication = static_cast<std::uint64_t>(replication);
    RunMeasurements measured = run_simulation(scenario, options);
    const Report report = assemble_report(scenario, std::move(measured.report));
    RunRecord r;
    r.figures = run_figures(report, target.load_balancers);
    r.cost = candidate_cost(scenario, report, target, kind);
    for (const std::size_t j : target.load_balancers)
      r.lcu_hours_per_month += measured.demand_lcu_hours[j] * monthly_factor(report);
    return r;
  }

  // The baseline scenario's cost of the planned pool and the served load balancers, as many
  // runs as the current candidate had (one for a scenario without randomness).
  BaselineResult simulate_baseline(const std::string& path) {
    const nlohmann::json document = read_scenario_document(path, options_.overrides);
    const Scenario base = load_scenario_document(document, path, {}, files_);
    BaselineResult out;
    out.scenario = path;
    PlanTarget target;
    target.new_pool = true;
    for (std::size_t i = 0; i < base.pools.size(); ++i)
      if (base.pools[i].id == result_.pool) {
        target.pool = i;
        target.new_pool = false;
      }
    for (std::size_t j = 0; j < base.load_balancers.size(); ++j)
      if (std::find(result_.load_balancers.begin(), result_.load_balancers.end(),
                    base.load_balancers[j].id) != result_.load_balancers.end()) {
        target.load_balancers.push_back(j);
        out.load_balancers.push_back(base.load_balancers[j].id);
      }
    if (out.load_balancers.empty()) {
      result_.notes.push_back("the baseline " + path +
                              " has none of the planned load balancers: they are new, and cost "
                              "nothing before the change");
      return out;
    }
    CandidateKind kind = CandidateKind::managed_only;
    if (!target.new_pool) {
      std::size_t root = target.pool;
      while (base.pools[root].parent) root = *base.pools[root].parent;
      kind = base.pools[root].source == PoolSource::amazon ? CandidateKind::amazon
                                                           : CandidateKind::byoip;
    }
    const CandidateResult* now = current_candidate(result_);
    out.replications =
        has_random_timing(base) ? std::max(1, now ? now->replications : result_.budget) : 1;
    const std::vector<std::string> records = spread(
        peers_, static_cast<std::size_t>(out.replications), options_.threads,
        [&](std::size_t r) {
          return encode_run_record(run_scenario(base, target, kind, static_cast<int>(r)));
        },
        [](std::size_t) {});
    std::vector<RunRecord> runs;
    for (const std::string& record : records) runs.push_back(decode_run_record(record));
    out.cost = mean_cost(runs);
    return out;
  }

  // The records of `tasks`, in order: replayed, or simulated across the peers (each process on
  // its own threads). Progress counts this process's runs, scaled to all of them.
  std::vector<RunRecord> obtain(const std::vector<Task>& tasks, int finished, int at_most) {
    std::vector<RunRecord> runs;
    runs.reserve(tasks.size());
    if (replay_) {
      for (const Task& task : tasks) runs.push_back(replay_(task.candidate, task.replication));
      return runs;
    }
    const auto processes = static_cast<std::size_t>(peers_.size());
    const std::vector<std::string> records = spread(
        peers_, tasks.size(), options_.threads,
        [&](std::size_t k) {
          return encode_run_record(run_once(tasks[k].candidate, tasks[k].replication));
        },
        [&](std::size_t done) {
          if (options_.on_progress)
            options_.on_progress(
                finished + static_cast<int>(std::min(done * processes, tasks.size())), at_most);
        });
    for (const std::string& record : records) runs.push_back(decode_run_record(record));
    return runs;
  }

  // The budget of every simulated candidate (early stopping may spend less) within the work
  // limit of all of a process's replications, on every rank alike.
  void check_budget() {
    const auto simulated = static_cast<std::size_t>(
        std::count_if(set_.candidates.begin(), set_.candidates.end(),
                      [](const BuiltCandidate& c) { return c.scenario.has_value(); }));
    agree(peers_, [&] {
      check_replicated_work(
          base_, share_of(peers_, static_cast<std::size_t>(result_.budget)), simulated,
          static_cast<unsigned>(threads_for(peers_, options_.threads)),
          options_.replications ? "--replications" : base_.file + ": /replications");
    });
  }

  // Rounds of runs: every open candidate gets runs up to the next look, spread over the threads
  // (and MPI ranks); then each is judged. An early look uses a Bonferroni-corrected interval
  // (overall error at most 5% across the looks) and stops a candidate it decides; rank 0's
  // decisions bind every rank. Only a small record of each run is kept.
  void simulate_candidates() {
    check_budget();
    const std::vector<int> looks = looks_for(result_.budget, options_.early_stop);
    const double z_final = normal_quantile(1 - kAlpha / 2);
    const double z_early = normal_quantile(1 - kAlpha / (2 * static_cast<double>(looks.size())));
    const std::size_t n = set_.candidates.size();
    std::vector<std::vector<RunRecord>> records(n);
    std::vector<bool> open(n);
    for (std::size_t i = 0; i < n; ++i) open[i] = set_.candidates[i].scenario.has_value();

    int done_runs = 0;
    int finished = 0;
    for (std::size_t look = 0; look < looks.size(); ++look) {
      const int target_runs = looks[look];
      std::vector<Task> tasks;
      for (const std::size_t i : order_) {
        if (!open[i]) continue;
        records[i].resize(static_cast<std::size_t>(target_runs));
        for (int r = done_runs; r < target_runs; ++r) tasks.push_back({i, r});
      }
      const auto open_count = static_cast<int>(std::count(open.begin(), open.end(), true));
      const int at_most = finished + open_count * (result_.budget - done_runs);
      const std::vector<RunRecord> runs = obtain(tasks, finished, at_most);
      for (std::size_t k = 0; k < tasks.size(); ++k)
        records[tasks[k].candidate][static_cast<std::size_t>(tasks[k].replication)] = runs[k];
      finished += static_cast<int>(tasks.size());
      done_runs = target_runs;
      const bool last = look + 1 == looks.size();
      std::string decided(n, '0');  // '1': candidate i is decided at this look
      for (std::size_t i = 0; i < n; ++i) {
        if (!open[i]) continue;
        const Assessment decision = assess(figures_of(records[i]), options_.targets,
                                           last ? z_final : z_early, !result_.random);
        if (last || decision.verdict != Verdict::uncertain) decided[i] = '1';
      }
      decided = from_root(peers_, decided);
      for (std::size_t i = 0; i < n; ++i) {
        if (decided[i] != '1') continue;
        open[i] = false;
        record(i, records[i], !last);
      }
    }
    // Demand does not depend on the candidate: take it from the one with the most runs.
    std::size_t most = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (records[i].size() > records[most].size()) most = i;
    for (const RunRecord& r : records[most])
      lcu_hours_per_month_ += r.lcu_hours_per_month / static_cast<double>(records[most].size());
  }

  static std::vector<RunFigures> figures_of(const std::vector<RunRecord>& records) {
    std::vector<RunFigures> figures;
    for (const RunRecord& r : records) figures.push_back(r.figures);
    return figures;
  }

  // Stores a decided candidate: figures and verdict at 95% over its runs (an early decision
  // used a wider interval, so the 95% verdict is the same) and its mean monthly cost.
  void record(std::size_t i, const std::vector<RunRecord>& records, bool early) {
    CandidateResult& c = result_.candidates[i];
    const Assessment figures = assess(figures_of(records), options_.targets,
                                      normal_quantile(1 - kAlpha / 2), !result_.random);
    c.replications = static_cast<int>(records.size());
    c.stopped_early = early;
    c.breach_probability = figures.breach_probability;
    c.in_allowlist = figures.in_allowlist;
    c.breach_minutes_per_month = figures.breach_minutes_per_month;
    c.verdict = figures.verdict;
    c.reasons = figures.reasons;
    c.cost = mean_cost(records);
  }

  // The mean of the runs' monthly costs.
  static MonthlyCost mean_cost(const std::vector<RunRecord>& records) {
    const double share = 1.0 / static_cast<double>(records.size());
    MonthlyCost cost;
    for (const RunRecord& r : records) {
      cost.managed_ipv4 += r.cost.managed_ipv4 * share;
      cost.amazon_blocks += r.cost.amazon_blocks * share;
      cost.byoip_ownership += r.cost.byoip_ownership * share;
      cost.ipam += r.cost.ipam * share;
      cost.total += r.cost.total * share;
    }
    return cost;
  }

  void price_alternatives() {
    result_.alternative_options =
        alternative_costs(base_, set_.target, lcu_hours_per_month_, options_.alternatives);
  }

  void recommend() {
    std::vector<CandidateResult>& c = result_.candidates;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (c[i].verdict != Verdict::meets) continue;
      const auto& best = result_.recommendation;
      // The cheapest; at equal cost the smallest pool.
      if (!best || c[i].cost.total < c[*best].cost.total - 1e-9 ||
          (std::abs(c[i].cost.total - c[*best].cost.total) <= 1e-9 &&
           c[i].addresses < c[*best].addresses))
        result_.recommendation = i;
    }
    if (result_.recommendation && !result_.byoip_priced &&
        c[*result_.recommendation].kind == CandidateKind::byoip)
      result_.recommendation_caveat =
          "BYOIP ownership not priced (set /pricing/byoip_price_per_address): running cost only";
    if (base_.pricing.byoip_price_per_address <= Usd(0)) return;
    const auto byoip = best_of(c, CandidateKind::byoip);
    if (!byoip) return;
    const CandidateResult& b = c[*byoip];
    // BYOIP starts from a /24 you own and advertise (FACTS.md). The purchase is what the
    // candidate's monthly ownership amortizes, so the two never disagree: the block it is carved
    // from when that must be bought, its own addresses when the block is owned (byoip_owned).
    const Usd price = base_.pricing.byoip_price_per_address;
    const Usd attributed = static_cast<double>(b.addresses) * price;
    const bool owned = base_.pricing.byoip_owned;
    const Usd purchase(b.cost.byoip_ownership * base_.pricing.byoip_amortize_months);
    const Usd block =
        owned ? static_cast<double>(std::max<std::uint64_t>(b.addresses, 256)) * price : purchase;
    const double running = b.cost.total - b.cost.byoip_ownership;
    for (const CandidateKind versus : {CandidateKind::amazon, CandidateKind::managed_only}) {
      const auto other = best_of(c, versus);
      if (!other) continue;
      result_.break_even.push_back(
          {b.name, c[*other].name, c[*other].verdict, purchase.value(), block.value(),
           attributed.value(), owned,
           break_even_month(purchase.value(), running, c[*other].cost.total)});
    }
  }

  const PlanOptions& options_;
  Peers& peers_;
  std::function<RunRecord(std::size_t, int)> replay_;
  std::string content_hash_;
  FileCache files_;  // traces and ip-ranges, read once for every candidate
  Scenario base_;
  CandidateSet set_;
  PlanResult result_;
  std::vector<std::size_t> order_;
  double demand_lcu_ = 0;
  double lcu_hours_per_month_ = 0;
};

}  // namespace

const CandidateResult* current_candidate(const PlanResult& plan) {
  for (const CandidateResult& c : plan.candidates)
    if (c.current) return &c;
  return nullptr;
}

PlanResult plan(const PlanOptions& options) {
  return plan(options, this_process_alone());
}

PlanResult plan(const PlanOptions& options, Peers& peers) {
  return Planner(options, peers).run();
}

PlanShardRuns plan_shard(const PlanOptions& options, const ShardSpec& shard, Peers& peers) {
  return Planner(options, peers).run_shard(shard);
}

std::string plan_content_hash(const PlanOptions& options) {
  return Planner(options, this_process_alone()).scenario_content_hash();
}

PlanResult plan_from_runs(const PlanOptions& options,
                          const std::function<RunRecord(std::size_t, int)>& run) {
  return Planner(options, this_process_alone(), run).run();
}

}  // namespace albsim
