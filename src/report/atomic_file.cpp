#include "report/atomic_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

// Removes "<destination>.tmp.<pid>" files whose process no longer exists.
void remove_stale_temporaries(const std::filesystem::path& destination) {
  const std::string prefix = destination.filename().string() + ".tmp.";
  std::error_code error;
  const std::filesystem::path dir =
      destination.has_parent_path() ? destination.parent_path() : std::filesystem::path(".");
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH)
      std::filesystem::remove(entry.path(), error);
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path destination)
    : destination_(std::move(destination)),
      temporary_(destination_.string() + ".tmp." + std::to_string(::getpid())),
      registered_(std::filesystem::absolute(temporary_).string()) {
  remove_stale_temporaries(destination_);
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_)
    throw InputError(destination_.string(), "",
                     std::string("cannot write here: ") + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::finish_writing() {
  errno = 0;
  out_.flush();
  if (out_) out_.close();
  if (!out_)
    throw InputError(destination_.string(), "",
                     std::string("writing it failed: ") +
                         (errno != 0 ? std::strerror(errno) : "the disk may be full"));
}

void AtomicFile::check_destination() const {
  std::error_code error;
  if (std::filesystem::is_directory(destination_, error))
    throw InputError(destination_.string(), "", "cannot write it: a directory has that name");
}

void AtomicFile::publish() {
  std::error_code error;
  std::filesystem::rename(temporary_, destination_, error);
  if (error) throw InputError(destination_.string(), "", "cannot write it: " + error.message());
  committed_ = true;
}

void AtomicFile::commit() {
  commit_together({this});
}

void commit_together(std::initializer_list<AtomicFile*> files) {
  for (AtomicFile* f : files)
    if (f != nullptr) f->finish_writing();
  for (AtomicFile* f : files)
    if (f != nullptr) f->check_destination();
  for (AtomicFile* f : files)
    if (f != nullptr) f->publish();
}

void create_output_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw InputError("--out", "", "cannot create directory " + dir.string() + ": " + ec.message());
}

}  // namespace albsim
