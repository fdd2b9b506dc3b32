// SIGINT and SIGTERM mid-run: the temporaries of AtomicFile (report/atomic_file.hpp) that are
// still open are removed, one line says so on stderr, and the process exits 130 (SIGINT) or 143
// (SIGTERM), as a shell reports a process a signal ended. Outputs already committed stay; none
// is half-written.
//
// The handler does only what is safe in a signal handler (unlink, write, _exit): the registry is
// a fixed table of paths, filled outside it.
#pragma once

#include <cstddef>
#include <string>

namespace albsim {

// Installs the handler for SIGINT and SIGTERM (a signal ignored when the process started, as
// SIGINT is for a shell's background job, stays ignored); it prints its line when `announce`.
// Call once, from main.
void install_interrupt_cleanup(bool announce);

// A temporary file the handler removes until it is forgotten. A path longer than the table's
// slots, or more temporaries than it holds at once (64), is not registered: the next
// AtomicFile beside it removes it instead (its process is gone).
class RegisteredTemporary {
 public:
  explicit RegisteredTemporary(const std::string& path);
  ~RegisteredTemporary();
  RegisteredTemporary(const RegisteredTemporary&) = delete;
  RegisteredTemporary& operator=(const RegisteredTemporary&) = delete;

 private:
  int slot_;  // -1: not registered
};

}  // namespace albsim
