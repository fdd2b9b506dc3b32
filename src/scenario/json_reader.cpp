#include "scenario/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "albsim/input_error.hpp"

namespace albsim {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string pointer_append(const std::string& pointer, std::string_view token) {
  return (nlohmann::json::json_pointer(pointer) / std::string(token)).to_string();
}

namespace {

std::string type_name(const nlohmann::json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_null()) return "null";
  return "a number";
}

std::string quoted_list(std::initializer_list<std::string_view> items) {
  std::string out;
  for (const auto item : items) out += (out.empty() ? "\"" : ", \"") + std::string(item) + "\"";
  return out;
}

}  // namespace

void JsonReader::fail(const std::string& problem) const {
  throw InputError(*file_, pointer_.empty() ? "/" : pointer_, problem);
}

void JsonReader::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail("expected an object, found " + type_name(*value_));
  for (const auto& [key, unused] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string_view best;
    std::size_t best_distance = 3;  // suggest only close names
    for (const auto candidate : allowed) {
      const std::size_t d = edit_distance(key, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
    JsonReader member(value_->at(key), pointer_append(pointer_, key), *file_);
    member.fail(best.empty()
                    ? "unknown key \"" + key + "\"; known keys: " + quoted_list(allowed)
                    : "unknown key \"" + key + "\"; did you mean \"" + std::string(best) + "\"?");
  }
}

bool JsonReader::has(std::string_view key) const {
  return value_->is_object() && value_->contains(key);
}

JsonReader JsonReader::at(std::string_view key) const {
  if (!has(key)) fail("missing required key \"" + std::string(key) + "\"");
  return JsonReader(value_->at(std::string(key)), pointer_append(pointer_, key), *file_);
}

std::size_t JsonReader::array_size() const {
  if (!value_->is_array()) fail("expected an array, found " + type_name(*value_));
  return value_->size();
}

JsonReader JsonReader::element(std::size_t index) const {
  return JsonReader((*value_)[index], pointer_ + "/" + std::to_string(index), *file_);
}

double JsonReader::number() const {
  if (!value_->is_number()) fail("expected a number, found " + type_name(*value_));
  const double v = value_->get<double>();
  if (!std::isfinite(v)) fail("expected a finite number");
  return v;
}

double JsonReader::non_negative() const {
  const double v = number();
  if (v < 0) fail("must not be negative (found " + value_->dump() + ")");
  return v;
}

double JsonReader::positive() const {
  const double v = number();
  if (v <= 0) fail("must be greater than 0 (found " + value_->dump() + ")");
  return v;
}

double JsonReader::number_in(double min, double max) const {
  const double v = number();
  if (v < min || v > max) {
    char range[96];
    std::snprintf(range, sizeof range, "must be from %.10g to %.10g", min, max);
    fail(std::string(range) + " (found " + value_->dump() + ")");
  }
  return v;
}

std::int64_t JsonReader::integer(std::int64_t min, std::int64_t max) const {
  const double v = number();
  if (v != std::floor(v)) fail("expected a whole number, found " + value_->dump());
  if (v < static_cast<double>(min) || v > static_cast<double>(max))
    fail("must be between " + std::to_string(min) + " and " + std::to_string(max) + " (found " +
         value_->dump() + ")");
  return static_cast<std::int64_t>(v);
}

std::string JsonReader::string() const {
  if (!value_->is_string()) fail("expected a string, found " + type_name(*value_));
  return value_->get<std::string>();
}

std::string JsonReader::identifier() const {
  std::string s = string();
  if (s.empty()) fail("must not be empty");
  return s;
}

bool JsonReader::boolean() const {
  if (!value_->is_boolean()) fail("expected true or false, found " + type_name(*value_));
  return value_->get<bool>();
}

SimTime JsonReader::duration() const {
  double seconds = 0;
  if (value_->is_number()) {
    seconds = number();
  } else if (value_->is_string()) {
    const auto ms = duration_string_ms(value_->get<std::string>());
    if (!ms)
      fail("\"" + value_->get<std::string>() +
           "\" is not a duration; write seconds as a number or a string like \"90s\", \"15m\", "
           "\"4d18h\" (units ms s m h d w)");
    seconds = *ms / 1000.0;
  } else {
    fail("expected a duration (seconds, or a string like \"90s\", \"15m\", \"4d18h\"), found " +
         type_name(*value_));
  }
  if (seconds < 0) fail("a duration must not be negative (found " + value_->dump() + ")");
  if (const auto t = duration_from_seconds(seconds)) return *t;
  if (seconds * 1000 > 0x1p53)
    fail("a duration must be at most 2^53 ms, about 285,000 years (found " + value_->dump() + ")");
  fail("a duration must be a whole number of milliseconds (found " + value_->dump() + ")");
}

Cidr JsonReader::cidr() const {
  const std::string text = string();
  const CidrParse parsed = parse_cidr(text);
  if (parsed.cidr) return *parsed.cidr;
  if (parsed.error == CidrParse::Error::host_bits_set) {
    const auto slash = text.find('/');
    const int length = std::stoi(text.substr(slash + 1));
    const std::uint32_t mask =
        length == 0 ? 0 : static_cast<std::uint32_t>(0xFFFFFFFFull << (32 - length));
    const Cidr canonical{Ipv4{Ipv4::parse(text.substr(0, slash))->value & mask}, length};
    fail("\"" + text + "\" is not canonical (host bits set); did you mean \"" +
         canonical.to_string() + "\"?");
  }
  fail("\"" + text + "\" is not an IPv4 CIDR like \"203.0.113.0/24\"");
}

double JsonReader::non_negative_or(std::string_view key, double fallback) const {
  return has(key) ? at(key).non_negative() : fallback;
}

double JsonReader::positive_or(std::string_view key, double fallback) const {
  return has(key) ? at(key).positive() : fallback;
}

double JsonReader::number_in_or(std::string_view key, double fallback, double min,
                                double max) const {
  return has(key) ? at(key).number_in(min, max) : fallback;
}

SimTime JsonReader::duration_or(std::string_view key, SimTime fallback) const {
  return has(key) ? at(key).duration() : fallback;
}

std::int64_t JsonReader::integer_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                                    std::int64_t max) const {
  return has(key) ? at(key).integer(min, max) : fallback;
}

std::optional<std::string> JsonReader::string_if(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return at(key).string();
}

std::string JsonReader::choice(std::initializer_list<std::string_view> choices) const {
  std::string s = string();
  if (std::find(choices.begin(), choices.end(), s) == choices.end())
    fail("\"" + s + "\" is not one of " + quoted_list(choices));
  return s;
}

}  // namespace albsim
