// The albsim command line: `run`, `validate`. Returns the process exit code: 0 ok, 2 bad input
// or usage (one line on `err` naming the file and JSON pointer), 1 internal error.
#pragma once

#include <ostream>

namespace albsim {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace albsim
