// JsonReader: typed, strict access to one JSON value of a scenario document. Every accessor
// knows its JSON pointer and throws InputError naming the file, the pointer, what is wrong and
// what would be right. Objects must declare their keys: an unknown key is an error, with a
// "did you mean" when a known key is close.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "albsim/ipv4.hpp"
#include "albsim/sim_time.hpp"

namespace albsim {

// Levenshtein distance, for suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Appends RFC 6901 escaping of `token` to a pointer.
std::string pointer_append(const std::string& pointer, std::string_view token);

class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string pointer, const std::string& file)
      : value_(&value), pointer_(std::move(pointer)), file_(&file) {}

  const nlohmann::json& json() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& file() const { return *file_; }

  [[noreturn]] void fail(const std::string& problem) const;

  // Object access. expect_object() also rejects keys not in `allowed`.
  void expect_object(std::initializer_list<std::string_view> allowed) const;
  bool has(std::string_view key) const;
  JsonReader at(std::string_view key) const;  // the key must exist
  JsonReader element(std::size_t index) const;
  std::size_t array_size() const;  // the value must be an array

  // Scalars (of this value).
  double number() const;                           // finite
  double non_negative() const;                     // finite, >= 0
  double positive() const;                         // finite, > 0
  double number_in(double min, double max) const;  // finite, in [min, max]
  std::int64_t integer(std::int64_t min, std::int64_t max) const;
  std::string string() const;
  std::string identifier() const;  // non-empty string
  SimTime duration() const;        // number of seconds or "4d18h"
  Cidr cidr() const;               // canonical IPv4 prefix
  bool boolean() const;

  // Optional members with a default.
  double non_negative_or(std::string_view key, double fallback) const;
  double positive_or(std::string_view key, double fallback) const;
  double number_in_or(std::string_view key, double fallback, double min, double max) const;
  SimTime duration_or(std::string_view key, SimTime fallback) const;
  std::int64_t integer_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) const;
  std::optional<std::string> string_if(std::string_view key) const;

  // A string that must be one of `choices`.
  std::string choice(std::initializer_list<std::string_view> choices) const;

 private:
  const nlohmann::json* value_;
  std::string pointer_;
  const std::string* file_;
};

}  // namespace albsim
