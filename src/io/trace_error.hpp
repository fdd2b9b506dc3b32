// TraceError: a fault in a trace file; `line` is 0 when it concerns the whole file.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace albsim {

class TraceError : public std::runtime_error {
 public:
  TraceError(std::size_t at_line, const std::string& what)
      : std::runtime_error(what), line(at_line) {}
  std::size_t line;
};

}  // namespace albsim
