#include "observe/dns_log.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "albsim/sim_time.hpp"
#include "core/calendar.hpp"
#include "io/read_file.hpp"

namespace albsim {
namespace {

std::vector<std::string_view> tokens_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// The answers of the log; `failed` counts lookups that got no answer (dig prints ";; ..." then,
// as in ";; connection timed out; no servers could be reached"), which are skipped: a failed
// lookup says nothing of which nodes are in DNS.
std::vector<DnsAnswer> read_answers(const std::string& file, std::size_t& failed) {
  std::string text;
  try {
    text = read_file(file, "DNS log");
  } catch (const ReadError& e) {
    throw InputError(file, "", e.what());
  }
  std::vector<DnsAnswer> answers;
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_number;
    std::vector<std::string_view> tokens = tokens_of(line);
    if (tokens.empty() || tokens.front().front() == '#') continue;
    const std::string where = "line " + std::to_string(line_number);
    auto time = parse_iso8601(tokens.front());
    if (!time && tokens.size() > 1) {  // `date --rfc-3339=seconds`: a space for the T
      const std::string_view both(tokens[0].data(),
                                  static_cast<std::size_t>(tokens[1].end() - tokens[0].begin()));
      if ((time = parse_iso8601(both))) {
        tokens.erase(tokens.begin());
        tokens.front() = both;
      }
    }
    if (!time)
      throw InputError(file, where,
                       "\"" + std::string(tokens.front()) +
                           "\" is not a time like 2025-03-01T12:00:05Z (each line is "
                           "<time> <ip> <ip> ...)");
    if (!answers.empty() && *time <= answers.back().time_ms)
      throw InputError(file, where,
                       "time " + std::string(tokens.front()) + " is not after line " +
                           std::to_string(answers.back().line) + "'s; lines must ascend");
    if (std::any_of(tokens.begin() + 1, tokens.end(),
                    [](std::string_view t) { return t.front() == ';'; })) {
      ++failed;
      continue;
    }
    DnsAnswer answer{*time, line_number, {}};
    for (std::size_t k = 1; k < tokens.size(); ++k) {
      if (tokens[k].back() == '.') continue;  // a CNAME that dig +short prints first
      const auto address = Ipv4::parse(tokens[k]);
      if (!address)
        throw InputError(file, where, "\"" + std::string(tokens[k]) + "\" is not an IPv4 address");
      answer.addresses.push_back(address->value);
    }
    std::sort(answer.addresses.begin(), answer.addresses.end());
    answer.addresses.erase(std::unique(answer.addresses.begin(), answer.addresses.end()),
                           answer.addresses.end());
    answers.push_back(std::move(answer));
  }
  return answers;
}

}  // namespace

std::vector<ObservedHolding> holdings_from_answers(const std::vector<DnsAnswer>& answers,
                                                   std::size_t lb, std::int64_t gap_ms,
                                                   std::int64_t end_ms, const std::string& file) {
  struct Run {
    std::int64_t from = 0;
    std::int64_t last_seen = 0;
    std::optional<std::int64_t> next_after_last;  // the first answer after the last sighting
    std::size_t line = 0;
  };
  std::vector<ObservedHolding> holdings;
  std::map<std::uint32_t, Run> open;
  const auto close = [&](std::uint32_t address, const Run& run, std::int64_t to) {
    holdings.push_back({lb, std::nullopt, address, run.from, to,
                        file + ": line " + std::to_string(run.line), std::nullopt});
  };
  for (const DnsAnswer& answer : answers) {
    for (auto it = open.begin(); it != open.end();) {
      Run& run = it->second;
      const bool listed =
          std::binary_search(answer.addresses.begin(), answer.addresses.end(), it->first);
      if (!listed && !run.next_after_last) run.next_after_last = answer.time_ms;
      if (!listed && answer.time_ms - run.last_seen > gap_ms) {
        close(it->first, run, *run.next_after_last);
        it = open.erase(it);
      } else {
        ++it;
      }
    }
    for (const std::uint32_t address : answer.addresses) {
      auto [it, inserted] = open.try_emplace(address);
      if (inserted) it->second = {answer.time_ms, answer.time_ms, std::nullopt, answer.line};
      it->second.last_seen = answer.time_ms;
      it->second.next_after_last.reset();
    }
  }
  for (const auto& [address, run] : open) close(address, run, end_ms);
  return holdings;
}

Observation read_dns_log(const std::string& file, const ObservedLbResolver& lbs,
                         std::int64_t gap_ms) {
  std::size_t failed = 0;
  const std::vector<DnsAnswer> answers = read_answers(file, failed);
  const auto first = std::find_if(answers.begin(), answers.end(),
                                  [](const DnsAnswer& a) { return !a.addresses.empty(); });
  if (first == answers.end())
    throw InputError(file, "", "no line lists an address (each line is <time> <ip> <ip> ...)");
  const std::size_t lb =
      lbs.for_address(first->addresses.front(), file, "line " + std::to_string(first->line));

  Observation observation;
  observation.kind = "dns-log";
  observation.shows_dns = true;
  observation.files = {file};
  observation.records = answers.size() + failed;
  observation.ignored = failed;
  for (const DnsAnswer& a : answers) observation.sampling.times_ms.push_back(a.time_ms);
  observation.sampling_ms = median_gap_ms(observation.sampling.times_ms);
  const std::int64_t gap = gap_ms > 0 ? gap_ms : 5 * observation.sampling_ms;
  observation.sampling.dns_gap_ms = gap;
  observation.sampling.covered = {
      answers.front().time_ms, covered_end(observation.sampling.times_ms, observation.sampling_ms)};
  observation.holdings =
      holdings_from_answers(answers, lb, gap, observation.sampling.covered.to_ms, file);
  check_holdings(observation.holdings);
  observation.hides = {
      "a DNS answer lists the nodes in DNS, at most 8 of them and possibly a subset: a node "
      "never returned is not seen, an absence shorter than " +
          format_duration(SimTime::from_ms(gap)) +
          " counts as still present, and launching and draining nodes (which hold addresses "
          "but are not in DNS) are not seen, so address-hours and peaks are lower bounds",
      "DNS does not say which AZ a node is in"};
  return observation;
}

}  // namespace albsim
