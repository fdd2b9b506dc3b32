#include "differential/random_scenario.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace albsim::test {
namespace {

using nlohmann::json;

const std::vector<std::string> kAzs = {"use1-az1", "use1-az2", "use1-az4"};

std::string seconds(long s) {
  return std::to_string(s) + "s";
}

// An instant in [0, horizon): mostly on a 30 s lattice, so that events meet each other and the
// grid points of every evaluation interval.
rc::Gen<long> instant(long horizon_s) {
  return rc::gen::oneOf(
      rc::gen::map(rc::gen::inRange(0L, (horizon_s + 29) / 30), [](long k) { return 30 * k; }),
      rc::gen::inRange(0L, horizon_s));
}

rc::Gen<json> demand(long horizon_s) {
  return rc::gen::exec([horizon_s] {
    json d;
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
        d["constant"] = *rc::gen::inRange(0, 150);
        break;
      case 1: {
        std::set<long> times;
        const int n = *rc::gen::inRange(1, 7);
        for (int i = 0; i < n; ++i) times.insert(*instant(horizon_s));
        json steps = json::array();
        for (const long t : times) steps.push_back({seconds(t), *rc::gen::inRange(0, 150)});
        d["steps"] = steps;
        break;
      }
      case 2:
        d["diurnal"] = {{"base", *rc::gen::inRange(1, 120)},
                        {"amplitude", *rc::gen::inRange(0, 11) / 10.0},
                        {"peak_hour", *rc::gen::inRange(0, 24)},
                        {"weekend_factor", *rc::gen::inRange(1, 11) / 10.0}};
        break;
      default:
        d["trace"] = {{"file", kTracePlaceholder},
                      {"time_unit", "s"},
                      {"value_column", "lcu"},
                      {"scale", *rc::gen::element(1.0, 0.5, 2.0)},
                      {"loop", *rc::gen::arbitrary<bool>()},
                      {"align", seconds(*rc::gen::inRange(0, 4) * 60)}};
        if (*rc::gen::arbitrary<bool>())
          d["trace"]["aggregate"] = *rc::gen::element<std::string>("mean", "max");
        break;
    }
    if (*rc::gen::inRange(0, 4) == 0) d["growth_per_30d"] = *rc::gen::inRange(1, 30) / 2.0;
    return d;
  });
}

rc::Gen<json> load_balancer(int index, long horizon_s) {
  return rc::gen::exec([index, horizon_s] {
    const int min_nodes = *rc::gen::inRange(1, 3);
    json lb = {
        {"id", "lb" + std::to_string(index)},
        {"azs", std::vector<std::string>(kAzs.begin(), kAzs.begin() + *rc::gen::inRange(2, 4))},
        {"demand", *demand(horizon_s)},
        {"node_capacity_lcu", *rc::gen::element(5, 10, 25, 7)},
        {"min_nodes_per_az", min_nodes},
        {"max_nodes_per_az", min_nodes + *rc::gen::inRange(0, 7)},
        {"launch_delay", *rc::gen::element<std::string>("2m", "0s", "30s", "90s", "150s", "5m")},
        {"drain_time", *rc::gen::element<std::string>("5m", "0s", "45s", "1m", "7m30s", "10m")},
        {"scale_in_cooldown",
         *rc::gen::element<std::string>("15m", "0s", "1m", "2m30s", "5m", "10m", "25m")},
        {"evaluation_interval", *rc::gen::element<std::string>("60s", "30s", "90s", "2m", "5m")},
        {"scale_in_victims", *rc::gen::element<std::string>("prefer_managed", "newest", "oldest")},
        {"reclaim", *rc::gen::element<std::string>("none", "replace")}};
    const int pool = *rc::gen::inRange(0, 5);
    if (pool < 4) lb["pool"] = std::vector<std::string>{"a", "b", "amz", "top"}[pool];
    if (*rc::gen::inRange(0, 3) == 0)
      lb["replacement"] = {{"every", seconds(*rc::gen::inRange(20, 240) * 60)}};
    if (*rc::gen::inRange(0, 4) == 0) lb["capacity_reservation_lcu"] = *rc::gen::inRange(0, 120);
    return lb;
  });
}

rc::Gen<json> event(int lbs, long horizon_s) {
  return rc::gen::exec([lbs, horizon_s] {
    json e = {{"at", seconds(*instant(horizon_s))}};
    const int type = *rc::gen::inRange(0, 6);
    const bool one_lb = *rc::gen::arbitrary<bool>();
    if (one_lb && type != 3) e["lb"] = "lb" + std::to_string(*rc::gen::inRange(0, lbs));
    const bool lasts = *rc::gen::inRange(0, 4) != 0;
    const long duration = *rc::gen::inRange(1L, horizon_s / 30 + 2) * 30;
    switch (type) {
      case 0:
        e["type"] = "surge";
        e["multiplier"] = *rc::gen::element(2.0, 0.5, 1.5, 3.0, 4.0);
        if (lasts) e["duration"] = seconds(duration);
        break;
      case 1:
        e["type"] = "az_outage";
        e["az"] = *rc::gen::element(kAzs[0], kAzs[1]);
        if (lasts) e["duration"] = seconds(duration);
        break;
      case 2:
        e["type"] = "maintenance";
        e["fraction"] = *rc::gen::inRange(1, 11) / 10.0;
        break;
      case 3: {
        e["type"] = "add_cidr";
        // Slots inside the BYOIP /24 that no pool starts with, and one new /24 for the parent.
        const int slot = *rc::gen::inRange(0, 5);
        e["pool"] = std::vector<std::string>{"a", "a", "b", "b", "top"}[slot];
        e["cidr"] =
            std::vector<std::string>{"203.0.113.64/29", "203.0.113.72/30", "203.0.113.192/29",
                                     "203.0.113.200/30", "100.64.0.0/24"}[slot];
        break;
      }
      case 4:
        e["type"] = "capacity_reservation";
        e["lcu"] = *rc::gen::inRange(0, 150);
        break;
      default: {
        e["type"] = "attach_pool";
        const int pool = *rc::gen::inRange(0, 4);
        e["pool"] = pool < 3 ? json(std::vector<std::string>{"a", "b", "amz"}[pool]) : json();
        break;
      }
    }
    return e;
  });
}

std::string trace_csv() {
  std::string csv = "t,lcu\n";
  const int rows = *rc::gen::inRange(1, 30);
  const long period = *rc::gen::element(60L, 30L, 45L, 120L, 300L);
  long t = *rc::gen::inRange(0, 3) * 60;
  for (int i = 0; i < rows; ++i) {
    csv += std::to_string(t) + "," + std::to_string(*rc::gen::inRange(0, 150)) + "\n";
    t += period * *rc::gen::inRange(1, 3);
  }
  return csv;
}

}  // namespace

rc::Gen<GeneratedScenario> random_scenario() {
  return rc::gen::exec([] {
    GeneratedScenario g;
    const long horizon_s = *rc::gen::inRange(10, 8 * 60) * 60;
    json& s = g.document;
    s = {{"name", "differential"}, {"region", "us-east-1"}, {"horizon", seconds(horizon_s)}};
    if (*rc::gen::arbitrary<bool>())  // any minute of a week in 2026, for the diurnal calendar
      s["start"] = "2026-11-" + std::to_string(16 + *rc::gen::inRange(0, 7)) + "T" +
                   std::to_string(10 + *rc::gen::inRange(0, 14)) + ":" +
                   std::to_string(10 + *rc::gen::inRange(0, 50)) + ":00Z";
    // A BYOIP /24 with two small children, and an Amazon block; each with its release delay.
    auto pool = [](json spec) {
      spec["locale"] = "us-east-1";
      spec["release_delay"] = *rc::gen::element<std::string>("0s", "0s", "90s", "5m");
      return spec;
    };
    s["pools"] = {
        pool({{"id", "top"}, {"source", "byoip"}, {"cidrs", {"203.0.113.0/24"}}}),
        pool({{"id", "a"},
              {"parent", "top"},
              {"cidrs", {"203.0.113.0/" + std::to_string(*rc::gen::inRange(27, 31))}}}),
        pool({{"id", "b"},
              {"parent", "top"},
              {"cidrs", {"203.0.113.128/" + std::to_string(*rc::gen::inRange(28, 31))}}}),
        pool({{"id", "amz"}, {"source", "amazon"}, {"netmask_length", *rc::gen::inRange(28, 31)}})};
    json reservations = json::array();
    for (int i = *rc::gen::inRange(0, 3); i > 0; --i) {
      json r = {{"pool", *rc::gen::element<std::string>("a", "b", "amz", "top")},
                {"count", *rc::gen::inRange(1, 4)}};
      const long from = *instant(horizon_s);
      if (from > 0) r["from"] = seconds(from);
      if (*rc::gen::arbitrary<bool>())
        r["to"] = seconds(from + *rc::gen::inRange(1L, horizon_s / 30 + 2) * 30);
      reservations.push_back(r);
    }
    s["reservations"] = reservations;
    const int lbs = *rc::gen::inRange(1, 4);
    for (int i = 0; i < lbs; ++i) s["load_balancers"].push_back(*load_balancer(i, horizon_s));
    json events = json::array();
    std::set<std::string> added;  // an add_cidr slot is taken once
    for (int i = *rc::gen::inRange(0, 7); i > 0; --i) {
      json e = *event(lbs, horizon_s);
      if (e["type"] == "add_cidr" && !added.insert(e["cidr"].get<std::string>()).second) continue;
      events.push_back(e);
    }
    s["events"] = events;
    if (*rc::gen::inRange(0, 4) == 0) s["pricing"] = {{"ipam_tier", "advanced"}};
    g.trace_csv = trace_csv();
    g.timeseries_step_s = *rc::gen::element(60L, 30L, 90L, 300L);
    g.demand_block_points = *rc::gen::element<std::size_t>(0, 1, 7, 60);
    g.discard_stale_events_at = *rc::gen::element<std::size_t>(4096, 0, 1, 16);
    return g;
  });
}

void showValue(const GeneratedScenario& scenario, std::ostream& out) {
  out << scenario.document.dump() << "\ntrace (" << kTracePlaceholder << "):\n"
      << scenario.trace_csv << "timeseries step: " << scenario.timeseries_step_s
      << " s, demand block points: " << scenario.demand_block_points
      << ", discard stale events at: " << scenario.discard_stale_events_at << "\n";
}

}  // namespace albsim::test
