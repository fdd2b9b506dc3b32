#include "report/atomic_file.hpp"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace albsim {

AtomicFile::AtomicFile(std::filesystem::path destination)
    : destination_(std::move(destination)),
      temporary_(destination_.string() + ".tmp." + std::to_string(::getpid())),
      out_(temporary_, std::ios::binary | std::ios::trunc) {
  if (!out_) throw std::runtime_error("cannot write " + temporary_.string());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw std::runtime_error("writing " + temporary_.string() + " failed");
  out_.close();
  std::filesystem::rename(temporary_, destination_);
  committed_ = true;
}

}  // namespace albsim
