// Loading a scenario: JSON text, `--set` overrides, validation and resolution into a Scenario.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

// One `--set /json/pointer=value` override, applied to the document before validation. Held to
// what a scenario file may hold: at most kMaxOverrides of them, each pointer at most 64 tokens
// deep, pointer and value each at most kMaxOverrideBytes (InputError naming --set otherwise).
struct Override {
  std::string pointer;
  std::string value;  // JSON text; taken as a JSON string when it does not parse
};
inline constexpr std::size_t kMaxOverrides = 1000;
inline constexpr std::size_t kMaxOverrideBytes = 64 * 1024;

// Whether replications can differ in more than which AWS-managed fallback addresses are drawn:
// random launch delays, exponential replacement, demand noise, random events or random
// allocation. Without any, every replication gives the same figures.
bool has_random_timing(const Scenario& scenario);

// How to make a scenario without random elements a sample, in words: a trace's "bootstrap" or
// random "align" when it replays one, else random events, noise or random delays.
std::string how_to_sample(const Scenario& scenario);

// Reads, overrides, validates and resolves a scenario file. Throws InputError (one line naming
// the file, the JSON pointer and the fix) on any fault.
Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {});

// The same from JSON text already in memory; `file` names it in messages and resolves nothing.
Scenario load_scenario_text(const std::string& text, const std::string& file,
                            const std::vector<Override>& overrides = {});

}  // namespace albsim
