// AtomicFile: writes a file under a temporary name beside its destination
// ("<name>.tmp.<pid>") and renames it into place on commit. If no commit happens, the temporary is
// removed: a failed run leaves no half-written output; so does SIGINT or SIGTERM
// (interrupt_cleanup.hpp). Temporaries left by runs that were killed (their process is gone) are
// removed when a new AtomicFile opens beside them.
#pragma once

#include <filesystem>
#include <fstream>
#include <initializer_list>

#include "report/interrupt_cleanup.hpp"

namespace albsim {

class AtomicFile {
 public:
  // Throws InputError naming the file when it cannot be created.
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // commit_together({this}).
  void commit();

 private:
  friend void commit_together(std::initializer_list<AtomicFile*> files);

  void finish_writing();
  void check_destination() const;
  void publish();

  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  RegisteredTemporary registered_;  // removed by SIGINT or SIGTERM until committed
  std::ofstream out_;
  bool committed_ = false;
};

// Commits files that belong together (report.json and timeseries.csv): every one is written out
// and its destination checked before any is renamed into place, so a fault found then (a full
// disk, a destination that is a directory) leaves every earlier file as it was. Null entries (a
// file this run does not write) are skipped. Throws InputError
// naming the file.
void commit_together(std::initializer_list<AtomicFile*> files);

// Creates an output directory (--out) and its parents. Throws InputError naming --out.
void create_output_directory(const std::filesystem::path& dir);

}  // namespace albsim
