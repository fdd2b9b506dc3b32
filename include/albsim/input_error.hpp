// InputError: a fault in user input, carried from where it is found up to the CLI, which prints
// what() as one line and exits 2. The message names the file, the JSON pointer and the fix.
#pragma once

#include <stdexcept>
#include <string>

namespace albsim {

class InputError : public std::runtime_error {
 public:
  InputError(const std::string& file, const std::string& pointer, const std::string& problem)
      : std::runtime_error(file + (pointer.empty() ? "" : ": " + pointer) + ": " + problem),
        file_(file),
        pointer_(pointer) {}

  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

 private:
  std::string file_;
  std::string pointer_;
};

}  // namespace albsim
