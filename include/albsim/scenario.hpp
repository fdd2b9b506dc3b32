// Scenario: a validated, fully resolved scenario (MODEL.md §9). Every default is applied, every
// id is resolved to an index, synthetic Amazon blocks have concrete CIDRs and every load
// balancer's allowlist is explicit. The simulator trusts this structure and does not re-check it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "albsim/ipv4.hpp"
#include "albsim/sim_time.hpp"
#include "albsim/units.hpp"

namespace albsim {

enum class PoolSource { byoip, amazon };

// A duration that may be random: fixed, uniform in [low, high], or exponential with a mean.
struct DurationDistribution {
  enum class Kind { fixed, uniform, exponential };
  Kind kind = Kind::fixed;
  SimTime fixed;
  SimTime low, high;  // uniform
  SimTime mean;       // exponential
  // A bound used by validation: the fixed value, the uniform upper end, the exponential mean.
  static DurationDistribution fixed_at(SimTime t) {
    DurationDistribution d;
    d.fixed = t;
    return d;
  }
  SimTime typical_max() const {
    return kind == Kind::fixed ? fixed : kind == Kind::uniform ? high : mean;
  }
};

struct PoolSpec {
  std::string id;
  std::optional<std::size_t> parent;  // index into Scenario::pools
  PoolSource source = PoolSource::byoip;
  std::string locale;       // empty when not given
  std::vector<Cidr> cidrs;  // provisioned at t=0, ascending
  SimTime release_delay;
  bool random_allocation = false;  // a uniformly random free address instead of the lowest
};

struct DiurnalSpec {
  double base = 0;
  double amplitude = 0;
  double peak_hour = 0;
  double weekend_factor = 1;
};

// A loaded demand trace: samples in ascending time, values in LCU (scale applied). Times are
// milliseconds since the epoch (ISO-8601 timestamps) or since the trace's own zero (offsets).
// Sample i holds from times_ms[i] to the next sample; the last for one period.
struct TraceSeries {
  std::vector<std::int64_t> times_ms;
  std::vector<double> values;
  std::int64_t period_ms = 0;  // the sampling period (the smallest gap, or as given)
  bool epoch_times = false;    // ISO-8601 timestamps (else offsets)
  // What the file held, before any `aggregate`: rows (or request timestamps) and their period.
  std::size_t rows = 0;
  std::int64_t file_period_ms = 0;
  std::string metric;     // CloudWatch: the metric's Label (or Id)
  std::string statistic;  // CloudWatch: the statistic of the values (Sum, Average, ...)
  // CloudWatch: a Sum over periods of this many minutes, divided by it to read each period's mean
  // LCU (0: the values were read as they are).
  std::int64_t summed_minutes = 0;
  // Gaps: times between two samples longer than the period. Read by `gaps_zero` as no traffic (a
  // 0 sample one period after the sample before; CloudWatch always, since it lists no datapoint
  // for a period without data) or else by MODEL.md §5's rule, holding the sample before.
  std::int64_t gaps = 0;
  std::int64_t longest_gap_ms = 0;  // the time a gap leaves without a sample: next - last - period
  bool gaps_zero = false;
  std::int64_t missing_periods = 0;  // with gaps_zero: the whole periods read as 0
};

// How a trace sampled more finely than the evaluation interval is reduced (MODEL.md §5 reads
// the last sample; `mean` and `max` are albsim's, documented in scenarios/README.md).
enum class TraceAggregate { last, mean, max };

// A block bootstrap: the horizon is filled with whole blocks of the trace drawn with
// replacement; with `weekdays`, a weekday block from the trace's weekdays and a weekend block
// from its weekends (blocks are then UTC days).
struct TraceBootstrap {
  std::int64_t block_ms = 0;
  bool weekdays = false;
  std::vector<std::int64_t> weekday_blocks;  // start of each whole block of the trace, by class
  std::vector<std::int64_t> weekend_blocks;  // (every block is a weekday one without `weekdays`)
};

struct TraceSpec {
  std::shared_ptr<const TraceSeries> series;
  std::int64_t align_ms = 0;  // trace time that maps to t = 0
  bool loop = false;          // after the last sample (plus one period) start again
  // Monte Carlo forms, each drawn once per replication from its own stream: `align` uniform
  // over the trace's span in whole evaluation intervals (looping), or a block bootstrap.
  bool random_align = false;
  std::optional<TraceBootstrap> bootstrap;
  TraceAggregate aggregate = TraceAggregate::last;
  bool aggregate_given = false;
  bool gaps_given = false;  // "gaps" decided how gaps are read
  bool scale_given = false;
  std::string file;    // as written in the scenario
  std::string format;  // "csv", "events" or "cloudwatch"
  std::string to_lcu;  // how the file's values became LCU, in words
};

struct DemandSpec {
  enum class Kind { constant, steps, diurnal, trace };
  Kind kind = Kind::constant;
  double constant = 0;
  std::vector<std::pair<SimTime, double>> steps;  // ascending time
  DiurnalSpec diurnal;
  TraceSpec trace;
  double growth_per_30d = 0;
  double noise_sigma = 0;  // lognormal multiplier exp(sigma Z - sigma^2 / 2) per grid point
};

// When AWS replaces a node: never, at a fixed age, or at an exponentially distributed age.
struct ReplacementSpec {
  enum class Kind { none, every, mean };
  Kind kind = Kind::none;
  SimTime age;  // `every`, or the mean of `mean`
};

enum class VictimPolicy { prefer_managed, newest, oldest };
enum class ReclaimPolicy { none, replace };

struct LoadBalancerSpec {
  std::string id;
  std::optional<std::size_t> pool;
  std::vector<std::string> azs;
  DemandSpec demand;
  Lcu node_capacity_lcu{25};
  int min_nodes_per_az = 1;
  int max_nodes_per_az = 20;
  DurationDistribution launch_delay = DurationDistribution::fixed_at(SimTime::from_seconds(120));
  SimTime drain_time = SimTime::from_seconds(300);
  SimTime scale_in_cooldown = SimTime::from_seconds(900);
  SimTime evaluation_interval = SimTime::from_seconds(60);
  ReplacementSpec replacement;
  VictimPolicy scale_in_victims = VictimPolicy::prefer_managed;
  ReclaimPolicy reclaim = ReclaimPolicy::none;
  Lcu capacity_reservation_lcu{0};
  std::vector<Cidr> allowlist;  // resolved: explicit, or every CIDR of every pool it uses
  // An explicit allowlist, or a pool it draws from (even one with no CIDRs): only then has it
  // allowlist figures. One that draws from no pool has no allowlist to breach.
  bool has_allowlist = false;
};

struct ReservationSpec {
  std::size_t pool = 0;
  std::uint32_t count = 0;
  SimTime from;
  SimTime to;  // the horizon when not given
  std::string label;
};

// The kinds of scheduled event (MODEL.md §9, `events[]`), one struct each. `lb`: the load
// balancer it applies to, none for every one; `duration`: none to the horizon.
struct SurgeEvent {
  std::optional<std::size_t> lb;
  std::optional<SimTime> duration;
  double multiplier = 1;
};
struct AzOutageEvent {
  std::optional<std::size_t> lb;
  std::optional<SimTime> duration;
  std::string az;
};
struct MaintenanceEvent {
  std::optional<std::size_t> lb;
  double fraction = 1;
};
struct AddCidrEvent {
  std::size_t pool = 0;
  Cidr cidr;
};
struct CapacityReservationEvent {
  std::optional<std::size_t> lb;
  Lcu lcu{0};
};
struct AttachPoolEvent {
  std::optional<std::size_t> lb;
  std::optional<std::size_t> pool;  // none: detach
};

struct EventSpec {
  SimTime at;
  std::variant<SurgeEvent, AzOutageEvent, MaintenanceEvent, AddCidrEvent, CapacityReservationEvent,
               AttachPoolEvent>
      kind;

  // The event as `Kind`, or null when it is another kind.
  template <class Kind>
  const Kind* as() const {
    return std::get_if<Kind>(&kind);
  }
  // The load balancer it applies to; none: every one (add_cidr acts on a pool: none).
  std::optional<std::size_t> lb() const {
    return std::visit(
        [](const auto& e) -> std::optional<std::size_t> {
          if constexpr (requires { e.lb; })
            return e.lb;
          else
            return std::nullopt;
        },
        kind);
  }
  // How long it lasts (surges and outages); none: to the horizon, or it has no end.
  std::optional<SimTime> duration() const {
    return std::visit(
        [](const auto& e) -> std::optional<SimTime> {
          if constexpr (requires { e.duration; })
            return e.duration;
          else
            return std::nullopt;
        },
        kind);
  }
};

// A Poisson process of surge or AZ-outage events (MODEL.md §5, `random_events`).
struct RandomEventSpec {
  enum class Kind { surge, az_outage };
  Kind type = Kind::surge;
  std::optional<std::size_t> lb;    // none: every load balancer
  double mean_interarrival_ms = 0;  // 1 / rate
  double multiplier = 1;            // surge
  std::string az;                   // az_outage; empty: a uniformly chosen AZ
  DurationDistribution duration;    // fixed or exponential

  // Occurrences in force at once on average over a horizon: rate x min(typical duration,
  // horizon). The work limit and the demand bound both start from it.
  double mean_in_force(double horizon_ms) const {
    return std::min(static_cast<double>(duration.typical_max().ms()), horizon_ms) /
           mean_interarrival_ms;
  }
};

// AWS-managed fallback addresses drawn from real AWS prefixes (ip-ranges.json).
struct ManagedRangesSpec {
  std::string service = "EC2";
  std::vector<Cidr> prefixes;  // of the scenario region and that service, ascending
};

// The bounds of /pricing: wide of any real price (AWS charges $0.005 an IP-hour; addresses trade
// for tens of dollars), narrow enough that no cost of 2^32 addresses over 10 years overflows.
inline constexpr double kMaxPricePerAddressHour = 1000;  // USD
inline constexpr double kMaxPricePerAddress = 1e6;       // USD
inline constexpr double kMaxAmortizeMonths = 1200;       // 100 years; at least 1 month

struct Pricing {
  UsdPerAddressHour public_ipv4_per_ip_hour{0.005};
  UsdPerAddressHour amazon_block_per_ip_hour{0.008};
  bool ipam_advanced = false;
  UsdPerAddressHour ipam_advanced_per_ip_hour{0.00027};
  Usd byoip_price_per_address{0};  // the purchase of one address
  double byoip_amortize_months = 60;
  // The BYOIP blocks are already owned: ownership counts the BYOIP pools load balancers draw from
  // (their share), in run and plan alike, not every address of the top-level pools (the blocks
  // to buy, at least a /24 each).
  bool byoip_owned = false;
};

// How a load balancer's trace was read, as a run reports it (report.json `inputs`, one stderr
// line each): what the file held and what the simulation sees.
struct TraceInput {
  std::string lb;
  std::string file;                        // as written in the scenario
  std::string format;                      // csv, events, cloudwatch
  std::string metric;                      // CloudWatch: the metric's Label (or Id)
  std::string statistic;                   // CloudWatch: Sum, Average, ...
  std::string to_lcu;                      // how its values became LCU, in words
  std::size_t rows = 0;                    // samples, or request timestamps, in the file
  std::int64_t first_ms = 0, last_ms = 0;  // first and last sample (trace time)
  bool epoch_times = false;
  std::int64_t file_period_ms = 0;  // the file's sampling period (events: the bin)
  std::string aggregate;            // last, mean or max
  std::int64_t period_ms = 0;       // the period the simulation reads
  std::int64_t span_ms = 0;         // last - first + period: one pass of the trace
  double peak_lcu = 0;              // after conversion, scale and aggregate
  double mean_lcu = 0;              // time-weighted over the span
  std::int64_t gaps = 0;            // TraceSeries: gaps between samples, the longest, the rule
  std::int64_t longest_gap_ms = 0;
  std::string gap_rule;            // "hold" or "zero"
  std::string draw;                // fixed, random align, or bootstrap
  std::int64_t plays_from_ms = 0;  // a fixed draw: the trace time played at t = 0
  std::int64_t restarts = 0;       // times a looping trace starts again within the horizon
};

struct Scenario;

// The pools load balancer `lb` draws from during the run: its `pool`, and those `attach_pool`
// events give it (ascending, each once).
std::vector<std::size_t> pools_drawn_by(const Scenario& scenario, std::size_t lb);

// The bounds of /seed (integers a JSON double holds exactly) and /replications, which --seed
// and --replications share.
inline constexpr std::int64_t kMaxSeed = std::int64_t{1} << 53;
inline constexpr std::int64_t kMaxReplications = 1'000'000;
// The longest horizon, and the longest window any command observes, calibrates or draws: 10 years
// of 365.25 days.
inline constexpr std::int64_t kMaxHorizonMs = 87'660LL * 3'600'000;

struct Scenario {
  std::string file;  // where it was read from, for messages
  std::string name;
  std::string region = "us-east-1";
  std::optional<std::int64_t> start_epoch_ms;
  SimTime horizon;
  std::uint64_t seed = 0;
  int replications = 1;
  Pricing pricing;
  std::vector<PoolSpec> pools;
  std::vector<std::size_t> pools_top_down;  // every pool index, each after its parent
  std::vector<ReservationSpec> reservations;
  std::vector<LoadBalancerSpec> load_balancers;
  std::vector<EventSpec> events;
  std::vector<RandomEventSpec> random_events;
  std::optional<ManagedRangesSpec> managed_ranges;  // none: synthetic 240.0.0.0/4
  std::vector<std::string> warnings;                // one line each, file and pointer included
  std::vector<TraceInput> trace_inputs;             // one per load balancer replaying a trace
};

}  // namespace albsim
