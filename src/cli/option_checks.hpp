// Bounds on command-line values, held like file content: every number an option takes is checked
// as text (so 99999999999999999999 is refused as given, not clamped by the conversion), with
// its limits and the value in the message; every argument's length and the argument count are
// bounded before parsing. CLI11 prints a refused value as "--seed: <why>" and albsim exits 2.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace albsim {

inline constexpr std::size_t kMaxArguments = 4096;
inline constexpr std::int64_t kMaxThreads = 1024;
inline constexpr double kMaxAlternativePrice = 1e6;           // USD, for plan's alternatives
inline constexpr std::size_t kMaxArgumentBytes = 128 * 1024;  // a --set of 64 KiB, and its pointer

// A whole number from `low` to `high` (decimal digits, an optional leading minus).
CLI::Validator whole_number(std::int64_t low, std::int64_t high);

// A finite decimal number from `low` to `high`.
CLI::Validator finite_number(double low, double high);

// Why `argc` arguments of `argv` cannot be parsed (too many, one too long), or nothing.
std::optional<std::string> argument_fault(int argc, const char* const* argv);

}  // namespace albsim
