// TraceError: a fault in a trace file; `line` is 0 when it concerns the whole file. Its message
// is one printable line (printable_line), so a NUL quoted from the file does not cut it.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "albsim/input_error.hpp"

namespace albsim {

class TraceError : public std::runtime_error {
 public:
  TraceError(std::size_t at_line, const std::string& what)
      : std::runtime_error(printable_line(what, kMaxMessage)), line(at_line) {}
  std::size_t line;
};

}  // namespace albsim
