// AtomicFile: writes a file under a temporary name beside its destination and renames it into
// place on commit(). If commit() never runs, the temporary is removed: a failed run leaves no
// half-written output.
#pragma once

#include <filesystem>
#include <fstream>

namespace albsim {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // Flushes and renames into place; throws std::runtime_error when the write failed.
  void commit();

 private:
  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace albsim
