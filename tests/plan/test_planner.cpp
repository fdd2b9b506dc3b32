// albsim plan: candidates, verdicts, costs, break-even and the Terraform snippet, against
// hand-derived values and against `albsim run` on each candidate alone.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "albsim/load_scenario.hpp"
#include "albsim/plan.hpp"
#include "support.hpp"

namespace albsim::test {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  return fresh_scratch_dir("plan-test-" + name);
}

const CandidateResult& candidate(const PlanResult& plan, const std::string& name) {
  for (const CandidateResult& c : plan.candidates)
    if (c.name == name) return c;
  FAIL("no candidate " << name);
  throw std::logic_error("unreachable");
}

// scenarios/plan-3az.json, pool edge, over a shorter horizon.
PlanOptions plan_3az_options(const char* horizon, int replications) {
  PlanOptions o;
  o.scenario_path = source_path("scenarios/plan-3az.json");
  o.pool = "edge";
  o.overrides = {{"/horizon", std::string("\"") + horizon + "\""}};
  o.replications = replications;
  return o;
}

PlanOptions two_nodes_options() {
  PlanOptions o;
  o.scenario_path = source_path("tests/plan/two_nodes.json");
  o.pool = "edge";
  o.netmask_min = 29;
  o.netmask_max = 32;
  return o;
}

// two_nodes.json: 2 AZs x ceil(20 / 25) = 2 nodes holding 2 addresses for 730 h, nothing random.
// BYOIP at $24 over 12 months is $2 per address-month, and a BYOIP candidate is charged the /24
// it is carved from, which must be bought: 256 x $2 = $512, whatever its own size (as `albsim
// run` charges the top-level pool). IPAM advanced on 2 x 730 address-hours is 1460 x 0.00027 =
// $0.3942 (half that for the /32, whose second node is managed). The cheapest that meets is then
// Amazon /30 x1; with the /24 owned, BYOIP /31 at its share, $4.
TEST_CASE("plan: hand-derived monthly costs of a deterministic scenario") {
  const PlanResult p = plan(two_nodes_options());
  CHECK_FALSE(p.random);
  CHECK(p.budget == 1);
  struct Row {
    const char* name;
    double managed, blocks, owned, ipam;
    Verdict verdict;
  };
  const Row rows[] = {
      {"BYOIP /29", 0, 0, 512, 0.3942, Verdict::meets},
      {"BYOIP /30", 0, 0, 512, 0.3942, Verdict::meets},
      {"BYOIP /31", 0, 0, 512, 0.3942, Verdict::meets},
      {"BYOIP /32", 3.65, 0, 512, 0.1971, Verdict::fails},     // 1 managed address x 730 h x 0.005
      {"Amazon /29 x1", 0, 46.72, 0, 0.3942, Verdict::meets},  // 8 x 730 x 0.008
      {"Amazon /29 x2", 0, 93.44, 0, 0.3942, Verdict::meets},
      {"Amazon /30 x1", 0, 23.36, 0, 0.3942, Verdict::meets},
      {"Amazon /30 x2", 0, 46.72, 0, 0.3942, Verdict::meets},
      {"managed-only", 7.30, 0, 0, 0, Verdict::fails},  // 2 x 730 x 0.005
      // The pool as it is, a /28 outside --netmasks 29-32: simulated too, for --check.
      {"as configured (203.0.113.0/28)", 0, 0, 512, 0.3942, Verdict::meets},
  };
  REQUIRE(p.candidates.size() == std::size(rows));
  REQUIRE(current_candidate(p));
  CHECK(current_candidate(p)->name == "as configured (203.0.113.0/28)");
  for (const Row& row : rows) {
    const CandidateResult& c = candidate(p, row.name);
    INFO(row.name);
    CHECK(c.verdict == row.verdict);
    CHECK(c.cost.managed_ipv4 == Approx(row.managed));
    CHECK(c.cost.amazon_blocks == Approx(row.blocks));
    CHECK(c.cost.byoip_ownership == Approx(row.owned));
    CHECK(c.cost.ipam == Approx(row.ipam));
    CHECK(c.cost.total == Approx(row.managed + row.blocks + row.owned + row.ipam));
  }
  const CandidateResult& single = candidate(p, "BYOIP /32");
  CHECK(single.in_allowlist.estimate == Approx(0.5));  // one of two exposed nodes outside
  CHECK(single.breach_minutes_per_month.estimate == Approx(730 * 60));
  REQUIRE(p.recommendation);
  CHECK(p.candidates[*p.recommendation].name == "Amazon /30 x1");
  PlanOptions owned = two_nodes_options();
  owned.overrides.push_back({"/pricing/byoip_owned", "true"});
  const PlanResult q = plan(owned);
  CHECK(candidate(q, "BYOIP /29").cost.byoip_ownership == Approx(16));  // 8 x $2
  CHECK(candidate(q, "BYOIP /31").cost.byoip_ownership == Approx(4));
  REQUIRE(q.recommendation);
  CHECK(q.candidates[*q.recommendation].name == "BYOIP /31");
  CHECK(q.candidates[*q.recommendation].cidrs ==
        std::vector<Cidr>{*parse_cidr("203.0.113.0/31").cidr});
}

// Demand 40 LCU for 730 h is 29,200 LCU-hours, so 29,200 GB at 1 GB per LCU-hour.
TEST_CASE("plan: hand-derived alternatives") {
  const PlanResult p = plan(two_nodes_options());
  REQUIRE(p.alternative_options.size() == 4);
  const MonthlyCost& nlb_amazon = p.alternative_options[0].cost;
  CHECK(nlb_amazon.nlb == Approx(730 * 0.0225 + 29200 * 0.006));  // 191.625
  CHECK(nlb_amazon.managed_ipv4 == Approx(2 * 730 * 0.005));      // an EIP per AZ
  CHECK(nlb_amazon.total == Approx(198.925));
  const MonthlyCost& nlb_byoip = p.alternative_options[1].cost;
  CHECK(nlb_byoip.byoip_ownership == Approx(256 * 2.0));  // EIPs from a /24 to buy
  CHECK(nlb_byoip.total == Approx(191.625 + 512));
  const MonthlyCost& accelerator = p.alternative_options[2].cost;
  CHECK(accelerator.accelerator == Approx(730 * 0.025 + 29200 * 0.015));
  CHECK(accelerator.total == Approx(456.25));
  // One CloudFront Anycast Static IP list, $3,000 a month (FACTS.md), whatever the traffic.
  CHECK(p.alternative_options[3].name == "CloudFront Anycast Static IPs");
  CHECK(p.alternative_options[3].cost.cloudfront == 3000);
  CHECK(p.alternative_options[3].cost.total == 3000);
  PlanOptions cheaper = two_nodes_options();
  cheaper.alternatives.cloudfront_anycast_per_month = 2500;
  CHECK(plan(cheaper).alternative_options[3].cost.total == 2500);
}

// BYOIP needs a /24 of your own (FACTS.md): 256 x $24 = $6,144 up front, of which the /31's
// share is $48; it costs $0.3942 a month to run. Against Amazon /30 x1 ($23.7542): 6144 / 23.36
// = 263.01, so month 264; against managed-only ($7.30): 6144 / 6.9058 = 889.69, so month 890.
// With the /24 already owned (/pricing/byoip_owned) the break-even prices the share: 48 / 23.36
// = 2.05, so month 3; 48 / 6.9058 = 6.95, so month 7.
TEST_CASE("plan: break-even month by hand, on the /24 purchase or the owned share") {
  const PlanResult p = plan(two_nodes_options());
  REQUIRE(p.break_even.size() == 2);
  CHECK(p.break_even[0].byoip == "BYOIP /31");
  CHECK(p.break_even[0].versus == "Amazon /30 x1");
  CHECK(p.break_even[0].block_purchase == Approx(6144));
  CHECK(p.break_even[0].attributed == Approx(48));
  CHECK(p.break_even[0].purchase == Approx(6144));
  CHECK_FALSE(p.break_even[0].owned);
  CHECK(p.break_even[0].month == 264);
  CHECK(p.break_even[1].versus == "managed-only");
  CHECK(p.break_even[1].month == 890);

  PlanOptions owned = two_nodes_options();
  owned.overrides.push_back({"/pricing/byoip_owned", "true"});
  const PlanResult q = plan(owned);
  REQUIRE(q.break_even.size() == 2);
  CHECK(q.break_even[0].owned);
  CHECK(q.break_even[0].purchase == Approx(48));
  CHECK(q.break_even[0].block_purchase == Approx(6144));
  CHECK(q.break_even[0].month == 3);
  CHECK(q.break_even[1].month == 7);
}

TEST_CASE("plan: Terraform snippet in terraform fmt layout") {
  const fs::path dir = fresh_dir("tf");
  // The /24 owned: BYOIP /31 is the cheapest at its share.
  const auto r =
      run_albsim({"plan", source_path("tests/plan/two_nodes.json"), "--pool", "edge", "--netmasks",
                  "29-32", "--set", "/pricing/byoip_owned=true", "--out", dir.string(), "--quiet"});
  REQUIRE(r.code == 0);
  CHECK(read_text(dir / "plan.tf") == R"(# albsim plan: two-nodes
# Recommendation: BYOIP /31 (2 addresses) for pool edge.
# Carved from the top-level public-scope pool that holds your BYOIP range.
# PLACEHOLDER: var.byoip_cidr has no default; give it a /31 of your BYOIP range.

variable "ipam_public_scope_id" {
  description = "The public scope of your IPAM"
  type        = string
}

variable "byoip_pool_id" {
  description = "The top-level IPAM pool provisioned with your BYOIP range"
  type        = string
}

variable "byoip_cidr" {
  description = "The /31 of your BYOIP range for pool edge"
  type        = string
  # PLACEHOLDER: the plan used 203.0.113.0/31, documentation space (RFC 5737), not your range.
  # Give a /31 of your own, e.g. default = "203.0.113.0/31" with your addresses.
}

resource "aws_vpc_ipam_pool" "edge_byoip_31" {
  address_family      = "ipv4"
  aws_service         = "ec2"
  description         = "albsim: BYOIP /31 for ALB nodes"
  ipam_scope_id       = var.ipam_public_scope_id
  locale              = "us-east-1"
  source_ipam_pool_id = var.byoip_pool_id
}

resource "aws_vpc_ipam_pool_cidr" "edge_byoip_31" {
  ipam_pool_id = aws_vpc_ipam_pool.edge_byoip_31.id
  cidr         = var.byoip_cidr
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"

  # subnets, security_groups and the rest as today

  ipam_pools {
    ipv4_ipam_pool_id = aws_vpc_ipam_pool.edge_byoip_31.id
  }

  depends_on = [aws_vpc_ipam_pool_cidr.edge_byoip_31]
}
)");

  // At $1,200 an address BYOIP loses to the Amazon /30 block: two of them, by count.
  const auto amazon =
      run_albsim({"plan", source_path("tests/plan/two_nodes.json"), "--pool", "edge", "--netmasks",
                  "29", "--set", "/pricing/byoip_price_per_address=1200", "--set",
                  "/load_balancers/0/demand/constant=80", "--out", dir.string(), "--quiet"});
  REQUIRE(amazon.code == 0);
  const std::string tf = read_text(dir / "plan.tf");
  CHECK(tf.find("# Recommendation: Amazon /30 x1 (4 addresses) for pool edge.") !=
        std::string::npos);
  CHECK(tf.find(R"(resource "aws_vpc_ipam_pool" "edge_amazon_30" {
  address_family   = "ipv4"
  aws_service      = "ec2"
  description      = "albsim: Amazon /30 x1 for ALB nodes"
  ipam_scope_id    = var.ipam_public_scope_id
  locale           = "us-east-1"
  public_ip_source = "amazon"
}

resource "aws_vpc_ipam_pool_cidr" "edge_amazon_30" {
  ipam_pool_id   = aws_vpc_ipam_pool.edge_amazon_30.id
  netmask_length = 30
}
)") != std::string::npos);
  CHECK(tf.find("byoip_pool_id") == std::string::npos);

  // Real address space (not RFC 5737 documentation space) is the variable's default, and no
  // line of the file carries a bare placeholder.
  const auto real = run_albsim(
      {"plan", source_path("tests/plan/two_nodes.json"), "--pool", "edge", "--netmasks", "29-32",
       "--set", "/pools/0/cidrs=[\"100.64.8.0/24\"]", "--set", "/pools/1/cidrs=[\"100.64.8.0/28\"]",
       "--set", "/pricing/byoip_owned=true", "--out", dir.string(), "--quiet"});
  REQUIRE(real.code == 0);
  const std::string real_tf = read_text(dir / "plan.tf");
  CHECK(real_tf.find(R"(variable "byoip_cidr" {
  description = "The /31 of your BYOIP range for pool edge"
  type        = string
  default     = "100.64.8.0/31"
})") != std::string::npos);
  CHECK(real_tf.find("PLACEHOLDER") == std::string::npos);
}

TEST_CASE("plan: an unknown BYOIP price is shown as unknown") {
  const fs::path dir = fresh_dir("byoip-unpriced");
  const auto r =
      run_albsim({"plan", source_path("tests/plan/two_nodes.json"), "--pool", "edge", "--netmasks",
                  "29-32", "--set", "/pricing/byoip_price_per_address=0", "--out", dir.string()});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Recommendation: BYOIP /31 (2 addresses: 203.0.113.0/31), meets every target "
                   "at ") != std::string::npos);
  CHECK(r.out.find(" per month (BYOIP ownership not priced (set "
                   "/pricing/byoip_price_per_address): running cost only).") != std::string::npos);
  CHECK(r.out.find(", BYOIP ownership not priced; NLB") != std::string::npos);
  CHECK(r.out.find("Break-even") == std::string::npos);
  const auto plan = nlohmann::json::parse(read_text(dir / "plan.json"));
  CHECK(plan["byoip_ownership_priced"] == false);
  CHECK(plan["recommendation_caveat"] ==
        "BYOIP ownership not priced (set /pricing/byoip_price_per_address): running cost only");
  CHECK(plan["notes"].dump().find("BYOIP ownership not priced") != std::string::npos);
  // Priced, the caveat is gone.
  const auto priced = run_albsim({"plan", source_path("tests/plan/two_nodes.json"), "--pool",
                                  "edge", "--netmasks", "29-32", "--out", dir.string(), "--quiet"});
  REQUIRE(priced.code == 0);
  const auto priced_plan = nlohmann::json::parse(read_text(dir / "plan.json"));
  CHECK(priced_plan["byoip_ownership_priced"] == true);
  CHECK(priced_plan["recommendation_caveat"].is_null());
}

// Each candidate's figures and verdict follow from `albsim run` on that candidate alone with
// the same number of replications: report.json's breach probability interval and the
// in-allowlist mean and standard deviation, judged here by the rule in docs/planning.md.
TEST_CASE("plan: every verdict agrees with albsim run on the candidate alone") {
  const std::vector<std::string> user_sets = {"/horizon=\"7d\""};
  PlanOptions o = plan_3az_options("7d", 60);
  o.targets.max_breach_probability = 0.1;
  o.targets.min_in_allowlist = 0.999;
  const PlanResult p = plan(o);
  int meets = 0, fails = 0;
  for (const CandidateResult& c : p.candidates) {
    INFO(c.name);
    REQUIRE(c.verdict != Verdict::not_possible);
    const fs::path dir = fresh_dir("agree");
    std::vector<std::string> args = {
        "run",     o.scenario_path, "--replications", std::to_string(c.replications),
        "--quiet", "--out",         dir.string()};
    for (const std::string& s : user_sets) args.insert(args.end(), {"--set", s});
    for (const Override& s : c.overrides)
      args.insert(args.end(), {"--set", s.pointer + "=" + s.value});
    const auto r = run_albsim(args);
    REQUIRE(r.code == 0);
    const auto report = nlohmann::json::parse(read_text(dir / "report.json"));
    const auto& d = report.at("distribution").at("load_balancers").at(0);
    const auto& breach = d.at("breach_probability");
    CHECK(breach.at("estimate").get<double>() == Approx(c.breach_probability.estimate));
    CHECK(breach.at("high").get<double>() == Approx(c.breach_probability.high));
    const auto& ratio = d.at("allowlist").at("in_allowlist_ratio");
    const double n = c.replications;
    const double low = ratio.at("mean").get<double>() -
                       1.959963984540054 * ratio.at("stddev").get<double>() / std::sqrt(n);
    const double high = ratio.at("mean").get<double>() +
                        1.959963984540054 * ratio.at("stddev").get<double>() / std::sqrt(n);
    const bool met = breach.at("high").get<double>() <= 0.1 && low >= 0.999;
    const bool missed = breach.at("low").get<double>() > 0.1 || high < 0.999;
    const Verdict expected = missed ? Verdict::fails : met ? Verdict::meets : Verdict::uncertain;
    CHECK(c.verdict == expected);
    meets += c.verdict == Verdict::meets;
    fails += c.verdict == Verdict::fails;
  }
  CHECK(meets > 0);  // the comparison covered both outcomes
  CHECK(fails > 0);
}

// With the same seeds a larger pool never breaches more: run by run, not just on average.
TEST_CASE("plan: a larger pool never has a higher breach probability on the same seeds") {
  PlanOptions o = plan_3az_options("7d", 40);
  o.early_stop = false;
  const PlanResult p = plan(o);
  std::vector<std::vector<bool>> breached;  // BYOIP /24 .. /30, per replication
  for (int n = 24; n <= 30; ++n) {
    const CandidateResult& c = candidate(p, "BYOIP /" + std::to_string(n));
    REQUIRE(c.replications == 40);
    std::vector<Override> sets = o.overrides;
    sets.insert(sets.end(), c.overrides.begin(), c.overrides.end());
    const Scenario s = load_scenario(o.scenario_path, sets);
    ReplicationOptions r;
    r.replications = 40;
    std::vector<bool> runs;
    for (const Report& report : simulate_replications(s, r))
      runs.push_back(report.load_balancers[0].allowlist->breach_episodes > 0);
    breached.push_back(runs);
    if (n > 24)
      CHECK(c.breach_probability.estimate >=
            candidate(p, "BYOIP /" + std::to_string(n - 1)).breach_probability.estimate);
  }
  for (std::size_t k = 1; k < breached.size(); ++k)
    for (std::size_t i = 0; i < 40; ++i) CHECK((breached[k - 1][i] <= breached[k][i]));
  CHECK(candidate(p, "Amazon /30 x1").breach_probability.estimate >=
        candidate(p, "Amazon /29 x1").breach_probability.estimate);
  CHECK(candidate(p, "Amazon /29 x1").breach_probability.estimate >=
        candidate(p, "Amazon /29 x2").breach_probability.estimate);
}

TEST_CASE("plan: plan.json is the same whatever the thread count, and stops early") {
  PlanOptions o = plan_3az_options("3d", 100);
  o.threads = 1;
  const std::string one = plan_to_json(plan(o));
  o.threads = 2;
  const PlanResult p = plan(o);
  CHECK(plan_to_json(p) == one);
  // A /30 (4 addresses) for 12 nodes breaches at once: the first look (25 runs) decides it.
  const CandidateResult& tiny = candidate(p, "BYOIP /30");
  CHECK(tiny.verdict == Verdict::fails);
  CHECK(tiny.stopped_early);
  CHECK(tiny.replications == 25);
}

TEST_CASE("plan: --fast judges by the Markov screen alone") {
  PlanOptions o;
  o.scenario_path = source_path("scenarios/plan-3az.json");
  o.pool = "edge";
  o.fast = true;
  const PlanResult p = plan(o);
  for (const CandidateResult& c : p.candidates) {
    INFO(c.name);
    REQUIRE(c.screen);
    CHECK(c.replications == 0);
    CHECK(c.breach_probability.estimate == c.screen->breach_probability);
  }
  // 12 nodes, 18 in a surge (x1.6: 6 per AZ): a /28 (16) overflows in every surge.
  CHECK(candidate(p, "BYOIP /28").verdict == Verdict::fails);
  CHECK(candidate(p, "BYOIP /26").verdict == Verdict::meets);
  // The /24 it is carved from, to buy: 256 x $30 over 60 months, $128 a month.
  CHECK(candidate(p, "BYOIP /26").cost.byoip_ownership == Approx(256 * 30 / 60.0));
}

TEST_CASE("plan: a load balancer without a pool gets a new one; its managed-only is as is") {
  nlohmann::json doc = nlohmann::json::parse(read_text(source_path("tests/plan/two_nodes.json")));
  const fs::path dir = fresh_dir("nopool");
  fs::create_directories(dir);
  doc["load_balancers"][0]["pool"] = nullptr;
  doc["load_balancers"][0]["allowlist"] = {"192.0.2.0/24"};
  std::ofstream(dir / "s.json") << doc.dump();
  PlanOptions o;
  o.scenario_path = (dir / "s.json").string();
  o.lb = "web";
  o.netmask_min = o.netmask_max = 30;
  const PlanResult p = plan(o);
  CHECK(p.pool == "web-planned");
  const CandidateResult& byoip = candidate(p, "BYOIP /30");
  CHECK(byoip.verdict == Verdict::meets);
  // Placeholder space clear of the scenario's CIDRs (203.0.113.0/24 is taken): 192.0.2.0/24
  // is in the allowlist, so 198.51.100.0/24.
  CHECK(byoip.cidrs == std::vector<Cidr>{*parse_cidr("198.51.100.0/30").cidr});
  CHECK(candidate(p, "managed-only").overrides.empty());
  // The explicit allowlist keeps its entry and gains the candidate's CIDRs.
  bool allowlist_set = false;
  for (const Override& s : byoip.overrides)
    if (s.pointer == "/load_balancers/0/allowlist") {
      allowlist_set = true;
      CHECK(s.value == R"(["192.0.2.0/24","198.51.100.0/30"])");
    }
  CHECK(allowlist_set);
}

TEST_CASE("plan: a candidate that cannot be placed is reported, not run") {
  nlohmann::json doc = nlohmann::json::parse(read_text(source_path("tests/plan/two_nodes.json")));
  doc["pools"].push_back({{"id", "other"}, {"parent", "corp"}, {"cidrs", {"203.0.113.128/25"}}});
  const fs::path dir = fresh_dir("place");
  fs::create_directories(dir);
  std::ofstream(dir / "s.json") << doc.dump();
  PlanOptions o;
  o.scenario_path = (dir / "s.json").string();
  o.pool = "edge";
  o.netmask_min = 24;
  o.netmask_max = 26;
  const PlanResult p = plan(o);
  CHECK(candidate(p, "BYOIP /24").verdict == Verdict::not_possible);
  CHECK(candidate(p, "BYOIP /25").cidrs == std::vector<Cidr>{*parse_cidr("203.0.113.0/25").cidr});
  CHECK(candidate(p, "BYOIP /26").verdict == Verdict::meets);
}

TEST_CASE("plan: bad options get exit code 2, one line and no output") {
  const std::string s = source_path("tests/plan/two_nodes.json");
  const std::string p3 = source_path("scenarios/plan-3az.json");
  const std::string quickstart = source_path("scenarios/quickstart.json");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"plan", s, "--pool", "edge", "--netmasks", "33"}, "--netmasks: /33 to /33"},
      {{"plan", s, "--pool", "edge", "--netmasks", "30-24"}, "not a range of IPv4 netmasks"},
      {{"plan", s, "--pool", "edge", "--netmasks", "big"}, "is not a netmask range"},
      {{"plan", s, "--pool", "nope"},
       "--pool: nope: no such id; the scenario's pools are corp, edge"},
      {{"plan", s, "--lb", "nope"},
       "--lb: nope: no such id; the scenario's load balancers are web"},
      {{"plan", s}, "give exactly one of --pool ID or --lb ID"},
      {{"plan", s, "--pool", "edge", "--lb", "web"}, "excludes"},
      {{"plan", s, "--pool", "corp"}, "no load balancer draws from this pool"},
      {{"plan", s, "--pool", "edge", "--max-breach-probability", "1.5"},
       "--max-breach-probability: must be a probability in [0, 1)"},
      {{"plan", s, "--pool", "edge", "--min-in-allowlist", "-1"}, "must be a ratio in [0, 1]"},
      {{"plan", s, "--pool", "edge", "--max-breach-minutes-per-month", "-5"},
       "must be a number of minutes >= 0"},
      {{"plan", s, "--pool", "edge", "--replications", "0"},
       "--replications: must be from 1 to 1000000 (found \"0\")"},
      {{"plan", quickstart, "--pool", "use1", "--fast"},
       "--fast: the Markov screen does not apply: demand is not constant"},
      {{"plan", p3, "--pool", "edge", "--set",
        "/events=[{\"at\":\"1d\",\"type\":\"add_cidr\","
        "\"pool\":\"edge\",\"cidr\":\"203.0.113.16/28\"}]"},
       "/events/0: this event changes the planned pool edge"},
  };
  for (const auto& [args, expected] : cases) {
    const fs::path dir = fresh_dir("bad");
    std::vector<std::string> with_out = args;
    with_out.insert(with_out.end(), {"--out", dir.string()});
    const auto r = run_albsim(with_out);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(dir / "plan.json"));
  }
}

}  // namespace
}  // namespace albsim::test

namespace albsim::test {
namespace {

// 0 breaches in n runs: Wilson upper end 1.96^2 / (n + 1.96^2) <= 0.01 from n = 3.8415 x 99
// = 380.3, so 381.
TEST_CASE("plan: says how many replications the breach target needs") {
  PlanOptions o = plan_3az_options("1d", 200);
  const PlanResult p = plan(o);
  const auto says = [&](const std::string& text) {
    return std::any_of(p.notes.begin(), p.notes.end(),
                       [&](const std::string& n) { return n.find(text) != std::string::npos; });
  };
  CHECK(says("with 200 replications no candidate can show P(breach) <= 0.01"));
  CHECK(says("use --replications 381 or more"));
  o.replications = 381;
  o.targets.max_breach_probability = 0.01;
  const PlanResult enough = plan(o);
  CHECK(std::none_of(enough.notes.begin(), enough.notes.end(), [](const std::string& n) {
    return n.find("--replications") != std::string::npos;
  }));
}

}  // namespace
}  // namespace albsim::test

namespace albsim::test {

TEST_CASE("plan: plan.json carries the scenario's inputs and warnings, stderr their lines") {
  // 80 LCU over 2 AZs of at most 1 node of 25 LCU: 50 LCU of capacity, all 730 h above it.
  const fs::path dir = fresh_dir("plan-warnings");
  const auto r =
      run_albsim({"plan", source_path("tests/plan/two_nodes.json"), "--pool", "edge", "--netmasks",
                  "29", "--set", "/load_balancers/0/demand/constant=80", "--set",
                  "/load_balancers/0/max_nodes_per_az=1", "--out", dir.string(), "--quiet"});
  REQUIRE(r.code == 0);
  const std::string expected =
      "/load_balancers/0/max_nodes_per_az: demand reaches 80 LCU, above the 50 LCU that "
      "max_nodes_per_az 1 x 2 AZs x node_capacity_lcu 25 can serve, for 30d10h in all (first at "
      "t=0s)";
  CHECK(r.err.find("warning: " + expected) != std::string::npos);
  const auto plan = nlohmann::json::parse(read_text(dir / "plan.json"));
  REQUIRE(plan["warnings"].size() == 1);
  CHECK(plan["warnings"][0].get<std::string>().rfind(expected, 0) == 0);
  CHECK(plan["inputs"] == nlohmann::json::array());
}

}  // namespace albsim::test
