// albsim calibrate: a simulated load balancer with known parameters is observed, and the fit
// from a scenario that starts from AWS's defaults and sees other demand noise must hold every
// true value within its reported interval.
#include <catch2/catch.hpp>

#include "calibrate/calibration.hpp"
#include "support.hpp"

using namespace albsim;
using Json = nlohmann::json;

namespace {

struct Truth {
  double capacity;
  int launch_s, cooldown_s;
  const char* replacement_kind;
  int replacement_h;
};

Json scenario_with(const Truth& t, std::uint64_t seed, bool true_parameters) {
  Json lb = {{"id", "web"},
             {"azs", {"us-east-1a", "us-east-1b"}},
             {"drain_time", "5m"},
             {"demand",
              {{"diurnal", {{"base", 60}, {"amplitude", 0.7}, {"peak_hour", 14}}},
               {"noise", {{"sigma", 0.1}}}}}};
  if (true_parameters) {
    lb["node_capacity_lcu"] = t.capacity;
    lb["launch_delay"] = std::to_string(t.launch_s) + "s";
    lb["scale_in_cooldown"] = std::to_string(t.cooldown_s) + "s";
    lb["replacement"] = {{t.replacement_kind, std::to_string(t.replacement_h) + "h"}};
  } else {
    lb["replacement"] = {{t.replacement_kind, "30d"}};
  }
  return {{"start", "2025-03-03T00:00:00Z"}, {"horizon", "7d"}, {"seed", seed}, {"pools", Json::array()},
          {"load_balancers", {lb}}};
}

NodeSeries nodes_of(const Scenario& scenario, SimTime step) {
  NodeSeriesCollector collector(0, true);
  SimulationOptions options;
  options.timeseries_step = step;
  options.timeseries = &collector;
  simulate(scenario, options);
  return collector.take();
}

}  // namespace

TEST_CASE("calibrate recovers three parameter sets within their intervals") {
  const SimTime step = SimTime::from_seconds(60);
  for (const Truth& t : {Truth{8, 120, 600, "every", 24}, Truth{15, 60, 1200, "every", 72},
                         Truth{5, 180, 300, "mean", 12}}) {
    INFO("capacity " << t.capacity << ", launch " << t.launch_s << " s, cooldown "
                     << t.cooldown_s << " s, replacement " << t.replacement_kind << " "
                     << t.replacement_h << " h");
    const NodeSeries observed = nodes_of(test::scenario_from(scenario_with(t, 1, true)), step);
    const Scenario model = test::scenario_from(scenario_with(t, 2, false));
    const Calibration c = calibrate(model, 0, observed, true, step);
    const double truth[] = {t.capacity, static_cast<double>(t.launch_s),
                            static_cast<double>(t.cooldown_s), t.replacement_h * 3600.0};
    for (std::size_t i = 0; i < 4; ++i) {
      const FittedValue& v = c.values[i];
      INFO(v.name << " = " << v.value << " in [" << v.low << ", " << v.high << "], true "
                  << truth[i] << "; rms " << c.fit.rms_per_az[0] << ", " << c.fit.simulations);
      CHECK(v.low <= truth[i]);
      CHECK(truth[i] <= v.high);
    }
  }
}

TEST_CASE("calibrate debug", "[.debug]") {
  const SimTime step = SimTime::from_seconds(60);
  const Truth t{8, 120, 600, "every", 24};
  const NodeSeries observed = nodes_of(test::scenario_from(scenario_with(t, 1, true)), step);
  const Scenario model = test::scenario_from(scenario_with(t, 2, false));
  ModelParameters p{8, SimTime::from_seconds(120), SimTime::from_seconds(600),
                    ReplacementSpec{ReplacementSpec::Kind::every, SimTime::from_seconds(86400)}};
  const NodeSeries truth = nodes_of(with_parameters(model, 0, p), step);
  double sse = 0;
  for (std::size_t i = 0; i < truth.rows.size(); ++i)
    for (std::size_t az = 0; az < 2; ++az) {
      const double d = double(truth.rows[i][az]) - double(observed.rows[i][az]);
      sse += d * d;
    }
  const Calibration c = calibrate(model, 0, observed, true, step);
  WARN("sse at truth " << sse << " rises " << truth.increases() << " observed rises "
                       << observed.increases() << "; fit sse " << c.fit.sse << " rises "
                       << c.fit.simulated_rises << " cap " << c.fitted.node_capacity_lcu
                       << " cooldown " << c.fitted.scale_in_cooldown.seconds() << " launch "
                       << c.fitted.launch_delay.seconds() << " repl "
                       << c.fitted.replacement.age.seconds());
}
