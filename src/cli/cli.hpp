// The albsim command line: `run`, `merge`, `validate`, `plan`, `import aws`. Returns the process
// exit code: 0 ok, 2 bad input or usage (one line on `err` naming the file and JSON pointer),
// 1 internal error.
#pragma once

#include <ostream>

#include "distribute/peers.hpp"

namespace albsim {

// `peers`: the processes sharing this run under mpirun (only rank 0 writes files; the caller
// gives the others silent streams); alone otherwise.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            Peers& peers = this_process_alone());

}  // namespace albsim
