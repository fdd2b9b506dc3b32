#include <catch2/catch.hpp>

#include "core/calendar.hpp"
#include "core/step_integral.hpp"
#include "demand/active_surges.hpp"
#include "demand/demand_profile.hpp"

using namespace albsim;

namespace {
SimTime hours(double h) {
  return SimTime::from_ms(static_cast<std::int64_t>(h * 3'600'000));
}
}  // namespace

TEST_CASE("surges in force multiply in the order they started; an end removes the earliest") {
  // Floating-point products depend on order: ((1 x 3) x 7) x 0.1 is 2.1, but ((1 x 3) x 0.1) x 7
  // is 2.1000000000000005 (both rounded at every step, by IEEE 754 doubles).
  ActiveSurges surges;
  CHECK(surges.product() == 1.0);
  surges.start(3);
  surges.start(0.1);
  surges.start(7);
  CHECK(surges.product() == 2.1000000000000005);  // 3, 0.1, 7
  surges.start(0.1);
  surges.end(0.1);  // the first 0.1 ends: 3, 7, 0.1 remain
  CHECK(surges.product() == 2.1);
  surges.end(3);
  surges.end(7);
  surges.end(0.1);
  CHECK(surges.product() == 1.0);
  // Ended slots are dropped as they pile up; the order of those left stays.
  for (int i = 0; i < 100; ++i) surges.start(1.5);
  surges.start(0.1);
  for (int i = 0; i < 100; ++i) surges.end(1.5);
  surges.start(3);
  surges.start(7);
  CHECK(surges.product() == 2.1000000000000005);  // 0.1, 3, 7
  CHECK_THROWS_AS(surges.end(1.5), std::logic_error);
}

TEST_CASE("steps hold each value from its time on, 0 before the first") {
  DemandSpec spec;
  spec.kind = DemandSpec::Kind::steps;
  spec.steps = {{hours(1), 60}, {hours(2), 300}};
  const DemandProfile p(spec, kDefaultStartEpochMs, SimTime::from_seconds(60));
  CHECK(p.at(SimTime()) == 0);
  CHECK(p.at(hours(1)) == 60);
  CHECK(p.at(hours(1.99)) == 60);
  CHECK(p.at(hours(2)) == 300);
  CHECK(p.at(hours(100)) == 300);
}

TEST_CASE("diurnal peaks at peak_hour UTC and applies the weekend factor") {
  DemandSpec spec;
  spec.kind = DemandSpec::Kind::diurnal;
  spec.diurnal = {100, 0.5, 19, 0.5};
  const auto start = *parse_iso8601("2026-11-23T00:00:00Z");  // a Monday
  for (const SimTime step :
       {SimTime::from_seconds(60), SimTime::from_seconds(7)}) {  // table, formula
    const DemandProfile p(spec, start, step);
    CHECK(p.at(hours(19)) == Approx(150));
    CHECK(p.at(hours(7)) == Approx(50));
    CHECK(p.at(hours(13)) == Approx(100));
    CHECK(p.at(hours(24 * 5 + 19)) == Approx(75));   // Saturday
    CHECK(p.at(hours(24 * 7 + 19)) == Approx(150));  // Monday again
  }
  const DemandProfile no_start(spec, kDefaultStartEpochMs, SimTime::from_seconds(60));
  CHECK(no_start.at(hours(19)) == Approx(150));  // t=0 is a Monday 00:00 UTC
}

TEST_CASE("growth multiplies by (1+g)^(t/30d)") {
  DemandSpec spec;
  spec.constant = 100;
  spec.growth_per_30d = 0.1;
  const DemandProfile p(spec, kDefaultStartEpochMs, SimTime::from_seconds(60));
  CHECK(p.at(SimTime()) == Approx(100));
  CHECK(p.at(SimTime::days(30)) == Approx(110));
  CHECK(p.at(SimTime::days(60)) == Approx(121));
  CHECK(p.at(SimTime::days(15)) == Approx(100 * std::sqrt(1.1)));
}

TEST_CASE("step integrals weigh only settled values") {
  StepIntegral x;
  x.set(SimTime::from_ms(0), 2);
  x.set(SimTime::from_ms(10), 5);
  x.set(SimTime::from_ms(10), 3);  // two changes at one instant: 5 lasted no time
  CHECK(x.integral(SimTime::from_ms(20)) == 2 * 10 + 3 * 10);
}

TEST_CASE("episodes are maximal intervals, cut at the horizon") {
  EpisodeTracker e;
  e.settle(SimTime::from_ms(0), false);
  e.settle(SimTime::from_ms(5), true);
  e.settle(SimTime::from_ms(7), true);
  e.settle(SimTime::from_ms(9), false);
  e.settle(SimTime::from_ms(20), true);
  e.finish(SimTime::from_ms(50));
  CHECK(e.episodes() == 2);
  CHECK(e.total().ms() == 4 + 30);
  CHECK(e.longest().ms() == 30);
  CHECK(e.first_start()->ms() == 5);
}
