#include "scenario/work_estimate.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

// Costs measured on a 2-core machine (Release):
// - a grid point about 25 ns (its demand, the demand integral, a look at the requirement; scaling
//   evaluations run only where something changes; 10 ns for a small fleet whose demand stays in
//   cache, 25 ns for org-3y's 1,000 load balancers), 150 ns with lognormal noise (a normal draw,
//   an exponential, and the scale-in and scale-out that noise causes);
// - an event (a node replacement and what follows it) about 100 ns;
// - a random event occurrence, at its start and again at its end, about 200 ns, 50 ns more for
//   each load balancer it reaches, and 7 ps more for each occurrence in force (the event queue
//   and the surges in force grow out of cache: 2e7 surges cost 0.45 us each with 100 in force,
//   1.24 us with 54,000);
// - a scheduled event, at its start and again at its end, 200 ns and 150 ns for each load
//   balancer it reaches (200,000 maintenance events on 100 load balancers: 5.9 s);
// - where surges end, the product of those still in force is taken again, in start order, once
//   per grid point at most: 2.5 ns for each surge in force (200,000 fleet-wide surges of a day on
//   100 load balancers, 6,700 in force on each: 103 s);
// - a reserved address drawn at random from a pool fragmented by millions of such draws about
//   6 us (2^24 of them from a /8 took 99 s).
constexpr double kMaxWorkSeconds = 60;
constexpr double kMaxReplicatedSeconds = 24 * 3600;  // all of one process's replications
constexpr double kSecondsPerRunAtLeast = 1e-4;
constexpr double kSecondsPerGridPoint = 25e-9;
constexpr double kSecondsPerNoisyGridPoint = 150e-9;
constexpr double kSecondsPerEvent = 100e-9;
constexpr double kSecondsPerOccurrenceChange = 200e-9;
constexpr double kSecondsPerOccurrenceTarget = 50e-9;
constexpr double kSecondsPerOccurrenceInForce = 7e-12;
constexpr double kSecondsPerScheduledTarget = 150e-9;
constexpr double kSecondsPerSurgeRefolded = 2.5e-9;
constexpr double kSecondsPerRandomReservedAddress = 6e-6;

// "4.2 s", "7.5 min", "3.1 h", "12 days": how long `seconds` is, roughly.
std::string rough_duration(double seconds) {
  char text[64];
  if (seconds < 1)
    std::snprintf(text, sizeof text, "%.2g s", seconds);
  else if (seconds < 120)
    std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 7200)
    std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else if (seconds < 172800)
    std::snprintf(text, sizeof text, "%.0f h", seconds / 3600);
  else if (seconds < 3.1536e8)
    std::snprintf(text, sizeof text, "%.0f days", seconds / 86400);
  else
    std::snprintf(text, sizeof text, "%.3g years", seconds / 3.1536e7);
  return text;
}

// A count that may be far beyond any integer type (a rate of 1e33 a day): exact while it fits,
// else "2.33e+35".
std::string rough_count(double n) {
  if (n < 1e15) return std::to_string(static_cast<long long>(n));
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", n);
  return text;
}

std::string lb_ptr(std::size_t i) {
  return "/load_balancers/" + std::to_string(i);
}

class WorkEstimate {
 public:
  explicit WorkEstimate(const Scenario& s) : s_(s), horizon_(static_cast<double>(s.horizon.ms())) {}

  // The estimate of one run, in seconds.
  double seconds() {
    for (std::size_t i = 0; i < s_.load_balancers.size(); ++i) load_balancer(i);
    random_events();
    scheduled_events();
    surge_products();
    reservations();
    return total_;
  }

  void check() {
    if (seconds() <= kMaxWorkSeconds) return;
    throw InputError(s_.file, largest_pointer_,
                     "the run would take about " + rough_duration(total_) + " (" +
                         rough_count(grid_points_) + " grid points, " + rough_count(events_) +
                         " events and reserved addresses); the limit is about 1 min per run. "
                         "The largest share is here: " +
                         fix_ + ", shorten the horizon or split the fleet");
  }

 private:
  void add(double seconds, const std::string& pointer, const std::string& fix) {
    total_ += seconds;
    if (seconds > largest_) {
      largest_ = seconds;
      largest_pointer_ = pointer;
      fix_ = fix;
    }
  }
  void add_events(double count, double seconds_each, const std::string& pointer,
                  const std::string& fix) {
    events_ += count;
    add(count * seconds_each, pointer, fix);
  }
  double targets(const std::optional<std::size_t>& lb) const {
    return lb ? 1.0 : static_cast<double>(s_.load_balancers.size());
  }
  double points(const LoadBalancerSpec& lb) const {
    return horizon_ / static_cast<double>(lb.evaluation_interval.ms());
  }

  // Replacements count the fewest nodes a load balancer can have, so the estimate is low.
  void load_balancer(std::size_t i) {
    const LoadBalancerSpec& lb = s_.load_balancers[i];
    grid_points_ += points(lb);
    add(points(lb) * (lb.demand.noise_sigma > 0 ? kSecondsPerNoisyGridPoint : kSecondsPerGridPoint),
        lb_ptr(i) + "/evaluation_interval", "use a longer evaluation_interval");
    if (lb.replacement.kind == ReplacementSpec::Kind::none) return;
    const double nodes = static_cast<double>(std::max(lb.min_nodes_per_az, 1) * lb.azs.size());
    add_events(nodes * horizon_ / static_cast<double>(lb.replacement.age.ms()), kSecondsPerEvent,
               lb_ptr(i) + "/replacement", "replace nodes less often");
  }

  void random_events() {
    double all_in_force = 0;  // every process's occurrences share the event queue
    for (const RandomEventSpec& e : s_.random_events) all_in_force += e.mean_in_force(horizon_);
    for (std::size_t i = 0; i < s_.random_events.size(); ++i) {
      const RandomEventSpec& e = s_.random_events[i];
      add_events(2 * horizon_ / e.mean_interarrival_ms,
                 kSecondsPerOccurrenceChange + targets(e.lb) * kSecondsPerOccurrenceTarget +
                     all_in_force * kSecondsPerOccurrenceInForce,
                 "/random_events/" + std::to_string(i), "lower the rate or shorten the duration");
    }
  }

  void scheduled_events() {
    double seconds = 0, count = 0;
    for (const EventSpec& e : s_.events) {
      count += 2;
      seconds += 2 * (kSecondsPerOccurrenceChange + targets(e.lb()) * kSecondsPerScheduledTarget);
    }
    events_ += count;
    add(seconds, "/events", "schedule fewer events (or name their lb)");
  }

  // Surges that end make the product of those in force be taken again at the next grid point:
  // at most once a point, over every surge in force on the load balancer.
  void surge_products() {
    const std::size_t n = s_.load_balancers.size();
    std::vector<double> in_force_on(n + 1), ends_on(n + 1);  // [n]: surges without lb
    for (const EventSpec& e : s_.events) {
      const SurgeEvent* surge = e.as<SurgeEvent>();
      if (!surge) continue;
      const double from = static_cast<double>(e.at.ms());
      const double until =
          surge->duration ? std::min(horizon_, static_cast<double>((e.at + *surge->duration).ms()))
                          : horizon_;
      in_force_on[surge->lb.value_or(n)] += (until - from) / horizon_;
      if (surge->duration) ends_on[surge->lb.value_or(n)] += 1;
    }
    for (const RandomEventSpec& e : s_.random_events) {
      if (e.type != RandomEventSpec::Kind::surge) continue;
      in_force_on[e.lb.value_or(n)] += e.mean_in_force(horizon_);
      ends_on[e.lb.value_or(n)] += horizon_ / e.mean_interarrival_ms;
    }
    for (std::size_t lb = 0; lb < n; ++lb)
      add(std::min(ends_on[lb] + ends_on[n], points(s_.load_balancers[lb])) *
              (in_force_on[lb] + in_force_on[n]) * kSecondsPerSurgeRefolded,
          lb_ptr(lb) + "/demand",
          "keep fewer surges in force at once (lower their rate or duration)");
  }

  void reservations() {
    for (std::size_t i = 0; i < s_.reservations.size(); ++i) {
      const ReservationSpec& r = s_.reservations[i];
      add_events(
          static_cast<double>(r.count),
          s_.pools[r.pool].random_allocation ? kSecondsPerRandomReservedAddress : kSecondsPerEvent,
          "/reservations/" + std::to_string(i) + "/count",
          "reserve fewer addresses (or use lowest-free allocation)");
    }
  }

  const Scenario& s_;
  const double horizon_;
  double total_ = 0, largest_ = 0, grid_points_ = 0, events_ = 0;
  std::string largest_pointer_, fix_;
};

}  // namespace

void check_work(const Scenario& scenario) {
  WorkEstimate(scenario).check();
}

void check_replicated_work(const Scenario& scenario, std::uint64_t replications,
                           std::uint64_t runs_each, unsigned workers, const std::string& option) {
  // A run's fixed costs (loading, the report) where the estimate of its simulation is tiny.
  const double each = std::max(WorkEstimate(scenario).seconds(), kSecondsPerRunAtLeast);
  const double runs = static_cast<double>(replications) * static_cast<double>(runs_each);
  const double threads = std::max(1U, workers);
  const double wall = each * runs / threads;
  if (wall <= kMaxReplicatedSeconds) return;
  const double fitting = kMaxReplicatedSeconds * threads / each / static_cast<double>(runs_each);
  std::string what = std::to_string(replications) + " replications";
  if (runs_each > 1) what += " of " + std::to_string(runs_each) + " candidates";
  throw InputError(
      option, "",
      what + " would take about " + rough_duration(wall) + " on " + std::to_string(workers) +
          (workers == 1 ? " thread" : " threads") + " (about " + rough_duration(each) +
          " a run); the limit is about " + rough_duration(kMaxReplicatedSeconds) +
          ": give --replications " +
          std::to_string(std::max<std::uint64_t>(1, static_cast<std::uint64_t>(fitting))) +
          " or fewer, or spread them with --shard K/N or mpirun");
}

}  // namespace albsim
