#include "demand/random_events.hpp"

#include <algorithm>
#include <cmath>

#include "core/draw_duration.hpp"

namespace albsim {

RandomEvents::RandomEvents(const Scenario& scenario, std::uint64_t replication,
                           Scheduler<RandomEvent>& scheduler, OccurrenceListener& listener)
    : scenario_(scenario), scheduler_(scheduler), listener_(listener) {
  for (std::size_t i = 0; i < scenario.random_events.size(); ++i) {
    const RandomEventSpec& e = scenario.random_events[i];
    Process process{RandomStream(scenario.seed, replication, "random_events/" + std::to_string(i)),
                    {}};
    for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb) {
      if (e.lb && *e.lb != lb) continue;
      for (const std::string& az : scenario.load_balancers[lb].azs)
        if (std::find(process.azs.begin(), process.azs.end(), az) == process.azs.end())
          process.azs.push_back(az);
    }
    processes_.push_back(std::move(process));
  }
}

void RandomEvents::start() {
  for (std::size_t i = 0; i < processes_.size(); ++i) schedule_next_arrival(i);
}

void RandomEvents::handle(const RandomEvent& event) {
  if (const auto* arrival = std::get_if<RandomArrival>(&event)) {
    arrive(arrival->process);
    return;
  }
  const std::uint32_t slot = std::get<RandomOccurrenceEnd>(event).occurrence;
  const EventSpec occurrence = occurrences_[slot];
  free_occurrences_.push_back(slot);
  listener_.occurrence_ended(occurrence);
}

void RandomEvents::schedule_next_arrival(std::size_t process) {
  const SimTime now = scheduler_.now();
  const double gap_ms =
      processes_[process].draws.exponential(scenario_.random_events[process].mean_interarrival_ms);
  if (gap_ms >= static_cast<double>((scenario_.horizon - now).ms())) return;
  scheduler_.schedule(now + SimTime::from_ms(std::llround(gap_ms)),
                      RandomArrival{static_cast<std::uint32_t>(process)});
}

void RandomEvents::arrive(std::size_t process) {
  const RandomEventSpec& spec = scenario_.random_events[process];
  Process& p = processes_[process];
  // The AZ is drawn for surges too, then the duration: the stream's order, whatever the kind.
  const std::string az = spec.az.empty() ? p.azs[p.draws.below(p.azs.size())] : spec.az;
  const SimTime duration = draw_duration(spec.duration, p.draws);
  EventSpec occurrence;
  occurrence.at = scheduler_.now();
  if (spec.type == RandomEventSpec::Kind::surge)
    occurrence.kind = SurgeEvent{spec.lb, duration, spec.multiplier};
  else
    occurrence.kind = AzOutageEvent{spec.lb, duration, az};
  std::uint32_t slot = 0;
  if (free_occurrences_.empty()) {
    slot = static_cast<std::uint32_t>(occurrences_.size());
    occurrences_.push_back(occurrence);
  } else {
    slot = free_occurrences_.back();
    free_occurrences_.pop_back();
    occurrences_[slot] = occurrence;
  }
  listener_.occurrence_started(occurrence);
  scheduler_.schedule(occurrence.at + duration, RandomOccurrenceEnd{slot});
  schedule_next_arrival(process);
}

}  // namespace albsim
