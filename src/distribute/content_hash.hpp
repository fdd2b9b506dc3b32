// The content hash of a scenario as loaded: what shards compare to show they simulated the same
// thing, and what a merge checks when it loads the scenario again.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/file_cache.hpp"

namespace albsim {

// FNV-1a-64 (16 hex digits) over the document after every override and over the content of
// every file the load read (each trace's samples, each ip-ranges.json selection). Paths are not
// hashed: the same files under another mount point give the same hash.
std::string content_hash(const nlohmann::json& document, const FileCache& files);

}  // namespace albsim
